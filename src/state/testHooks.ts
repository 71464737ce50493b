import { emptyMetrics, type GraspMetricsRow } from '../core/metrics/types';
import { useDatasetStore } from './datasetStore';
import { addMetricRows } from './metricsStore';
import { ownEntry } from '../core/dataset/ownEntry';

/**
 * Hooks for browser tests: metric rows can be injected without computing them. Installed only in
 * development builds or when the page URL has ?e2e; they only feed the same store the metrics
 * computation fills, so they cannot reach storage or anything outside the page.
 */
export interface HoiStudioTestHooks {
  setMetricRows(rows: (Partial<GraspMetricsRow> & { id: string })[]): number;
  grasps(): { id: string; category: string; hand: string }[];
}

export function testHooksWanted(mode: string, search: string): boolean {
  return mode !== 'production' || new URLSearchParams(search).has('e2e');
}

export function installTestHooks(): void {
  if (typeof window === 'undefined' || !testHooksWanted(import.meta.env.MODE, window.location.search)) return;
  const hooks: HoiStudioTestHooks = {
    setMetricRows(rows) {
      const full: GraspMetricsRow[] = rows.map((r) => ({ ...emptyMetrics(''), ...r }));
      addMetricRows(full);
      return full.length;
    },
    grasps() {
      const d = useDatasetStore.getState().dataset;
      if (!d) return [];
      return d.grasps.map((g) => ({ id: g.id, category: ownEntry(d.objects, g.object)?.spec.category ?? '', hand: g.hand }));
    },
  };
  // Merged, not replaced: other parts of the studio may hang their own hooks here.
  const w = window as unknown as { __hoiStudio?: Partial<HoiStudioTestHooks> };
  w.__hoiStudio = Object.assign(w.__hoiStudio ?? {}, hooks);
}
