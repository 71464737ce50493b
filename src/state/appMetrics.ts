import { MetricsCache } from '../storage/metricsCache';
import { createBrowserMetricsPool, createMetricsWorker } from './browserMetricsPool';
import { createMetricsRunner } from './metricsRunner';
import { useMetricsStore } from './metricsStore';
import { limitsFromSearch } from '../core/dataset/readLimits';

/** The page's metrics runner: browser workers, the IndexedDB cache and the app's metrics store. */
export const appMetrics = createMetricsRunner({
  store: useMetricsStore,
  cache: () => new MetricsCache(),
  createPool: (init) => createBrowserMetricsPool(init),
  createWorker: createMetricsWorker,
  limits: limitsFromSearch(globalThis.location?.search ?? ''),
});
