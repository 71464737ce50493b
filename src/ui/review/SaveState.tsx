import { useReviewStore } from '../../state/reviewStore';

/** Whether every decision made is in the database yet ("Saving 2…" while writes are in flight). */
export function SaveState() {
  const unsaved = useReviewStore((s) => s.unsaved.size);
  const dbReady = useReviewStore((s) => s.dbReady);
  const text = !dbReady ? 'Opening saved decisions…' : unsaved ? `Saving ${unsaved}…` : 'All decisions saved';
  return (
    <div className={'save-state' + (unsaved ? ' saving' : '')} role="status" data-testid="save-state" data-unsaved={unsaved}>
      {text}
    </div>
  );
}
