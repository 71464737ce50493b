import type { MetricName } from './metricNames';
import { buildMetricTable, type MetricRow, type MetricTable } from './metricTable';

export interface TestGrasp {
  id: string;
  category: string;
  hand?: string;
  recon?: boolean;
  meta?: Record<string, unknown>;
  values?: Partial<Record<MetricName, number | null>>;
  error?: string;
  /** no metrics row at all */
  uncomputed?: boolean;
}

/** A small table from a literal list: one object per category. */
export function tableOf(list: TestGrasp[]): MetricTable {
  const objects: Record<string, { spec: { category: string } }> = {};
  for (const g of list) objects[`o-${g.category}`] = { spec: { category: g.category } };
  const grasps = list.map((g) => ({
    id: g.id,
    object: `o-${g.category}`,
    hand: g.hand ?? 'shadow',
    meta: g.meta,
    reconstruction: g.recon === false ? undefined : { mesh: `${g.id}.obj` },
  }));
  const rows: MetricRow[] = list.filter((g) => !g.uncomputed).map((g) => ({ id: g.id, values: g.values ?? {}, error: g.error }));
  return buildMetricTable({ grasps, objects }, rows);
}
