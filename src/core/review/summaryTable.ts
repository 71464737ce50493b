import { csvCell, csvRawRow, csvRow } from '../csv';
import { METRIC_INFO, metricHeading, type MetricName } from './metricNames';
import type { MetricTable } from './metricTable';

/** The columns of Web2Grasp Table 1, in its order. */
export const SUMMARY_METRICS: readonly MetricName[] = ['penetration_depth_cm', 'penetration_volume_cm3', 'disjoint_distance_cm', 'contact_ratio_pct'];

export interface SummaryRow {
  label: 'All' | 'Passing filters' | 'Accepted';
  /** grasps in the set */
  count: number;
  /** mean over the grasps of the set that have a value (NaN when none has) */
  means: Record<MetricName, number>;
  /** grasps of the set with no value for the metric (excluded from its mean) */
  missing: Record<MetricName, number>;
}

/**
 * Rows All / Passing filters / Accepted. `passing` and `accepted` are per-grasp flags (1 = in the
 * set); accepted is the latest decision, whether or not the grasp passes the current filters.
 */
export function summaryTable(table: MetricTable, passing: Uint8Array, accepted: Uint8Array): SummaryRow[] {
  return [summarize('All', table, null), summarize('Passing filters', table, passing), summarize('Accepted', table, accepted)];
}

function summarize(label: SummaryRow['label'], table: MetricTable, member: Uint8Array | null): SummaryRow {
  const means = {} as Record<MetricName, number>;
  const missing = {} as Record<MetricName, number>;
  let count = 0;
  for (let i = 0; i < table.n; i++) if (!member || member[i]) count++;
  for (const m of SUMMARY_METRICS) {
    const col = table.columns[m];
    let sum = 0,
      k = 0;
    for (let i = 0; i < table.n; i++) {
      if (member && !member[i]) continue;
      const v = col[i];
      if (v === v) {
        sum += v;
        k++;
      }
    }
    means[m] = k ? sum / k : NaN;
    missing[m] = count - k;
  }
  return { label, count, means, missing };
}

/** CSV with a labelled header including units; empty cells for means of empty sets. */
export function summaryToCsv(rows: SummaryRow[], digits = 4): string {
  const header = ['Set', 'Grasps', ...SUMMARY_METRICS.map((m) => metricHeading(m, true))];
  const lines = [csvRow(header)];
  for (const r of rows) {
    lines.push(csvRawRow([csvCell(r.label), String(r.count), ...SUMMARY_METRICS.map((m) => (Number.isNaN(r.means[m]) ? '' : r.means[m].toFixed(digits)))]));
  }
  return lines.join('\r\n') + '\r\n';
}

/** Display strings for one row, e.g. "0.42 cm"; "–" for empty sets. */
export function formatSummaryCell(row: SummaryRow, m: MetricName, digits = 2): string {
  const v = row.means[m];
  return Number.isNaN(v) ? '–' : `${v.toFixed(digits)} ${METRIC_INFO[m].unit}`;
}
