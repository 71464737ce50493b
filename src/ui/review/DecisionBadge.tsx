import type { DecisionState } from '../../core/review/decisionStates';

const TEXT: Record<DecisionState, string> = { undecided: '', accept: '✓', reject: '✗', skip: '»' };
const TITLE: Record<DecisionState, string> = { undecided: 'Undecided', accept: 'Accepted', reject: 'Rejected', skip: 'Skipped' };

/** A compact mark for a grasp's latest decision (list rows, history). */
export function DecisionBadge({ state }: { state: DecisionState }) {
  return (
    <span className={`decision-badge decision-${state}`} title={TITLE[state]} aria-label={TITLE[state]} data-decision={state}>
      {TEXT[state]}
    </span>
  );
}
