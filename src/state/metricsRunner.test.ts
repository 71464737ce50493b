import { describe, expect, it } from 'vitest';
import { MessageChannel } from 'node:worker_threads';
import { expose, type Endpoint } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { WorkerPool, type WorkerHandle } from '../core/metrics/pool';
import type { LoadedDataset, ResolvedGrasp } from '../core/dataset/loadDataset';
import type { MetricsService, ServiceRow } from '../core/metrics/metricsService';
import { emptyMetrics, type GraspMetricsRow, type MetricsOverlay } from '../core/metrics/types';
import type { AddressedOverlay, AddressedRow } from '../storage/metricsCache';
import { createMetricsRunner } from './metricsRunner';
import { createMetricsStore, type MetricsStore } from './metricsStore';

function fakeWorker(api: object): WorkerHandle {
  const { port1, port2 } = new MessageChannel();
  expose(api, nodeEndpoint(port1 as never));
  return {
    endpoint: nodeEndpoint(port2 as never) as Endpoint,
    terminate: () => {
      port1.close();
      port2.close();
    },
    onFailure: () => undefined,
  };
}

/** A stand-in for the workers' MetricsService: content keys come from `contents`, every call is counted. */
class FakeService {
  computed: string[] = [];
  keyCalls = 0;
  gate: Promise<void> = Promise.resolve();
  constructor(readonly contents: Map<string, string>) {}
  row(g: ResolvedGrasp): ServiceRow {
    return { id: g.id, ...emptyMetrics(''), penetration_depth_cm: g.id.length / 10, cacheKey: this.key(g), ms: 1 };
  }
  key(g: ResolvedGrasp) {
    return `content-${this.contents.get(g.id) ?? 'v1'}-${g.id}`;
  }
  api() {
    return {
      configure: () => undefined,
      keys: async (gs: ResolvedGrasp[]) => {
        this.keyCalls++;
        await this.gate;
        return gs.map((g) => this.key(g));
      },
      compute: (gs: ResolvedGrasp[]) => gs.map((g) => (this.computed.push(g.id), this.row(g))),
      computeOne: (g: ResolvedGrasp) => {
        this.computed.push(`overlay:${g.id}`);
        const overlay: MetricsOverlay = {
          penetration: { points: new Float32Array(3), depths: new Float32Array([0.01]) },
          contact: { points: new Float32Array(0), inContact: new Uint8Array(0) },
          fingertips: [],
        };
        return { ...this.row(g), overlay };
      },
    };
  }
}

function memoryCache() {
  const rows = new Map<string, GraspMetricsRow>();
  const byAddress = new Map<string, AddressedRow>();
  const overlays = new Map<string, AddressedOverlay>();
  return {
    rows,
    byAddress,
    overlays,
    getMany: async (keys: string[]) => keys.map((k) => rows.get(k)),
    putMany: async (e: { key: string; row: GraspMetricsRow }[]) => void e.forEach(({ key, row }) => rows.set(key, row)),
    getByAddress: async (a: string[]) => a.map((k) => byAddress.get(k)),
    putByAddress: async (e: AddressedRow[]) => void e.forEach((x) => byAddress.set(x.address, x)),
    getOverlay: async (a: string) => overlays.get(a),
    putOverlay: async (e: AddressedOverlay) => void overlays.set(e.address, e),
  };
}

// Distinct poses: grasps with identical inputs share one cache entry, as they should.
const grasp = (id: string, i: number): ResolvedGrasp => ({
  id,
  object: 'ball',
  hand: 'shadow',
  root: { position: [0, 0, i / 100], quaternion: [0, 0, 0, 1] },
  joints: {},
  source: 'x',
});
const dataset = (n: number): LoadedDataset => ({
  name: 't',
  manifestUrl: 'https://data.org/set/manifest.json',
  hands: { shadow: { spec: { builtin: 'shadowhand' } as never } },
  objects: { ball: { spec: { mesh: 'ball.obj', category: 'ball' } as never, meshUrl: 'https://data.org/set/ball.obj' } },
  grasps: Array.from({ length: n }, (_, i) => grasp(`g${i}`, i)),
  issues: [],
});

