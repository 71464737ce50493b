import type { ResolvedGrasp } from '../dataset/loadDataset';
import { METRIC_NAMES, type MetricName } from './metricNames';
import { ownEntry } from '../dataset/ownEntry';

/** One grasp's metrics as computed elsewhere; null/absent = not computed. */
export interface MetricRow {
  id: string;
  values: Partial<Record<MetricName, number | null>>;
  /** errors and warnings joined by "; ", warnings prefixed "warning:" (the metrics results format) */
  error?: string;
}

/**
 * Column-oriented view of the dataset for filtering: one Float64Array per metric (NaN = missing)
 * so 100k grasps are re-evaluated in a tight loop without touching objects.
 */
export interface MetricTable {
  n: number;
  ids: string[];
  indexOf: Map<string, number>;
  columns: Record<MetricName, Float64Array>;
  /** 1 where a metrics row exists for the grasp */
  computed: Uint8Array;
  /** 1 where the metrics row carries an error (warnings alone do not count) */
  errored: Uint8Array;
  /** the error text of errored rows */
  errors: Map<number, string>;
  /** 1 where the grasp has a reconstruction mesh (D2 is only defined for those) */
  hasReconstruction: Uint8Array;
  /** index into `categories` */
  category: Int32Array;
  categories: string[];
  /** index into `hands` (the manifest's hand ids) */
  hand: Int32Array;
  hands: string[];
  /** lower-cased id, object id and grasp meta, for text search */
  searchText: string[];
}

type GraspLike = Pick<ResolvedGrasp, 'id' | 'object' | 'hand' | 'meta' | 'reconstruction'>;

export function buildMetricTable(dataset: { grasps: readonly GraspLike[]; objects: Record<string, { spec: { category: string } }> }, rows: readonly MetricRow[] = []): MetricTable {
  const n = dataset.grasps.length;
  const columns = {} as Record<MetricName, Float64Array>;
  for (const m of METRIC_NAMES) columns[m] = new Float64Array(n).fill(NaN);
  const categories: string[] = [];
  const hands: string[] = [];
  const catIndex = new Map<string, number>();
  const handIndex = new Map<string, number>();
  const intern = (map: Map<string, number>, list: string[], key: string) => {
    let k = map.get(key);
    if (k === undefined) {
      k = list.length;
      list.push(key);
      map.set(key, k);
    }
    return k;
  };
  const table: MetricTable = {
    n,
    ids: new Array(n),
    indexOf: new Map(),
    columns,
    computed: new Uint8Array(n),
    errored: new Uint8Array(n),
    errors: new Map(),
    hasReconstruction: new Uint8Array(n),
    category: new Int32Array(n),
    categories,
    hand: new Int32Array(n),
    hands,
    searchText: new Array(n),
  };
  dataset.grasps.forEach((g, i) => {
    table.ids[i] = g.id;
    table.indexOf.set(g.id, i);
    table.hasReconstruction[i] = g.reconstruction ? 1 : 0;
    // An object missing from the map cannot happen for a loaded dataset; '' keeps the table total.
    table.category[i] = intern(catIndex, categories, ownEntry(dataset.objects, g.object)?.spec.category ?? '');
    table.hand[i] = intern(handIndex, hands, g.hand);
    table.searchText[i] = `${g.id} ${g.object} ${g.meta ? JSON.stringify(g.meta) : ''}`.toLowerCase();
  });
  updateMetrics(table, rows);
  return table;
}

/** Writes metric rows into the table in place (metrics arrive in batches); returns how many matched a grasp. */
export function updateMetrics(table: MetricTable, rows: readonly MetricRow[]): number {
  let matched = 0;
  for (const r of rows) {
    const i = table.indexOf.get(r.id);
    if (i === undefined) continue;
    matched++;
    table.computed[i] = 1;
    for (const m of METRIC_NAMES) {
      const v = r.values[m];
      table.columns[m][i] = typeof v === 'number' && Number.isFinite(v) ? v : NaN;
    }
    const err = hardError(r.error);
    table.errored[i] = err ? 1 : 0;
    if (err) table.errors.set(i, err);
    else table.errors.delete(i);
  }
  return matched;
}

/** The error parts of a metrics error column, without its warnings; '' when there are none. */
export function hardError(error: string | undefined): string {
  if (!error) return '';
  return error
    .split(/;\s*/)
    .filter((p) => p && !p.startsWith('warning:'))
    .join('; ');
}

/** The metric values of one grasp as shown to the annotator (null = missing). */
export function metricValuesAt(table: MetricTable, i: number): Record<MetricName, number | null> {
  const out = {} as Record<MetricName, number | null>;
  for (const m of METRIC_NAMES) {
    const v = table.columns[m][i];
    out[m] = Number.isNaN(v) ? null : v;
  }
  return out;
}
