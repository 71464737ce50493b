import { useEffect, useRef } from 'react';
import { useReviewStore } from '../../state/reviewStore';
import { actions } from '../actions';
import { keyLabel } from './keyLabel';

/** Every action of the studio with its keys (read from the actions registry, so it never goes stale). */
export function HelpOverlay() {
  const open = useReviewStore((s) => s.helpOpen);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);
  if (!open) return null;
  const close = () => useReviewStore.setState({ helpOpen: false });
  return (
    <div className="modal-backdrop" onClick={close}>
      <div
        className="modal help"
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            close();
          }
        }}
      >
        <h2>Keyboard shortcuts</h2>
        <table>
          <tbody>
            {actions.map((a) => (
              <tr key={a.name} data-action={a.name} className={a.enabled && !a.enabled() ? 'muted' : undefined}>
                <td>
                  {a.keys.map((k) => (
                    <kbd key={k}>{keyLabel(k)}</kbd>
                  ))}
                </td>
                <td>{a.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">Keys typed into text fields stay in the field; Esc leaves a field.</p>
        <button ref={closeRef} onClick={close}>
          Close
        </button>
      </div>
    </div>
  );
}
