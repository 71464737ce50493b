import type { BlobLike } from '../core/dataset/folderIO';
import { localUrl } from '../core/dataset/folderIO';
import { useDatasetStore } from './datasetStore';
import { publishLocalFiles } from './pageIO';
import { markLocalDataset } from './urlState';
import { useOpenStore } from './openStore';

/**
 * Opens a folder the user picked or dropped: its manifest, or an importer's result held in
 * memory. Files stay in the page (and its workers); nothing is uploaded.
 */
export async function openLocalFiles(files: Record<string, BlobLike>): Promise<boolean> {
  useOpenStore.setState({ busy: `Reading ${Object.keys(files).length} files…`, error: null, report: null });
  try {
    // The importers load only when a folder is opened: most sessions open a URL.
    const { prepareLocalFolder } = await import('../core/importers/prepareLocalFolder');
    const prepared = await prepareLocalFolder(files);
    if (!prepared.ok) {
      useOpenStore.setState({ busy: null, error: prepared.error, dialogOpen: true });
      return false;
    }
    const { prefix } = publishLocalFiles(prepared.files);
    markLocalDataset(prepared.report.folder);
    useOpenStore.setState({ busy: null, report: prepared.report, dialogOpen: !!prepared.report.imported });
    void useDatasetStore.getState().open(localUrl(prefix + prepared.report.manifestPath));
    return true;
  } catch (e) {
    useOpenStore.setState({ busy: null, error: `Could not open the folder: ${e instanceof Error ? e.message : String(e)}`, dialogOpen: true });
    return false;
  }
}
