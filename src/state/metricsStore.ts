import { create } from 'zustand';
import type { GraspMetricsRow, MetricsOverlay } from '../core/metrics/types';

export type MetricsStatus = 'idle' | 'computing' | 'done' | 'cancelled' | 'error';

/**
 * Per-grasp metrics for the open dataset, filled in batches by the metrics worker pool (or from a
 * cache or a CLI results file). `version` increases with every batch so consumers can rebuild
 * derived tables without comparing the rows.
 */
export interface MetricsState {
  status: MetricsStatus;
  progress: { done: number; total: number; fromCache: number };
  /**
   * grasp id -> metrics row. Mutated in place (100,000 rows are not copied per batch); subscribe
   * to `version` to notice changes.
   */
  rows: Map<string, GraspMetricsRow>;
  version: number;
  source: 'computed' | 'file' | null;
  error: string | null;
  /** the selected grasp's overlay data (points inside, contacts, fingertip gaps), computed on its own */
  overlay: {
    graspId: string;
    status: 'computing' | 'done' | 'error';
    data: MetricsOverlay | null;
    row: GraspMetricsRow | null;
    error?: string;
  } | null;
}

export const useMetricsStore = create<MetricsState>(() => ({
  status: 'idle',
  progress: { done: 0, total: 0, fromCache: 0 },
  rows: new Map(),
  version: 0,
  source: null,
  error: null,
  overlay: null,
}));

export function addMetricRows(batch: GraspMetricsRow[]): void {
  if (batch.length === 0) return;
  const { rows, version } = useMetricsStore.getState();
  for (const r of batch) rows.set(r.id, r);
  useMetricsStore.setState({ version: version + 1 });
}
