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

/**
 * `?metrics=manual`: a dataset's metrics wait for the Compute button instead of starting in the
 * background when it opens (a slow machine, a huge dataset, or a test that does not need them).
 */
export function metricsAreManual(search: string = globalThis.location?.search ?? ''): boolean {
  return new URLSearchParams(search).get('metrics') === 'manual';
}
