import { METRIC_INFO, type MetricName } from './metricNames';

/** A metric value for display: counts as integers, else three significant-ish digits; '—' when missing. */
export function formatMetric(v: number | null | undefined, metric?: MetricName): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (metric && METRIC_INFO[metric].integer) return Math.round(v).toString();
  return Math.abs(v) >= 100 ? v.toFixed(1) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(3);
}
