import { FAIL_DECISION, evaluate, type Bounds, type FilterResult, type FilterRules } from '../core/review/filterRules';
import { METRIC_NAMES, type MetricName } from '../core/review/metricNames';
import type { MetricRow, MetricTable } from '../core/review/metricTable';
import { buildQueue, nextUndecided, type QueueOrder } from '../core/review/reviewQueue';
import type { GraspMetricsRow } from '../core/metrics/types';
import { ownEntry, setEntry } from '../core/dataset/ownEntry';

/*
 * Plain functions behind the review store (no React, no storage), kept apart so they are unit-tested.
 */

/** The metrics store's rows in the review table's shape. */
export function metricRowsFromStore(rows: Iterable<GraspMetricsRow>): MetricRow[] {
  const out: MetricRow[] = [];
  for (const r of rows) {
    const values: MetricRow['values'] = {};
    for (const m of METRIC_NAMES) values[m] = r[m];
    out.push({ id: r.id, values, error: r.error });
  }
  return out;
}

/**
 * Queue membership: passes every rule except the decision-state filter, so decided grasps stay in
 * the queue and count towards progress.
 */
export function queueMembers(result: FilterResult): Uint8Array {
  const out = new Uint8Array(result.total);
  for (let i = 0; i < result.total; i++) out[i] = (result.failures[i] & ~FAIL_DECISION) === 0 ? 1 : 0;
  return out;
}

/** The rows the grasp list shows while filtering: the queue's rows that pass every rule, in queue order. */
export function visibleRows(queue: Int32Array, pass: Uint8Array): Int32Array {
  let k = 0;
  const out = new Int32Array(queue.length);
  for (let q = 0; q < queue.length; q++) if (pass[queue[q]]) out[k++] = queue[q];
  return out.slice(0, k);
}

export interface ReviewView {
  result: FilterResult;
  queue: Int32Array;
  rows: Int32Array;
}

/**
 * Filter result, queue and the list's rows; pass the previous view when only decisions changed
 * (queue members cannot have, and the list keeps its order while the annotator decides). With
 * `showAll` the list holds every grasp, in the same order.
 */
export function deriveView(table: MetricTable, rules: FilterRules, codes: Uint8Array, order: QueueOrder, opts: { prev?: ReviewView; showAll?: boolean } = {}): ReviewView {
  const result = evaluate(rules, table, codes);
  const q = opts.prev?.queue ?? buildQueue(table, queueMembers(result), order, codes);
  if (!opts.showAll) return { result, queue: q, rows: visibleRows(q, result.pass) };
  const rows = opts.prev && opts.prev.rows.length === table.n ? opts.prev.rows : buildQueue(table, new Uint8Array(table.n).fill(1), order, codes);
  return { result, queue: q, rows };
}

/**
 * Where to go after deciding `row`: the first undecided grasp after it in the queue, else the
 * first undecided one before it (the annotator may have started mid-queue); -1 when none is left.
 * A row outside the queue continues from the queue's start.
 */
export function nextQueueRow(queue: Int32Array, row: number, codes: Uint8Array): { row: number; pos: number } {
  const pos = queue.indexOf(row);
  let k = nextUndecided(queue, pos, codes);
  if (k < 0 && pos >= 0) {
    k = nextUndecided(queue, -1, codes);
    if (k >= pos) k = -1;
  }
  return k < 0 ? { row: -1, pos: -1 } : { row: queue[k], pos: k };
}

/** The neighbour of `current` in `rows` (the list as shown); rows[0] when current is not in it. */
export function stepInRows(rows: Int32Array, current: number, delta: number): number {
  if (rows.length === 0) return -1;
  const k = rows.indexOf(current);
  if (k < 0) return rows[0];
  return rows[Math.max(0, Math.min(rows.length - 1, k + delta))];
}

/**
 * Where the selection goes when the list changes under it (a filter was edited): it stays when
 * its grasp is still listed, else moves to the first grasp after it in the old list that is still
 * listed, else the last one before it, else the new list's first row; -1 when the list is empty.
 */
export function followSelection(prev: Int32Array, next: Int32Array, selected: number): number {
  if (next.length === 0) return -1;
  if (next.includes(selected)) return selected;
  const listed = new Set(next);
  const k = prev.indexOf(selected);
  if (k >= 0) {
    for (let j = k + 1; j < prev.length; j++) if (listed.has(prev[j])) return prev[j];
    for (let j = k - 1; j >= 0; j--) if (listed.has(prev[j])) return prev[j];
  }
  return next[0];
}

/** Whether any rule narrows the set (so the list shows the filtered rows). */
export function rulesActive(rules: FilterRules): boolean {
  const hasBound = (b: Partial<Record<MetricName, Bounds>>) =>
    Object.values(b).some((x) => x && ((x.min !== undefined && x.min !== null) || (x.max !== undefined && x.max !== null)));
  return (
    hasBound(rules.metrics) ||
    Object.values(rules.perCategory).some((o) => Object.keys(o).length > 0) ||
    !!rules.hands?.length ||
    !!rules.categories?.length ||
    !!rules.decisionStates?.length ||
    !!rules.text?.trim()
  );
}

/** '' = the global rules; otherwise a category's overrides. */
export type RuleScope = string;

/**
 * Sets one bound, returning new rules. `value` undefined removes the bound (globally) or the
 * override (in a category, which then inherits the global bound); null in a category removes the
 * global bound there. Empty objects are dropped so saved presets stay minimal.
 */
export function setBound(rules: FilterRules, scope: RuleScope, metric: MetricName, key: 'min' | 'max', value: number | null | undefined): FilterRules {
  const edit = (b: Partial<Record<MetricName, Bounds>>, allowNull: boolean) => {
    const next: Bounds = { ...(b[metric] ?? {}) };
    if (value === undefined || (value === null && !allowNull)) delete next[key];
    else next[key] = value;
    const out = { ...b };
    if (Object.keys(next).length) out[metric] = next;
    else delete out[metric];
    return out;
  };
  if (!scope) return { ...rules, metrics: edit(rules.metrics, false) };
  // Categories are dataset strings ("constructor", "__proto__"): own properties only.
  const over = edit(ownEntry(rules.perCategory, scope) ?? {}, true);
  const perCategory = { ...rules.perCategory };
  if (Object.keys(over).length) setEntry(perCategory, scope, over);
  else delete perCategory[scope];
  return { ...rules, perCategory };
}

/** Bound value for display in a scope: a category shows its own override only (undefined = inherits). */
export function boundAt(rules: FilterRules, scope: RuleScope, metric: MetricName, key: 'min' | 'max'): number | null | undefined {
  const b = scope ? ownEntry(rules.perCategory, scope)?.[metric] : rules.metrics[metric];
  return b?.[key];
}

/** Whether a metric's bounds in a scope (a category's overrides over the global ones) let nothing pass: min above max. */
export function boundsConflict(rules: FilterRules, scope: RuleScope, metric: MetricName): boolean {
  const pick = (k: 'min' | 'max') => {
    const own = scope ? boundAt(rules, scope, metric, k) : undefined;
    return own === undefined ? rules.metrics[metric]?.[k] : own;
  };
  const min = pick('min'),
    max = pick('max');
  return typeof min === 'number' && typeof max === 'number' && min > max;
}

/** A value under the pointer, rounded to the histogram's resolution so dragged bounds read cleanly. */
export function roundToStep(v: number, step: number): number {
  const fine = step / 10;
  return Number((Math.round(v / fine) * fine).toPrecision(6));
}
