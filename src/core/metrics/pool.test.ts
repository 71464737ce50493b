import { describe, expect, it } from 'vitest';
import { MessageChannel } from 'node:worker_threads';
import { expose, type Endpoint } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { PoolCancelledError, WorkerPool, type WorkerHandle } from './pool';
import { runDatasetMetrics } from './datasetRunner';
import type { MetricsService } from './metricsService';
import type { ResolvedGrasp } from '../dataset/loadDataset';
import { emptyMetrics } from './types';

/** An in-process stand-in for a worker: a Comlink API on one end of a MessageChannel. */
function fakeWorker(api: object, log: string[]): WorkerHandle {
  const { port1, port2 } = new MessageChannel();
  expose(api, nodeEndpoint(port1 as never));
  let fail: ((e: Error) => void) | null = null;
  (api as { crash?: () => void }).crash = () => fail?.(new Error('boom'));
  return {
    endpoint: nodeEndpoint(port2 as never) as Endpoint,
    terminate: () => {
      log.push('terminated');
      port1.close();
      port2.close();
    },
    onFailure: (cb) => (fail = cb),
  };
}

const grasp = (id: string): ResolvedGrasp => ({ id, object: 'o', hand: 'h', root: { position: [0, 0, 0], quaternion: [0, 0, 0, 1] }, joints: {}, source: 'x' });

describe('worker pool', () => {
  it('runs tasks, kills a worker whose task times out, and keeps going with a fresh one', async () => {
    const log: string[] = [];
    let spawned = 0;
    const pool = new WorkerPool<{ work(ms: number): Promise<string> }>({
      size: 1,
      create: () => {
        spawned++;
        return fakeWorker({ work: (ms: number) => new Promise((r) => setTimeout(() => r(`done ${ms}`), ms)) }, log);
      },
    });
    expect(await pool.run((api) => api.work(1))).toBe('done 1');
    await expect(pool.run((api) => api.work(10_000), 50)).rejects.toThrow(/timed out/);
    expect(log).toEqual(['terminated']);
    expect(await pool.run((api) => api.work(1))).toBe('done 1');
    expect(spawned).toBe(2);
    pool.destroy();
  });

  it('cancel() rejects queued and running tasks and terminates busy workers', async () => {
    const log: string[] = [];
    const pool = new WorkerPool<{ work(ms: number): Promise<string> }>({
      size: 1,
      create: () => fakeWorker({ work: (ms: number) => new Promise((r) => setTimeout(() => r('x'), ms)) }, log),
    });
    const running = pool.run((api) => api.work(10_000));
    const queued = pool.run((api) => api.work(1));
    await new Promise((r) => setTimeout(r, 20));
    pool.cancel();
    await expect(running).rejects.toBeInstanceOf(PoolCancelledError);
    await expect(queued).rejects.toBeInstanceOf(PoolCancelledError);
    expect(log).toEqual(['terminated']);
  });

  it('runDatasetMetrics retries a failed chunk grasp by grasp so only the culprit errors', async () => {
    const log: string[] = [];
    const progress: number[] = [];
    const pool = new WorkerPool<MetricsService>({
      size: 2,
      create: () => {
        const api = {
          compute: async (gs: ResolvedGrasp[]) => {
            if (gs.some((g) => g.id === 'bad')) {
              // The worker dies mid-task (as on out-of-memory).
              (api as unknown as { crash(): void }).crash();
              return new Promise(() => undefined);
            }
            return gs.map((g) => ({ id: g.id, ...emptyMetrics(''), contact_ratio_pct: 1, cacheKey: 'k', ms: 0 }));
          },
        };
        return fakeWorker(api, log);
      },
    });
    const grasps = ['a', 'b', 'bad', 'c', 'd'].map(grasp);
    const rows = await runDatasetMetrics(pool, grasps, { chunkSize: 3, onProgress: (done) => progress.push(done) });
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', 'bad', 'c', 'd']);
    expect(rows.map((r) => r.contact_ratio_pct)).toEqual([1, 1, null, 1, 1]);
    expect(rows[2].error).toBe('worker failed: boom');
    expect(progress.at(-1)).toBe(5);
    pool.destroy();
  });
});
