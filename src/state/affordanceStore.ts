import * as Comlink from 'comlink';
import { create } from 'zustand';
import { errorText, type LoadedDataset } from '../core/dataset/loadDataset';
import type { NaaReply } from '../core/affordance/affordanceService';
import { datasetKey } from '../storage/datasetKey';
import { saveRegion } from '../storage/regionStore';
import type { AffordanceWorkerApi } from '../../workers/affordance.worker';
import { useDatasetStore } from './datasetStore';
import { testHooksWanted } from './testHooks';

let api: Comlink.Remote<AffordanceWorkerApi> | null = null;
/** One affordance worker, started on first use (ORT loads only then). */
function worker(): Comlink.Remote<AffordanceWorkerApi> {
  if (!api) api = Comlink.wrap<AffordanceWorkerApi>(new Worker(new URL('../../workers/affordance.worker.ts', import.meta.url), { type: 'module', name: 'affordance' }));
  return api;
}

export type AffStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

interface AffordanceState {
  status: AffStatus;
  objectId: string | null;
  progress: { done: number; total: number; what: string };
  error: string | null;
  reply: NaaReply | null;
  showRegion: boolean;
  saved: boolean;
}

export const useAffordanceStore = create<AffordanceState>(() => ({
  status: 'idle',
  objectId: null,
  progress: { done: 0, total: 0, what: '' },
  error: null,
  reply: null,
  showRegion: true,
  saved: false,
}));

/** The tiny built-in models, served by the app (public/models/naa-tiny). */
export const BUILTIN_MODELS = 'models/naa-tiny/';

let runId = 0;

export async function runAffordance(p: {
  objectId: string;
  query: string | null;
  backend: 'auto' | 'wasm' | 'webgpu';
  modelsUrl: string;
  size?: number;
  grid?: number;
}): Promise<void> {
  const dataset = useDatasetStore.getState().dataset;
  const o = dataset?.objects[p.objectId];
  if (!dataset || !o) return;
  const id = ++runId;
  useAffordanceStore.setState({ status: 'running', objectId: p.objectId, progress: { done: 0, total: 0, what: '' }, error: null, reply: null, saved: false });
  try {
    const reply = await worker().run(
      {
        runId: id,
        meshUrl: o.meshUrl,
        partsUrl: o.partsUrl,
        meshLabel: o.spec.mesh,
        query: p.query,
        models: { kind: 'url', base: new URL(p.modelsUrl, document.baseURI).href },
        backend: p.backend,
        options: { size: clampInt(p.size, 32, 1024, 256), grid: clampInt(p.grid, 2, 64, 32) },
      },
      Comlink.proxy((done: number, total: number, what: string) => id === runId && useAffordanceStore.setState({ progress: { done, total, what } })),
    );
    if (id === runId) useAffordanceStore.setState({ status: 'done', reply });
  } catch (e) {
    if (id !== runId) return;
    const cancelled = /cancelled/.test(errorText(e));
    useAffordanceStore.setState({ status: cancelled ? 'cancelled' : 'error', error: cancelled ? null : errorText(e) });
  }
}

function clampInt(v: number | undefined, lo: number, hi: number, dflt: number): number {
  return v === undefined || !Number.isFinite(v) ? dflt : Math.min(hi, Math.max(lo, Math.round(v)));
}

export function cancelAffordance(): void {
  void worker().cancel(runId);
}

/**
 * Saves the region: into the open dataset (its manifest exports carry `avoid`) and into IndexedDB
 * under the dataset's key, so it survives a reload.
 */
export async function saveAffordanceRegion(): Promise<void> {
  const { reply, objectId } = useAffordanceStore.getState();
  const dataset = useDatasetStore.getState().dataset;
  if (!reply || !objectId || !dataset || reply.points.length === 0) return;
  const label = reply.query.replace(/^a photo of the /, '');
  const o = dataset.objects[objectId];
  const objects: LoadedDataset['objects'] = {
    ...dataset.objects,
    [objectId]: { ...o, avoidUrl: undefined, spec: { ...o.spec, avoid: { points: reply.points, label, source: 'naa' } } },
  };
  useDatasetStore.setState({ dataset: { ...dataset, objects } });
  try {
    await saveRegion({ dataset: datasetKey(dataset.manifestUrl, dataset.name), object: objectId, points: reply.points, label, source: 'naa', savedAt: new Date().toISOString() });
    useAffordanceStore.setState({ saved: true });
  } catch (e) {
    useAffordanceStore.setState({ error: errorText(e) });
  }
}

// Browser tests read the open dataset's saved region through the same gate as the other test hooks.
if (typeof window !== 'undefined' && testHooksWanted(import.meta.env.MODE, window.location.search)) {
  const w = window as unknown as { __hoiStudio?: Record<string, unknown> };
  w.__hoiStudio = Object.assign(w.__hoiStudio ?? {}, {
    avoidRegion: (objectId: string) => useDatasetStore.getState().dataset?.objects[objectId]?.spec.avoid ?? null,
  });
}
