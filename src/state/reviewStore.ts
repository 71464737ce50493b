import { create } from 'zustand';
import { DecisionLog } from '../core/review/decisions';
import { EMPTY_RULES, type FilterResult, type FilterRules } from '../core/review/filterRules';
import type { MetricTable } from '../core/review/metricTable';
import type { MetricName } from '../core/review/metricNames';
import type { FilterPreset } from '../core/review/presets';
import { DEFAULT_REASONS } from '../core/review/reasons';
import type { QueueOrder } from '../core/review/reviewQueue';
import type { ImportRow } from '../storage/reviewDb';
import { deriveView } from './reviewDerive';

/**
 * The review workflow's state: filter rules, the columnar metric table, the filter result, the
 * queue, the decision log (fed by the storage subscription, so other tabs' decisions arrive
 * live) and the annotator's settings. Large arrays are replaced, never mutated, so selectors see
 * new references; the log is mutated in place and announced by `logVersion`.
 */
export interface ReviewState {
  datasetKey: string | null;
  /** false until the decision database is open and its records loaded */
  dbReady: boolean;
  table: MetricTable | null;
  /** bumps whenever metric values in the table change (histogram ranges depend on them) */
  tableVersion: number;
  rules: FilterRules;
  activePreset: string | null;
  order: QueueOrder;
  log: DecisionLog;
  logVersion: number;
  /** DECISION_CODE per table row */
  codes: Uint8Array;
  result: FilterResult | null;
  queue: Int32Array;
  /** table rows the list shows, in queue order: those passing the filters, or every grasp with `showAll` */
  rows: Int32Array;
  showAll: boolean;
  /** the metric columns the grasp list shows */
  listColumns: MetricName[];
  annotator: string;
  reasons: string[];
  presets: FilterPreset[];
  /** the reasons and note being entered for `draft.grasp` */
  draft: { grasp: string | null; reasons: string[]; note: string };
  /** decision records whose IndexedDB write has not committed yet: record id -> grasp */
  unsaved: ReadonlyMap<string, string>;
  /** storage and file errors, shown in a banner until dismissed */
  errors: string[];
  /** transient confirmations (imports, end of queue) */
  notice: string | null;
  imports: ImportRow[];
  annotatorDialog: boolean;
  /** a decision asked for before the annotator was named, made once they are */
  pendingDecision: 'accept' | 'reject' | 'skip' | null;
  helpOpen: boolean;
}

const NO_ROWS = new Int32Array(0);
const NO_CODES = new Uint8Array(0);

export const useReviewStore = create<ReviewState>(() => ({
  datasetKey: null,
  dbReady: false,
  table: null,
  tableVersion: 0,
  rules: EMPTY_RULES,
  activePreset: null,
  order: { kind: 'dataset' },
  log: new DecisionLog(),
  logVersion: 0,
  codes: NO_CODES,
  result: null,
  queue: NO_ROWS,
  rows: NO_ROWS,
  showAll: false,
  listColumns: ['penetration_depth_cm', 'contact_ratio_pct'],
  annotator: '',
  reasons: [...DEFAULT_REASONS],
  presets: [],
  draft: { grasp: null, reasons: [], note: '' },
  unsaved: new Map(),
  errors: [],
  notice: null,
  imports: [],
  annotatorDialog: false,
  pendingDecision: null,
  helpOpen: false,
}));

/**
 * Re-derives codes, filter result, queue and list rows. `what` says what changed: decisions
 * alone keep the queue (its members do not depend on decisions), anything else rebuilds it.
 */
export function recompute(what: 'decisions' | 'all'): void {
  const s = useReviewStore.getState();
  if (!s.table) {
    useReviewStore.setState({ codes: NO_CODES, result: null, queue: NO_ROWS, rows: NO_ROWS });
    return;
  }
  const codes = s.log.codes(s.table.ids);
  const prev = what === 'decisions' && s.result ? { result: s.result, queue: s.queue, rows: s.rows } : undefined;
  const view = deriveView(s.table, s.rules, codes, s.order, { prev, showAll: s.showAll });
  useReviewStore.setState({ codes, result: view.result, queue: view.queue, rows: view.rows });
}

export function pushError(message: string): void {
  useReviewStore.setState((s) => (s.errors.includes(message) ? s : { errors: [...s.errors, message] }));
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
