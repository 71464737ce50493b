import { createStore, useStore, type StoreApi } from 'zustand';
import type { GraspMetricsRow, MetricsOverlay } from '../core/metrics/types';

/** reading = the one bulk read of cached rows that comes before any worker starts */
export type MetricsStatus = 'idle' | 'reading' | 'computing' | 'done' | 'cancelled' | 'error';

/**
 * Per-grasp metrics for the open dataset, filled in batches by the metrics worker pool (or from a
 * cache or a CLI results file). `version` increases with every batch so consumers can rebuild
 * derived tables without comparing the rows.
 */
export interface MetricsState {
  status: MetricsStatus;
  /**
   * done = rows shown, fromCache = of those read from IndexedDB, computed = rows the pool
   * computed in this run (0 when everything came from the cache).
   */
  progress: { done: number; total: number; fromCache: number; computed: number };
  /** true while cached rows shown at once are being checked against the files' contents */
  checking: boolean;
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
    /** where `data` came from: the IndexedDB cache (shown at once) or a worker */
    source?: 'cache' | 'computed';
    error?: string;
  } | null;
  /** merges a batch of rows (in place) and bumps `version` */
  addRows(batch: GraspMetricsRow[]): void;
  /** drops rows found stale (their files changed) so they are not shown while recomputed */
  removeRows(ids: string[]): void;
}

export type MetricsStore = StoreApi<MetricsState>;

/** A fresh store: one per session, and one per test. */
export function createMetricsStore(): MetricsStore {
  return createStore<MetricsState>()((set, get) => ({
    status: 'idle',
    progress: { done: 0, total: 0, fromCache: 0, computed: 0 },
    checking: false,
    rows: new Map(),
    version: 0,
    source: null,
    error: null,
    overlay: null,
    addRows(batch) {
      if (batch.length === 0) return;
      const { rows, version } = get();
      for (const r of batch) rows.set(r.id, r);
      set({ version: version + 1 });
    },
    removeRows(ids) {
      if (ids.length === 0) return;
      const { rows, version } = get();
      for (const id of ids) rows.delete(id);
      set({ version: version + 1 });
    },
  }));
}

const appMetricsStore = createMetricsStore();

/** The app's metrics store as a React hook (with getState/setState/subscribe like any zustand store). */
export const useMetricsStore = Object.assign(
  <T = MetricsState>(selector?: (s: MetricsState) => T): T => useStore(appMetricsStore, selector ?? ((s) => s as unknown as T)),
  appMetricsStore,
);

export function addMetricRows(batch: GraspMetricsRow[]): void {
  appMetricsStore.getState().addRows(batch);
}
