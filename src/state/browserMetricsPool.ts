import type { Endpoint } from 'comlink';
import { WorkerPool, type WorkerHandle, type WorkerPoolOptions } from '../core/metrics/pool';
import type { MetricsService } from '../core/metrics/metricsService';

export function createMetricsWorker(): WorkerHandle {
  const worker = new Worker(new URL('../../workers/metrics.worker.ts', import.meta.url), { type: 'module', name: 'metrics' });
  return {
    endpoint: worker as unknown as Endpoint,
    terminate: () => worker.terminate(),
    onFailure: (cb) => {
      worker.addEventListener('error', (e) => cb(new Error(e.message || 'worker error')));
      worker.addEventListener('messageerror', () => cb(new Error('worker message could not be read')));
    },
  };
}

/**
 * One metrics worker per core but one: the page, the viewport and the scene worker keep a core, so
 * stepping through grasps stays smooth on a 2-core laptop while a whole dataset is measured.
 */
export function createBrowserMetricsPool(init: WorkerPoolOptions<MetricsService>['init'], size?: number): WorkerPool<MetricsService> {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return new WorkerPool<MetricsService>({ size: size ?? Math.max(1, Math.min(cores - 1, 8)), init, create: createMetricsWorker });
}
