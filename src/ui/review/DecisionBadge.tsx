import type { DecisionState } from '../../core/review/decisionStates';

const TEXT: Record<DecisionState, string> = { undecided: '', accept: '✓', reject: '✗', skip: '»' };
const TITLE: Record<DecisionState, string> = { undecided: 'Undecided', accept: 'Accepted', reject: 'Rejected', skip: 'Skipped' };

/** A compact mark for a grasp's latest decision (list rows, history); `saving` while its record is being written. */
export function DecisionBadge({ state, saving = false }: { state: DecisionState; saving?: boolean }) {
  const title = saving ? `${TITLE[state]} (saving…)` : TITLE[state];
  return (
    <span className={`decision-badge decision-${state}${saving ? ' saving' : ''}`} title={title} aria-label={title} data-decision={state} data-saved={saving ? 'false' : 'true'}>
      {TEXT[state]}
    </span>
  );
}
