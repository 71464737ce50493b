import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { batchDecide, batchTargets } from '../../state/reviewActions';
import { useReviewStore } from '../../state/reviewStore';

/** Accept or reject every grasp passing the filters, after a confirmation naming the count; Backspace undoes the batch. */
export function BatchActions() {
  const [asking, setAsking] = useState<'accept' | 'reject' | null>(null);
  const dbReady = useReviewStore((s) => s.dbReady);
  const counts = useReviewStore(useShallow((s) => ({ accept: batchTargets(s, 'accept').length, reject: batchTargets(s, 'reject').length, pass: s.result?.passCount ?? 0 })));
  if (!dbReady) return null;
  const verb = (d: 'accept' | 'reject') => (d === 'accept' ? 'Accept' : 'Reject');
  return (
    <div className="batch-actions" role="group" aria-label="Batch decisions" data-testid="batch-actions">
      {asking ? (
        <>
          <span>
            {verb(asking)} {counts[asking].toLocaleString('en-US')} grasp{counts[asking] === 1 ? '' : 's'} passing the filters?
          </span>
          <button
            autoFocus
            onClick={() => {
              setAsking(null);
              void batchDecide(asking);
            }}
          >
            {verb(asking)} {counts[asking].toLocaleString('en-US')}
          </button>
          <button onClick={() => setAsking(null)}>Cancel</button>
        </>
      ) : (
        <>
          <span className="muted">All {counts.pass.toLocaleString('en-US')} passing:</span>
          <button disabled={counts.accept === 0} onClick={() => setAsking('accept')} title="Accept every grasp passing the filters that is not accepted yet">
            Accept all… ({counts.accept.toLocaleString('en-US')})
          </button>
          <button disabled={counts.reject === 0} onClick={() => setAsking('reject')} title="Reject every grasp passing the filters that is not rejected yet">
            Reject all… ({counts.reject.toLocaleString('en-US')})
          </button>
        </>
      )}
    </div>
  );
}
