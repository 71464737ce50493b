import { Worker } from 'node:worker_threads';
import type { Endpoint } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { WorkerPool, type WorkerHandle, type WorkerPoolOptions } from '../core/metrics/pool';
import type { MetricsService } from '../core/metrics/metricsService';

// From source (tsx) this module is nodePool.ts and the worker boots tsx itself; in the built CLI
// (scripts/build-cli.mjs) it is bundled into dist-cli/main.mjs next to metricsWorker.mjs.
const WORKER_URL = import.meta.url.endsWith('.ts') ? new URL('./metricsWorkerBoot.mjs', import.meta.url) : new URL('./metricsWorker.mjs', import.meta.url);

/**
 * Node worker threads running the metrics service. Each thread runs the built worker (or, from
 * source, the TypeScript through tsx; see metricsWorkerBoot.mjs) and gets a heap cap, so a
 * pathological mesh kills one thread, not the process.
 */
export function createNodeMetricsPool(size: number, init: WorkerPoolOptions<MetricsService>['init'], heapMb = 4096): WorkerPool<MetricsService> {
  return new WorkerPool<MetricsService>({
    size,
    init,
    create: (): WorkerHandle => {
      const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
      // Idle workers must not keep the CLI alive once the work is done.
      return {
        endpoint: nodeEndpoint(worker as unknown as Parameters<typeof nodeEndpoint>[0]) as Endpoint,
        terminate: () => void worker.terminate(),
        onFailure: (cb) => {
          worker.on('error', (e) => cb(e instanceof Error ? e : new Error(String(e))));
          worker.on('exit', (code) => cb(new Error(`worker exited with code ${code}`)));
        },
      };
    },
  });
}
