import type { BlobLike } from '../dataset/folderIO';
import { findManifest, topFolder } from './findManifest';
import { relocateImport } from '../dataset/relocateImport';
import { sniffImportKind } from './detectImportKind';
import { importDataset } from './importDataset';
import { importFilesFromMap } from './importFiles';
import type { ImportIssue, ImportKind } from './types';

/** What opening a folder did: which manifest, or which importer made one, and what it reported. */
export interface FolderReport {
  folder: string;
  manifestPath: string;
  /** set when an importer converted the folder */
  imported?: { kind: ImportKind; reason: string; grasps: number; issues: ImportIssue[] };
  /** other manifests in the folder that were not opened */
  otherManifests: string[];
}

export type PreparedFolder = { ok: true; files: Record<string, BlobLike>; report: FolderReport } | { ok: false; error: string };

/** Real Blobs: the files are structured-cloned to the workers. */
const asBlob = (text: string): BlobLike => new Blob([text], { type: 'application/json' });

/**
 * Decides how to open a dropped or picked folder: its manifest, or, when it has none, the
 * importer its files call for. The importer's manifest and shards are added as in-memory files
 * next to the input, so relative mesh paths keep pointing at the user's files. Plain logic, no
 * DOM: the caller publishes the files and opens `manifestPath`.
 */
export async function prepareLocalFolder(files: Record<string, BlobLike>): Promise<PreparedFolder> {
  const paths = Object.keys(files).sort();
  if (paths.length === 0) return { ok: false, error: 'The folder is empty (or the browser gave no files).' };
  const folder = topFolder(paths).replace(/\/$/, '') || 'files';
  const choice = findManifest(paths);
  if (choice.kind === 'manifest') {
    return { ok: true, files, report: { folder, manifestPath: choice.path, otherManifests: choice.others } };
  }
  if (choice.kind === 'none') return { ok: false, error: `Nothing to open in "${folder}": ${choice.reason}.` };

  let kind: ImportKind;
  let reason: string;
  if (choice.kind === 'records') {
    let found: { kind: ImportKind; reason: string } | undefined;
    for (const path of choice.files.slice(0, 8)) {
      found = sniffImportKind(await files[path].text(), path.slice(choice.root.length));
      if (found) break;
    }
    if (!found) {
      return {
        ok: false,
        error: `No manifest.json in "${folder}", and its JSON/CSV files are neither DexGraspNet records ("qpos") nor DRO q vectors ("q"): ${choice.files.slice(0, 3).join(', ')}`,
      };
    }
    ({ kind, reason } = found);
  } else ({ kind, reason } = { kind: choice.importer, reason: choice.reason });

  let result;
  try {
    result = await importDataset(kind, importFilesFromMap(files, choice.root), { name: folder });
  } catch (e) {
    return { ok: false, error: `Importing "${folder}" as ${kind} failed: ${e instanceof Error ? e.message : String(e)}` };
  }
  const out: Record<string, BlobLike> = { ...files };
  const manifestPath = `${choice.root}manifest.json`;
  // The manifest sits in the input root; shard paths must be made relative to the shards' folder.
  const placed = relocateImport(result, `/${choice.root}`, `/${choice.root}`);
  out[manifestPath] = asBlob(JSON.stringify(placed.manifest, null, 2));
  let grasps = placed.manifest.grasps?.length ?? 0;
  for (const [path, text] of Object.entries(placed.files)) {
    out[choice.root + path] = asBlob(text);
    if (path.endsWith('.jsonl')) grasps += text.split('\n').filter((l) => l.trim()).length;
  }
  return { ok: true, files: out, report: { folder, manifestPath, otherManifests: [], imported: { kind, reason, grasps, issues: result.issues } } };
}
