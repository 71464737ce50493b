import { METRIC_COLUMNS, type MetricName } from '../metrics/types';

export type { MetricName };

/** The metric columns the review works on, in file order (the same list the metrics writer uses). */
export const METRIC_NAMES: readonly MetricName[] = METRIC_COLUMNS;

export interface MetricInfo {
  label: string;
  /** for display (may hold non-ASCII, e.g. cm³) */
  unit: string;
  /** for CSV headers, which spreadsheets may read in a legacy code page */
  unitAscii: string;
  /** which way is better, so the UI can suggest whether a rule is a min or a max */
  better: 'lower' | 'higher' | 'neither';
  /** a narrow column heading (the grasp list), when the label is too long for one */
  short?: string;
  /** a count: shown without decimals */
  integer?: true;
}

export const METRIC_INFO: Record<MetricName, MetricInfo> = {
  penetration_depth_cm: { label: 'Penetration depth', unit: 'cm', unitAscii: 'cm', better: 'lower', short: 'Pen.' },
  penetration_volume_cm3: { label: 'Penetration volume', unit: 'cm³', unitAscii: 'cm3', better: 'lower', short: 'Vol.' },
  disjoint_distance_cm: { label: 'Disjoint distance', unit: 'cm', unitAscii: 'cm', better: 'lower', short: 'Disj.' },
  contact_ratio_pct: { label: 'Contact ratio', unit: '%', unitAscii: '%', better: 'higher', short: 'Cont.' },
  object_diagonal_cm: { label: 'Object diagonal', unit: 'cm', unitAscii: 'cm', better: 'neither', short: 'Diag.' },
  d2_wasserstein_cm: { label: 'D2 shape distance', unit: 'cm', unitAscii: 'cm', better: 'lower', short: 'D2' },
  affordance_score: { label: 'Affordance score', unit: 'fingertips', unitAscii: 'fingertips', better: 'higher', short: 'Aff.', integer: true },
  avoid_distance_cm: { label: 'Distance to avoid region', unit: 'cm', unitAscii: 'cm', better: 'higher', short: 'Avoid' },
};

export function isMetricName(s: string): s is MetricName {
  return (METRIC_NAMES as readonly string[]).includes(s);
}

/** "Penetration depth (cm)" */
export function metricHeading(m: MetricName, ascii = false): string {
  const info = METRIC_INFO[m];
  return `${info.label} (${ascii ? info.unitAscii : info.unit})`;
}
