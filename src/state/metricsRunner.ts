import { wrap, releaseProxy, type Remote } from 'comlink';
import type { LoadedDataset, ResolvedGrasp } from '../core/dataset/loadDataset';
import { errorText } from '../core/dataset/loadDataset';
import { addressKey } from '../core/metrics/addressKey';
import type { MetricsService, ServiceRow } from '../core/metrics/metricsService';
import { runDatasetMetrics } from '../core/metrics/datasetRunner';
import { PoolCancelledError, type WorkerHandle, type WorkerPool, type WorkerPoolOptions } from '../core/metrics/pool';
import { parseResultsFile } from '../core/metrics/resultsFile';
import type { GraspMetricsRow, MetricsOverlay } from '../core/metrics/types';
import type { MetricsCache } from '../storage/metricsCache';
import type { ReadLimits } from '../core/dataset/readLimits';
import type { MetricsStore } from './metricsStore';

type Cache = Pick<MetricsCache, 'getMany' | 'putMany' | 'getByAddress' | 'putByAddress' | 'getOverlay' | 'putOverlay'>;

export interface MetricsRunnerDeps {
  store: MetricsStore;
  /** opened on first use, so a page that never computes never opens IndexedDB */
  cache: () => Cache;
  createPool(init: WorkerPoolOptions<MetricsService>['init']): WorkerPool<MetricsService>;
  /** the overlay's own worker, so the selected grasp never waits behind the pool */
  createWorker(): WorkerHandle;
  /** rows are merged into the store at most this often while computing (ms) */
  flushMs?: number;
  /** read limits for the workers' loads: the page's, so a raised ?maxMeshMB applies to the metrics too */
  limits?: Partial<ReadLimits>;
}

export interface MetricsRunner {
  /**
   * Shows cached rows at once (one bulk read by address, before any worker starts), then checks
   * them against the files' contents in the pool and computes only what is missing or stale.
   */
  computeDatasetMetrics(dataset: LoadedDataset): Promise<void>;
  cancelMetrics(reason?: 'user' | 'restart'): void;
  /** Stops any run and empties the table: a dataset opened with ?metrics=manual waits for Compute. */
  resetMetrics(total: number): void;
  /** Loads a CLI results file (CSV or JSON) instead of computing. */
  loadMetricsFile(file: { name: string; text(): Promise<string> }): Promise<void>;
  /** The selected grasp's overlay: from the cache at once when it was seen before, checked, else computed. */
  computeOverlay(dataset: LoadedDataset, grasp: ResolvedGrasp): Promise<void>;
  /** Stops everything and releases the workers (end of a session or test). */
  dispose(): void;
}

function context(dataset: LoadedDataset) {
  return { hands: dataset.hands, objects: dataset.objects, manifestUrl: dataset.manifestUrl };
}

function stripRow(r: ServiceRow): GraspMetricsRow {
  const { cacheKey: _k, ms: _ms, overlay: _o, ...row } = r;
  return row;
}

/** Keys of grasps whose inputs could not be read: not stable, never cached. */
const cacheable = (key: string) => !!key && !key.startsWith('unavailable:');

interface OverlayWorker {
  api: Remote<MetricsService>;
  ready: Promise<void>;
  dataset: LoadedDataset;
  terminate(): void;
}

