import { useEffect, useRef, useState, type FormEvent } from 'react';
import { filesFromFileList } from '../../core/dataset/folderIO';
import { openDatasetParam, useLinkStore } from '../../state/urlState';
import { useOpenStore } from '../../state/openStore';
import { openLocalFiles } from '../../state/openLocal';

// React's types do not know the directory-picking attributes.
const folderAttrs = { webkitdirectory: '', directory: '' } as Record<string, string>;

/** "Open…" in the top bar: a manifest URL, a local folder (or drop one), and the import report. */
export function OpenDialog() {
  const open = useOpenStore((s) => s.dialogOpen);
  const setDialog = useOpenStore((s) => s.setDialog);
  return (
    <>
      <button className="open-button" onClick={() => setDialog(!open)} aria-expanded={open} aria-haspopup="dialog">
        Open…
      </button>
      {open && <OpenPanel onClose={() => setDialog(false)} />}
    </>
  );
}

function OpenPanel({ onClose }: { onClose: () => void }) {
  const busy = useOpenStore((s) => s.busy);
  const error = useOpenStore((s) => s.error);
  const report = useOpenStore((s) => s.report);
  const datasetParam = useLinkStore((s) => s.datasetParam);
  const [url, setUrl] = useState(datasetParam ?? '');
  const [urlError, setUrlError] = useState<string | null>(null);
  const urlField = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const filesInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    urlField.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = openDatasetParam(url);
    setUrlError(problem);
    if (!problem) onClose();
  };
  const pick = (list: FileList | null) => {
    if (list && list.length) void openLocalFiles(filesFromFileList(Array.from(list)));
  };

  return (
    <div className="open-panel" role="dialog" aria-label="Open a dataset" data-testid="open-dialog">
      <form onSubmit={submit}>
        <label htmlFor="open-url">Manifest URL (http or https, served with CORS)</label>
        <div className="open-row">
          <input
            id="open-url"
            ref={urlField}
            type="text"
            inputMode="url"
            value={url}
            placeholder="https://example.org/my-dataset/manifest.json"
            onChange={(e) => setUrl(e.target.value)}
            spellCheck={false}
          />
          <button type="submit">Open URL</button>
        </div>
        {urlError && (
          <p className="open-error" role="alert">
            {urlError}
          </p>
        )}
      </form>
      <div className="open-local">
        <div className="open-row">
          <button onClick={() => folderInput.current?.click()}>Open folder…</button>
          <button onClick={() => filesInput.current?.click()}>Open files…</button>
        </div>
        <input ref={folderInput} type="file" multiple {...folderAttrs} hidden data-testid="open-folder-input" aria-label="Dataset folder" onChange={(e) => pick(e.target.files)} />
        <input ref={filesInput} type="file" multiple hidden data-testid="open-files-input" aria-label="Dataset files" onChange={(e) => pick(e.target.files)} />
        <p className="hint">
          A folder with a <code>manifest.json</code> and its meshes, or research results an importer understands (reconstructed hand/object meshes, DexGraspNet records, DRO q
          vectors). You can also drop a folder anywhere on the page. The files stay on this computer: nothing is uploaded, and a link cannot reopen them.
        </p>
      </div>
      {busy && <p role="status">{busy}</p>}
      {error && (
        <p className="open-error" role="alert" data-testid="open-error">
          {error}
        </p>
      )}
      {report && <FolderReportView />}
      <div className="open-row end">
        <button onClick={onClose}>Close</button>
      </div>
    </div>
  );
}

function FolderReportView() {
  const report = useOpenStore((s) => s.report)!;
  const imp = report.imported;
  return (
    <section className="import-report" aria-label="Import report" data-testid="import-report">
      {imp ? (
        <p>
          No manifest in “{report.folder}”: imported it as <strong>{imp.kind}</strong> ({imp.reason}), {imp.grasps} grasp
          {imp.grasps === 1 ? '' : 's'}. The manifest is held in memory only.
        </p>
      ) : (
        <p>
          Opened {report.manifestPath} from “{report.folder}”.
        </p>
      )}
      {report.otherManifests.length > 0 && <p>Other manifests in the folder (not opened): {report.otherManifests.join(', ')}</p>}
      {imp && imp.issues.length > 0 && (
        <ul>
          {imp.issues.map((i, k) => (
            <li key={k} className={i.severity}>
              <strong>{i.file}</strong>: {i.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
