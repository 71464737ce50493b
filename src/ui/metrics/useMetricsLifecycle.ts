import { useEffect } from 'react';
import { useDatasetStore } from '../../state/datasetStore';
import { appMetrics } from '../../state/appMetrics';

/** Metrics start in the background when a dataset opens; the selected grasp gets its overlay. */
export function useMetricsLifecycle(): void {
  const dataset = useDatasetStore((s) => s.dataset);
  const status = useDatasetStore((s) => s.status);
  const selected = useDatasetStore((s) => s.selected);
  // Streaming datasets grow while loading; start once the grasp list is complete.
  useEffect(() => {
    if (!dataset || status !== 'ready') return;
    void appMetrics.computeDatasetMetrics(dataset);
    return () => appMetrics.cancelMetrics('restart');
  }, [dataset, status]);
  useEffect(() => {
    const grasp = dataset?.grasps[selected];
    if (dataset && grasp) void appMetrics.computeOverlay(dataset, grasp);
  }, [dataset, selected]);
}
