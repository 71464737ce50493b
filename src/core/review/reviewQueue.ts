import { METRIC_NAMES, isMetricName, type MetricName } from './metricNames';
import type { MetricTable } from './metricTable';

/** Columns of the grasp list besides the metrics. */
export type TextColumn = 'id' | 'category' | 'hand' | 'decision';
export type SortColumn = TextColumn | MetricName;

export type QueueOrder =
  | { kind: 'dataset' }
  | { kind: 'metric'; metric: MetricName; direction: 'asc' | 'desc' }
  | { kind: 'column'; column: TextColumn; direction: 'asc' | 'desc' }
  | { kind: 'shuffle'; seed: number };

/** The list column a queue order sorts by (null: dataset order or shuffled). */
export function sortedColumn(order: QueueOrder): { column: SortColumn; direction: 'asc' | 'desc' } | null {
  if (order.kind === 'metric') return { column: order.metric, direction: order.direction };
  if (order.kind === 'column') return { column: order.column, direction: order.direction };
  return null;
}

/** A click (or Enter) on a column heading: ascending, then descending, then back to dataset order. */
export function toggleSort(order: QueueOrder, column: SortColumn): QueueOrder {
  const now = sortedColumn(order);
  const direction = now?.column !== column ? 'asc' : now.direction === 'asc' ? 'desc' : null;
  if (!direction) return { kind: 'dataset' };
  return isMetricName(column) ? { kind: 'metric', metric: column, direction } : { kind: 'column', column, direction };
}

/**
 * The review queue: table rows with member[i] = 1 (normally the filter's pass flags, without a
 * decision-state filter, so decided grasps stay in the queue and count towards progress), in the
 * chosen order. Missing metric values go last in both directions; ties keep dataset order (the
 * sort is stable). Sorting by decision needs `codes` (DECISION_CODE per row).
 *
 * Shuffling sorts by a hash of (seed, grasp id) rather than permuting the list, so two grasps keep
 * their relative order whatever else the filters let in, and annotators who share a seed share
 * an order even when their filters differ.
 */
export function buildQueue(table: MetricTable, member: Uint8Array, order: QueueOrder, codes?: Uint8Array): Int32Array {
  const rows: number[] = [];
  for (let i = 0; i < table.n; i++) if (member[i]) rows.push(i);
  if (order.kind === 'metric') {
    if (!METRIC_NAMES.includes(order.metric)) throw new Error(`unknown metric "${order.metric}"`);
    const col = table.columns[order.metric];
    const sign = order.direction === 'asc' ? 1 : -1;
    rows.sort((a, b) => {
      const va = col[a],
        vb = col[b];
      const na = va !== va,
        nb = vb !== vb;
      if (na || nb) return na === nb ? a - b : na ? 1 : -1;
      return va === vb ? a - b : sign * (va - vb);
    });
  } else if (order.kind === 'column') {
    const sign = order.direction === 'asc' ? 1 : -1;
    const c = order.column;
    // Strings compare by code unit (locale-free, so every annotator sees one order); ties keep dataset order.
    const text = c === 'id' ? table.ids : c === 'category' ? table.categories : c === 'hand' ? table.hands : null;
    const index = c === 'category' ? table.category : c === 'hand' ? table.hand : null;
    const at = (i: number): string | number => (c === 'id' ? table.ids[i] : index ? text![index[i]] : (codes?.[i] ?? 0));
    rows.sort((a, b) => {
      const va = at(a),
        vb = at(b);
      return va === vb ? a - b : va < vb ? -sign : sign;
    });
  } else if (order.kind === 'shuffle') {
    const keys = new Float64Array(table.n);
    for (const i of rows) keys[i] = shuffleKey(order.seed, table.ids[i]);
    rows.sort((a, b) => keys[a] - keys[b] || (table.ids[a] < table.ids[b] ? -1 : 1));
  }
  return Int32Array.from(rows);
}

/** 32-bit hash of seed and id (FNV-1a, murmur3 finaliser); fixed forever so shared seeds stay shared. */
export function shuffleKey(seed: number, id: string): number {
  let h = (0x811c9dc5 ^ Math.imul(seed | 0, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Position in the queue of the first undecided grasp after `from` (-1 = none); codes[i] = DECISION_CODE. */
export function nextUndecided(queue: Int32Array, from: number, codes: Uint8Array): number {
  for (let k = Math.max(0, from + 1); k < queue.length; k++) if (codes[queue[k]] === 0) return k;
  return -1;
}

/** The next `count` undecided rows after `from`: what to prefetch so moving on is instant. */
export function upcoming(queue: Int32Array, from: number, codes: Uint8Array, count = 2): number[] {
  const out: number[] = [];
  for (let k = Math.max(0, from + 1); k < queue.length && out.length < count; k++) if (codes[queue[k]] === 0) out.push(queue[k]);
  return out;
}

export function queueProgress(queue: Int32Array, codes: Uint8Array): { decided: number; total: number; fraction: number } {
  let decided = 0;
  for (let k = 0; k < queue.length; k++) if (codes[queue[k]] !== 0) decided++;
  return { decided, total: queue.length, fraction: queue.length ? decided / queue.length : 0 };
}
