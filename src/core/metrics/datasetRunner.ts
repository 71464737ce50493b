import type { Remote } from 'comlink';
import type { ResolvedGrasp } from '../dataset/loadDataset';
import type { MetricsService, ServiceRow } from './metricsService';
import { PoolCancelledError, type WorkerPool } from './pool';
import { emptyMetrics } from './types';

export interface RunOptions {
  /** grasps per task; larger amortises messaging, smaller balances load */
  chunkSize?: number;
  /** per-grasp time limit before the worker is killed and the grasp reported as failed */
  graspTimeoutMs?: number;
  onProgress?: (done: number, total: number, row: ServiceRow) => void;
  signal?: AbortSignal;
}

/**
 * Computes every grasp on a pool of MetricsService workers and returns one row per grasp in input
 * order. Grasps are grouped by object and hand so each worker sees few distinct meshes (its BVHs
 * are reused); a chunk whose worker crashes or hangs is retried grasp by grasp, and a grasp that
 * fails alone becomes an error row. Rejects with PoolCancelledError when cancelled.
 */
export async function runDatasetMetrics(pool: WorkerPool<MetricsService>, grasps: ResolvedGrasp[], opts: RunOptions = {}): Promise<ServiceRow[]> {
  const chunkSize = Math.max(1, opts.chunkSize ?? 8);
  const timeout = opts.graspTimeoutMs ?? 120_000;
  const order = grasps
    .map((g, i) => i)
    .sort((a, b) => {
      const ga = grasps[a],
        gb = grasps[b];
      return ga.object < gb.object ? -1 : ga.object > gb.object ? 1 : ga.hand < gb.hand ? -1 : ga.hand > gb.hand ? 1 : a - b;
    });
  const rows: ServiceRow[] = new Array(grasps.length);
  let done = 0;
  const onAbort = () => pool.cancel();
  opts.signal?.addEventListener('abort', onAbort);
  const finish = (i: number, row: ServiceRow) => {
    rows[i] = row;
    done++;
    opts.onProgress?.(done, grasps.length, row);
  };
  const computeChunk = (idx: number[]) => pool.run((api: Remote<MetricsService>) => api.compute(idx.map((i) => grasps[i])) as Promise<ServiceRow[]>, timeout * idx.length);

  const chunks: number[][] = [];
  for (let s = 0; s < order.length; s += chunkSize) chunks.push(order.slice(s, s + chunkSize));
  try {
    if (opts.signal?.aborted) throw new PoolCancelledError();
    await Promise.all(
      chunks.map(async (idx) => {
        try {
          const out = await computeChunk(idx);
          idx.forEach((i, k) => finish(i, out[k]));
        } catch (e) {
          if (e instanceof PoolCancelledError) throw e;
          // Find the culprit: rerun one by one so only the grasp that kills a worker fails.
          await Promise.all(
            idx.map(async (i) => {
              try {
                finish(i, (await computeChunk([i]))[0]);
              } catch (e2) {
                if (e2 instanceof PoolCancelledError) throw e2;
                finish(i, { id: grasps[i].id, ...emptyMetrics(e2 instanceof Error ? e2.message : String(e2)), cacheKey: '', ms: 0 });
              }
            }),
          );
        }
      }),
    );
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
  return rows;
}
