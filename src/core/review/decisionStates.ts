/** What a grasp's latest decision is; 'undecided' when it has none (or all were undone). */
export type DecisionState = 'undecided' | 'accept' | 'reject' | 'skip';
export const DECISION_STATES: readonly DecisionState[] = ['undecided', 'accept', 'reject', 'skip'];

/** Compact per-grasp codes so the filter can read decision state from a Uint8Array column. */
export const DECISION_CODE: Record<DecisionState, number> = { undecided: 0, accept: 1, reject: 2, skip: 3 };

/** 1 where codes[i] is the given state: e.g. the accepted set for the summary table. */
export function flagsFor(codes: Uint8Array, state: DecisionState): Uint8Array {
  const want = DECISION_CODE[state];
  return Uint8Array.from(codes, (c) => (c === want ? 1 : 0));
}
