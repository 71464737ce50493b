import { useReviewStore } from '../../state/reviewStore';

/** A grasp's full decision history, newest first; withdrawn decisions struck through. */
export function DecisionHistory({ grasp }: { grasp: string }) {
  const log = useReviewStore((s) => s.log);
  useReviewStore((s) => s.logVersion);
  const history = log.history(grasp);
  if (history.length === 0)
    return (
      <p className="muted small" data-testid="history-empty">
        No decisions yet.
      </p>
    );
  return (
    <ol className="history" data-testid="decision-history" reversed>
      {[...history].reverse().map((r) => (
        <li key={r.id} className={log.isWithdrawn(r) ? 'withdrawn' : ''} data-decision={r.decision}>
          <span className={`history-decision decision-${r.decision}`}>{r.decision}</span>{' '}
          <span className="muted">
            {r.annotator} · <time dateTime={r.time}>{new Date(r.time).toLocaleString()}</time>
          </span>
          {r.reasons.length > 0 && <div className="history-reasons">{r.reasons.join(', ')}</div>}
          {r.note && <div className="history-note">“{r.note}”</div>}
        </li>
      ))}
    </ol>
  );
}