export function createMetricsRunner(deps: MetricsRunnerDeps): MetricsRunner {
  const { store } = deps;
  const flushMs = deps.flushMs ?? 100;
  const limits = deps.limits ?? {};
  let pool: WorkerPool<MetricsService> | null = null;
  let controller: AbortController | null = null;
  let cacheInstance: Cache | null = null;
  const cache = () => (cacheInstance ??= deps.cache());
  let overlayWorker: OverlayWorker | null = null;
  let overlayRequest = 0;

  function cancelMetrics(reason: 'user' | 'restart' = 'user'): void {
    controller?.abort();
    controller = null;
    pool?.destroy();
    pool = null;
    store.setState({ checking: false });
    const status = store.getState().status;
    if (reason === 'user' && (status === 'computing' || status === 'reading')) store.setState({ status: 'cancelled' });
  }

  function resetMetrics(total: number): void {
    cancelMetrics('restart');
    store.getState().rows.clear();
    store.setState((s) => ({
      status: 'idle',
      checking: false,
      progress: { done: 0, total, fromCache: 0, computed: 0 },
      version: s.version + 1,
      source: null,
      error: null,
    }));
  }

  async function computeDatasetMetrics(dataset: LoadedDataset): Promise<void> {
    cancelMetrics('restart');
    const ctrl = (controller = new AbortController());
    const grasps = dataset.grasps;
    const ctx = context(dataset);
    store.getState().rows.clear();
    store.setState((s) => ({
      status: 'reading',
      checking: false,
      progress: { done: 0, total: grasps.length, fromCache: 0, computed: 0 },
      version: s.version + 1,
      source: 'computed',
      error: null,
    }));
    if (grasps.length === 0) {
      store.setState({ status: 'done' });
      return;
    }
    const progress = (d: { done?: number; fromCache?: number; computed?: number }) =>
      store.setState((s) => ({
        progress: {
          ...s.progress,
          done: s.progress.done + (d.done ?? 0),
          fromCache: s.progress.fromCache + (d.fromCache ?? 0),
          computed: s.progress.computed + (d.computed ?? 0),
        },
      }));
    const cacheError = (e: unknown) => store.setState({ error: `Metrics cache: ${errorText(e)}` });

    // 1. Rows by address: hashing URLs and poses needs no mesh, so this is one bulk read on the page.
    const addresses = grasps.map((g) => addressKey(g, ctx));
    let byAddress: Awaited<ReturnType<Cache['getByAddress']>> = [];
    try {
      byAddress = await cache().getByAddress(addresses);
    } catch (e) {
      store.setState({ error: `Metrics cache unavailable, computing everything: ${errorText(e)}` });
    }
    if (ctrl.signal.aborted) return;
    const shown: GraspMetricsRow[] = [];
    grasps.forEach((g, i) => {
      const hit = byAddress[i];
      if (hit) shown.push({ ...hit.row, id: g.id });
    });
    store.getState().addRows(shown);
    progress({ done: shown.length, fromCache: shown.length });
    const allShown = shown.length === grasps.length;
    // Everything cached: the dataset is done as far as anyone looking can tell; the check below
    // only changes something when a file changed under the same URL.
    store.setState(allShown ? { status: 'done', checking: true } : { status: 'computing' });

    const thisPool = (pool = deps.createPool((api) => api.configure(ctx, {}, limits)));
    let pending: GraspMetricsRow[] = [];
    // Written as they come, so a reload or crash halfway keeps what was computed.
    let toCache: { key: string; row: GraspMetricsRow }[] = [];
    let toAddress: { address: string; key: string; row: GraspMetricsRow }[] = [];
    let flushTimer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      if (flushTimer) clearTimeout(flushTimer);
      flushTimer = null;
      if (toCache.length) cache().putMany(toCache).catch(cacheError);
      if (toAddress.length) cache().putByAddress(toAddress).catch(cacheError);
      toCache = [];
      toAddress = [];
      if (ctrl.signal.aborted) return;
      store.getState().addRows(pending);
      pending = [];
    };
    const later = () => (flushTimer ??= setTimeout(flush, flushMs));

    try {
      // 2. Content keys hash the mesh contents, so they are computed where the meshes are: in the workers.
      const CHUNK = 256;
      const keyChunks: Promise<string[]>[] = [];
      for (let i = 0; i < grasps.length; i += CHUNK) {
        const chunk = grasps.slice(i, i + CHUNK);
        keyChunks.push(thisPool.run((api: Remote<MetricsService>) => api.keys(chunk)));
      }
      const keys = (await Promise.all(keyChunks)).flat();
      const stale: string[] = [];
      const unresolved: number[] = [];
      grasps.forEach((g, i) => {
        const hit = byAddress[i];
        if (hit && hit.key === keys[i]) return;
        if (hit) stale.push(g.id);
        unresolved.push(i);
      });
      if (stale.length) {
        store.getState().removeRows(stale);
        progress({ done: -stale.length, fromCache: -stale.length });
        store.setState({ status: 'computing' });
      }

      // 3. Rows by content (the same meshes under another URL), then compute the rest.
      let byContent: (GraspMetricsRow | undefined)[] = [];
      if (unresolved.length) {
        try {
          byContent = await cache().getMany(unresolved.map((i) => keys[i]));
        } catch (e) {
          store.setState({ error: `Metrics cache unavailable, computing everything: ${errorText(e)}` });
        }
      }
      const missing: ResolvedGrasp[] = [];
      const missingAddress = new Map<string, string>();
      let contentHits = 0;
      unresolved.forEach((gi, j) => {
        const g = grasps[gi];
        const hit = byContent[j];
        if (hit) {
          pending.push({ ...hit, id: g.id });
          toAddress.push({ address: addresses[gi], key: keys[gi], row: hit });
          contentHits++;
        } else {
          missing.push(g);
          missingAddress.set(g.id, addresses[gi]);
        }
      });
      progress({ done: contentHits, fromCache: contentHits });
      flush();
      if (missing.length) store.setState({ status: 'computing', checking: false });

      await runDatasetMetrics(thisPool, missing, {
        signal: ctrl.signal,
        onProgress: (_done, _total, row) => {
          const plain = stripRow(row);
          pending.push(plain);
          progress({ done: 1, computed: 1 });
          const key = row.cacheKey || '';
          if (cacheable(key)) {
            toCache.push({ key, row: plain });
            toAddress.push({ address: missingAddress.get(row.id)!, key, row: plain });
          }
          later();
        },
      });
      flush();
      store.setState({ status: 'done', checking: false });
    } catch (e) {
      if (e instanceof PoolCancelledError || ctrl.signal.aborted) {
        flush();
        return;
      }
      if (flushTimer) clearTimeout(flushTimer);
      store.setState({ status: 'error', checking: false, error: `Computing metrics failed: ${errorText(e)}` });
    } finally {
      thisPool.destroy();
      if (pool === thisPool) pool = null;
    }
  }

  async function loadMetricsFile(file: { name: string; text(): Promise<string> }): Promise<void> {
    cancelMetrics('restart');
    try {
      const parsed = parseResultsFile(await file.text(), file.name);
      store.getState().rows.clear();
      store.getState().addRows(parsed.rows);
      store.setState({
        status: 'done',
        source: 'file',
        checking: false,
        progress: { done: parsed.rows.length, total: parsed.rows.length, fromCache: 0, computed: 0 },
        error: parsed.issues.length ? parsed.issues.slice(0, 5).join('; ') : null,
      });
    } catch (e) {
      store.setState({ error: errorText(e) });
    }
  }

  /**
   * Registered synchronously, before any await: fast arrow keys call this many times while a
   * worker configures, and each call must see (and at most once release) the same worker.
   */
  function overlayWorkerFor(dataset: LoadedDataset): OverlayWorker {
    if (overlayWorker?.dataset === dataset) return overlayWorker;
    overlayWorker?.terminate();
    const handle = deps.createWorker();
    const api = wrap<MetricsService>(handle.endpoint);
    let released = false;
    const ready = api.configure(context(dataset), {}, limits);
    ready.catch(() => undefined);
    overlayWorker = {
      api,
      ready,
      dataset,
      terminate: () => {
        if (released) return;
        released = true;
        api[releaseProxy]();
        handle.terminate();
      },
    };
    return overlayWorker;
  }

  async function computeOverlay(dataset: LoadedDataset, grasp: ResolvedGrasp): Promise<void> {
    const token = ++overlayRequest;
    const current = () => token === overlayRequest;
    const address = addressKey(grasp, context(dataset));
    store.setState({ overlay: { graspId: grasp.id, status: 'computing', data: null, row: null } });
    let cached: Awaited<ReturnType<Cache['getOverlay']>>;
    try {
      cached = await cache().getOverlay(address);
    } catch {
      cached = undefined; // an unreadable cache only means computing it
    }
    if (!current()) return;
    if (cached) {
      store.setState({ overlay: { graspId: grasp.id, status: 'done', data: cached.overlay, row: { ...cached.row, id: grasp.id }, source: 'cache' } });
    }
    const worker = overlayWorkerFor(dataset);
    try {
      await worker.ready;
      if (!current()) return;
      if (cached) {
        const [key] = await worker.api.keys([grasp]);
        if (!current() || key === cached.key) return;
      }
      const row = await worker.api.computeOne(grasp, { overlay: true });
      if (!current()) return;
      const data = (row.overlay ?? null) as MetricsOverlay | null;
      const plain = stripRow(row);
      store.setState({ overlay: { graspId: grasp.id, status: 'done', data, row: plain, source: 'computed' } });
      if (data && cacheable(row.cacheKey))
        cache()
          .putOverlay({ address, key: row.cacheKey, overlay: data, row: plain })
          .catch(() => undefined);
    } catch (e) {
      if (!current()) return;
      store.setState({ overlay: { graspId: grasp.id, status: 'error', data: null, row: null, error: errorText(e) } });
    }
  }

  return {
    computeDatasetMetrics,
    cancelMetrics,
    resetMetrics,
    loadMetricsFile,
    computeOverlay,
    dispose() {
      cancelMetrics('restart');
      overlayRequest++;
      overlayWorker?.terminate();
      overlayWorker = null;
    },
  };
}