function runner(service: FakeService, cache: ReturnType<typeof memoryCache>, store: MetricsStore = createMetricsStore()) {
  const r = createMetricsRunner({
    store,
    cache: () => cache,
    createPool: (init) => new WorkerPool<MetricsService>({ size: 2, init, create: () => fakeWorker(service.api()) }),
    createWorker: () => fakeWorker(service.api()),
    flushMs: 1,
  });
  return { r, store };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('metrics runner', () => {
  it('computes everything once, then shows every row from one cache read before the pool has answered', async () => {
    const cache = memoryCache();
    const d = dataset(20);
    const first = new FakeService(new Map());
    const a = runner(first, cache);
    await a.r.computeDatasetMetrics(d);
    expect(a.store.getState()).toMatchObject({ status: 'done', progress: { done: 20, fromCache: 0, computed: 20 } });
    expect(first.computed).toHaveLength(20);
    a.r.dispose();

    // A fresh session (a reload): the workers' content keys are held back, yet the rows are there.
    const second = new FakeService(new Map());
    let release!: () => void;
    second.gate = new Promise((r) => (release = r));
    const b = runner(second, cache);
    const run = b.r.computeDatasetMetrics(d);
    await tick();
    await tick();
    expect(b.store.getState()).toMatchObject({ status: 'done', checking: true, progress: { done: 20, fromCache: 20, computed: 0 } });
    expect(b.store.getState().rows.get('g7')?.penetration_depth_cm).toBeCloseTo(0.2);
    release();
    await run;
    expect(b.store.getState()).toMatchObject({ status: 'done', checking: false, progress: { done: 20, fromCache: 20, computed: 0 } });
    expect(second.keyCalls).toBeGreaterThan(0);
    expect(second.computed).toEqual([]);
    b.r.dispose();
  });

  it('recomputes only a row whose file changed under the same URL', async () => {
    const cache = memoryCache();
    const d = dataset(6);
    const a = runner(new FakeService(new Map()), cache);
    await a.r.computeDatasetMetrics(d);
    a.r.dispose();

    const changed = new FakeService(new Map([['g3', 'v2']]));
    const b = runner(changed, cache);
    await b.r.computeDatasetMetrics(d);
    expect(changed.computed).toEqual(['g3']);
    expect(b.store.getState()).toMatchObject({ status: 'done', progress: { done: 6, fromCache: 5, computed: 1 } });
    expect(b.store.getState().rows.size).toBe(6);
    b.r.dispose();
  });

  it('reset (a ?metrics=manual open) stops a run, empties the table and computes nothing more', async () => {
    const service = new FakeService(new Map());
    let release!: () => void;
    service.gate = new Promise((r) => (release = r));
    const { r, store } = runner(service, memoryCache());
    store.getState().addRows([{ ...emptyMetrics(''), id: 'old' }]);
    const run = r.computeDatasetMetrics(dataset(5));
    await tick();
    r.resetMetrics(7);
    release();
    await run;
    await tick();
    expect(store.getState()).toMatchObject({ status: 'idle', checking: false, progress: { done: 0, total: 7, computed: 0 } });
    expect(store.getState().rows.size).toBe(0);
    expect(service.computed).toEqual([]);
    r.dispose();
  });

  it('finds rows by content when the dataset moved to another URL', async () => {
    const cache = memoryCache();
    const a = runner(new FakeService(new Map()), cache);
    await a.r.computeDatasetMetrics(dataset(4));
    a.r.dispose();
    const moved = { ...dataset(4), objects: { ball: { spec: { mesh: 'ball.obj', category: 'ball' } as never, meshUrl: 'https://mirror.org/ball.obj' } } };
    const service = new FakeService(new Map());
    const b = runner(service, cache);
    await b.r.computeDatasetMetrics(moved);
    expect(service.computed).toEqual([]);
    expect(b.store.getState().progress).toMatchObject({ done: 4, fromCache: 4, computed: 0 });
    b.r.dispose();
  });

  it('shows a grasp seen before with its cached overlay and does not recompute it when its files are unchanged', async () => {
    const cache = memoryCache();
    const d = dataset(3);
    const first = new FakeService(new Map());
    const a = runner(first, cache);
    await a.r.computeOverlay(d, d.grasps[1]);
    expect(a.store.getState().overlay).toMatchObject({ graspId: 'g1', status: 'done', source: 'computed' });
    expect(first.computed).toEqual(['overlay:g1']);
    a.r.dispose();

    const second = new FakeService(new Map());
    const b = runner(second, cache);
    await b.r.computeOverlay(d, d.grasps[1]);
    expect(b.store.getState().overlay).toMatchObject({ graspId: 'g1', status: 'done', source: 'cache' });
    expect(b.store.getState().overlay?.data?.penetration.depths[0]).toBeCloseTo(0.01);
    expect(second.computed).toEqual([]);

    const changed = new FakeService(new Map([['g1', 'v2']]));
    const c = runner(changed, cache);
    await c.r.computeOverlay(d, d.grasps[1]);
    expect(changed.computed).toEqual(['overlay:g1']);
    expect(c.store.getState().overlay?.source).toBe('computed');
    b.r.dispose();
    c.r.dispose();
  });

  it('keeps only the latest of overlapping overlay requests and can be cancelled', async () => {
    const cache = memoryCache();
    const d = dataset(5);
    const { r, store } = runner(new FakeService(new Map()), cache);
    await Promise.all(d.grasps.map((g) => r.computeOverlay(d, g)));
    expect(store.getState().overlay?.graspId).toBe('g4');

    const run = r.computeDatasetMetrics(d);
    r.cancelMetrics();
    await run;
    expect(store.getState().status).toBe('cancelled');
    r.dispose();
  });
});
