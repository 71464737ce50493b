import { wrap, releaseProxy, type Remote } from 'comlink';
import type { LoadedDataset, ResolvedGrasp } from '../core/dataset/loadDataset';
import { errorText } from '../core/dataset/loadDataset';
import type { MetricsService, ServiceRow } from '../core/metrics/metricsService';
import { runDatasetMetrics } from '../core/metrics/datasetRunner';
import { PoolCancelledError, type WorkerPool } from '../core/metrics/pool';
import { parseResultsFile } from '../core/metrics/resultsFile';
import type { GraspMetricsRow, MetricsOverlay } from '../core/metrics/types';
import { MetricsCache } from '../storage/metricsCache';
import { createBrowserMetricsPool, createMetricsWorker } from './browserMetricsPool';
import { addMetricRows, useMetricsStore } from './metricsStore';

let pool: WorkerPool<MetricsService> | null = null;
let controller: AbortController | null = null;
let cache: MetricsCache | null = null;

function context(dataset: LoadedDataset) {
  return { hands: dataset.hands, objects: dataset.objects, manifestUrl: dataset.manifestUrl };
}

function stripRow(r: ServiceRow): GraspMetricsRow {
  const { cacheKey: _k, ms: _ms, overlay: _o, ...row } = r;
  return row;
}

function resetStore(total: number) {
  useMetricsStore.getState().rows.clear();
  useMetricsStore.setState((s) => ({
    status: 'computing',
    progress: { done: 0, total, fromCache: 0 },
    version: s.version + 1,
    source: 'computed',
    error: null,
  }));
}

/**
 * Computes every grasp's metrics in a pool of workers: cached rows (IndexedDB, keyed by the
 * inputs) first, the rest in the background with progress. The page's thread only merges rows.
 */
export async function computeDatasetMetrics(dataset: LoadedDataset): Promise<void> {
  cancelMetrics('restart');
  const ctrl = (controller = new AbortController());
  const grasps = dataset.grasps;
  resetStore(grasps.length);
  if (grasps.length === 0) {
    useMetricsStore.setState({ status: 'done' });
    return;
  }
  const thisPool = (pool = createBrowserMetricsPool((api) => api.configure(context(dataset))));
  cache ??= new MetricsCache();

  let pending: GraspMetricsRow[] = [];
  // Written as they come, so a reload or crash halfway keeps what was computed.
  let toCache: { key: string; row: GraspMetricsRow }[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    flushTimer = null;
    if (toCache.length) {
      cache!.putMany(toCache).catch((e) => useMetricsStore.setState({ error: errorText(e) }));
      toCache = [];
    }
    if (ctrl.signal.aborted) return;
    addMetricRows(pending);
    pending = [];
  };
  const push = (rows: GraspMetricsRow[], fromCache: boolean) => {
    pending.push(...rows);
    useMetricsStore.setState((s) => ({
      progress: { ...s.progress, done: s.progress.done + rows.length, fromCache: s.progress.fromCache + (fromCache ? rows.length : 0) },
    }));
    flushTimer ??= setTimeout(flush, 100);
  };

  try {
    // Cache keys hash the mesh contents, so they are computed where the meshes are: in the workers.
    const CHUNK = 256;
    const keyChunks: Promise<string[]>[] = [];
    for (let i = 0; i < grasps.length; i += CHUNK) {
      const chunk = grasps.slice(i, i + CHUNK);
      keyChunks.push(thisPool.run((api: Remote<MetricsService>) => api.keys(chunk)));
    }
    const keys = (await Promise.all(keyChunks)).flat();
    let cached: (GraspMetricsRow | undefined)[] = [];
    try {
      cached = await cache.getMany(keys);
    } catch (e) {
      useMetricsStore.setState({ error: `Metrics cache unavailable, computing everything: ${errorText(e)}` });
    }
    const missing: ResolvedGrasp[] = [];
    const missingKeys = new Map<string, string>();
    const hits: GraspMetricsRow[] = [];
    grasps.forEach((g, i) => {
      const hit = cached[i];
      if (hit) hits.push({ ...hit, id: g.id });
      else {
        missing.push(g);
        missingKeys.set(g.id, keys[i]);
      }
    });
    push(hits, true);

    await runDatasetMetrics(thisPool, missing, {
      signal: ctrl.signal,
      onProgress: (_done, _total, row) => {
        const plain = stripRow(row);
        push([plain], false);
        // Rows that failed to load inputs have no stable key and are not cached.
        const key = row.cacheKey || '';
        if (key && !key.startsWith('unavailable:')) toCache.push({ key, row: plain });
      },
    });
    flush();
    useMetricsStore.setState({ status: 'done' });
  } catch (e) {
    if (flushTimer) clearTimeout(flushTimer);
    if (e instanceof PoolCancelledError || ctrl.signal.aborted) {
      flush();
      return;
    }
    useMetricsStore.setState({ status: 'error', error: `Computing metrics failed: ${errorText(e)}` });
  } finally {
    thisPool.destroy();
    if (pool === thisPool) pool = null;
  }
}

export function cancelMetrics(reason: 'user' | 'restart' = 'user'): void {
  controller?.abort();
  controller = null;
  pool?.destroy();
  pool = null;
  if (reason === 'user' && useMetricsStore.getState().status === 'computing') useMetricsStore.setState({ status: 'cancelled' });
}

/** Loads a CLI results file (CSV or JSON) instead of computing. */
export async function loadMetricsFile(file: { name: string; text(): Promise<string> }): Promise<void> {
  cancelMetrics('restart');
  try {
    const parsed = parseResultsFile(await file.text(), file.name);
    useMetricsStore.getState().rows.clear();
    addMetricRows(parsed.rows);
    useMetricsStore.setState({
      status: 'done',
      source: 'file',
      progress: { done: parsed.rows.length, total: parsed.rows.length, fromCache: 0 },
      error: parsed.issues.length ? parsed.issues.slice(0, 5).join('; ') : null,
    });
  } catch (e) {
    useMetricsStore.setState({ error: errorText(e) });
  }
}

// The selected grasp's overlay comes from its own worker so it never waits behind the pool.
let overlayApi: { api: Remote<MetricsService>; terminate(): void; dataset: LoadedDataset } | null = null;
let overlayRequest = 0;

export async function computeOverlay(dataset: LoadedDataset, grasp: ResolvedGrasp): Promise<void> {
  const token = ++overlayRequest;
  if (!overlayApi || overlayApi.dataset !== dataset) {
    // Cleared before the await below, so a call arriving meanwhile does not release it twice.
    overlayApi?.terminate();
    overlayApi = null;
    const handle = createMetricsWorker();
    const api = wrap<MetricsService>(handle.endpoint);
    await api.configure(context(dataset));
    overlayApi = {
      api,
      dataset,
      terminate: () => {
        api[releaseProxy]();
        handle.terminate();
      },
    };
  }
  useMetricsStore.setState({ overlay: { graspId: grasp.id, status: 'computing', data: null, row: null } });
  try {
    const row = await overlayApi.api.computeOne(grasp, { overlay: true });
    if (token !== overlayRequest) return;
    useMetricsStore.setState({
      overlay: { graspId: grasp.id, status: 'done', data: (row.overlay ?? null) as MetricsOverlay | null, row: stripRow(row) },
    });
  } catch (e) {
    if (token !== overlayRequest) return;
    useMetricsStore.setState({ overlay: { graspId: grasp.id, status: 'error', data: null, row: null, error: errorText(e) } });
  }
}
