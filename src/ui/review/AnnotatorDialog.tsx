import { useState } from 'react';
import { cancelAnnotatorDialog, setAnnotator } from '../../state/reviewActions';
import { useReviewStore } from '../../state/reviewStore';

/** Asks for the annotator's name once (saved in settings); every decision records it. */
export function AnnotatorDialog() {
  const open = useReviewStore((s) => s.annotatorDialog);
  const current = useReviewStore((s) => s.annotator);
  const pending = useReviewStore((s) => s.pendingDecision);
  const [name, setName] = useState('');
  if (!open) return null;
  return (
    <div className="modal-backdrop">
      <form
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-label="Annotator name"
        onKeyDown={(e) => e.key === 'Escape' && cancelAnnotatorDialog()}
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) void setAnnotator(name);
        }}
      >
        <h2>Who is annotating?</h2>
        <p className="muted small">Your name is recorded with every decision (with the time and the metric values shown) and kept in this browser.</p>
        <input autoFocus aria-label="Your name" placeholder={current || 'name'} value={name} onChange={(e) => setName(e.target.value)} />
        <div className="button-row">
          <button type="submit" disabled={!name.trim()}>
            {pending ? `Save and ${pending}` : 'Save'}
          </button>
          <button type="button" onClick={cancelAnnotatorDialog}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
