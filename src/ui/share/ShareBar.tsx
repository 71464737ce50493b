import { create } from 'zustand';
import { useDatasetStore, selectedGrasp } from '../../state/datasetStore';
import { useLinkStore } from '../../state/urlState';
import { pngFileName, saveCanvasPng, viewportCanvas } from './savePng';

type Shown = { kind: 'copied' } | { kind: 'manual'; link: string } | { kind: 'local'; name: string } | { kind: 'error'; text: string } | null;

const useShown = create<{ shown: Shown }>(() => ({ shown: null }));
const show = (shown: Shown) => useShown.setState({ shown });

/** Copy link and Save PNG; the link is the page URL, which always describes the view. */
export function ShareBar() {
  const shown = useShown((s) => s.shown);
  return (
    <div className="share-bar">
      <button onClick={() => void copyLink()} title="Copy a link to this dataset, grasp, camera, toggles and filters">
        Copy link
      </button>
      <button onClick={() => void savePng()} title="Save the viewport as a PNG image">
        Save PNG
      </button>
      {shown && <SharePopover shown={shown} onClose={() => show(null)} />}
      <LinkProblems />
    </div>
  );
}

export async function copyLink(): Promise<void> {
  const localName = useLinkStore.getState().localName;
  if (localName) return show({ kind: 'local', name: localName });
  const link = window.location.href;
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(link);
    show({ kind: 'copied' });
  } catch {
    // No clipboard permission (or an insecure context): let the user copy it by hand.
    show({ kind: 'manual', link });
  }
}

export async function savePng(): Promise<void> {
  const canvas = viewportCanvas();
  const ds = useDatasetStore.getState();
  if (!canvas) return show({ kind: 'error', text: 'There is no viewport to save.' });
  try {
    await saveCanvasPng(canvas, pngFileName(ds.dataset?.name, selectedGrasp(ds)?.id));
  } catch (e) {
    show({ kind: 'error', text: `Could not save the image: ${e instanceof Error ? e.message : String(e)}` });
  }
}

function SharePopover({ shown, onClose }: { shown: NonNullable<Shown>; onClose: () => void }) {
  return (
    <div className="share-popover" role="status" data-testid="share-popover">
      {shown.kind === 'copied' && <span>Link copied to the clipboard.</span>}
      {shown.kind === 'manual' && (
        <label>
          Copy this link:
          <input readOnly value={shown.link} aria-label="Link to this view" onFocus={(e) => e.currentTarget.select()} autoFocus />
        </label>
      )}
      {shown.kind === 'local' && (
        <span>
          This dataset was opened from the local folder “{shown.name}”. A link cannot reopen local files (they were never uploaded). To share it, serve the folder over HTTP with
          CORS and open it by URL.
        </span>
      )}
      {shown.kind === 'error' && <span className="open-error">{shown.text}</span>}
      <button onClick={onClose} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}

function LinkProblems() {
  const problems = useLinkStore((s) => s.problems);
  if (problems.length === 0) return null;
  return (
    <div className="share-popover link-problems" role="alert" data-testid="link-problems">
      <ul>
        {problems.map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ul>
      <button onClick={() => useLinkStore.setState({ problems: [] })} aria-label="Dismiss link problems">
        ×
      </button>
    </div>
  );
}
