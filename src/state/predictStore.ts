import { limitsFromSearch } from '../core/dataset/readLimits';
import * as Comlink from 'comlink';
import { wrap, releaseProxy } from 'comlink';
import { create } from 'zustand';
import { errorText, type LoadedDataset, type ResolvedGrasp } from '../core/dataset/loadDataset';
import type { Grasp } from '../core/dataset/schema';
import type { Prediction } from '../core/dro/predict';
import type { Backend, ModelSource } from '../core/dro/predictService';
import type { MetricsService } from '../core/metrics/metricsService';
import type { GraspMetricsRow } from '../core/metrics/types';
import { getModel } from '../storage/modelStore';
import { createMetricsWorker } from './browserMetricsPool';
import { useDatasetStore } from './datasetStore';
import { predictWorker } from './predictWorkerClient';
import { showGrasp } from './sceneStore';
import { testHooksWanted } from './testHooks';

export type PredictStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

/** Where the model comes from: the shipped one for the hand, a URL, or a folder kept in IndexedDB. */
export type ModelChoice = { kind: 'shipped' } | { kind: 'url'; url: string } | { kind: 'kept'; name: string };

export interface PredictedItem {
  grasp: ResolvedGrasp;
  /** predicted robot points (multilateration), object frame */
  points: Float32Array;
  initial: { root: NonNullable<Grasp['root']>; joints: Record<string, number> };
  /** what contact refinement did (metres) and DRO's configuration before it; absent when it did not run */
  refined?: Prediction['refined'];
  metrics: GraspMetricsRow | null;
}

interface PredictState {
  status: PredictStatus;
  progress: { done: number; total: number };
  backend: Backend | null;
  adapter: string | null;
  error: string | null;
  items: PredictedItem[];
  objectPoints: Float32Array | null;
  metricsStatus: 'idle' | 'computing' | 'done' | 'error';
  /** the prediction shown in the viewport (index into items), null when none */
  preview: number | null;
  showPoints: boolean;
  showInitial: boolean;
  showUnrefined: boolean;
  added: boolean;
}

export const usePredictStore = create<PredictState>(() => ({
  status: 'idle',
  progress: { done: 0, total: 0 },
  backend: null,
  adapter: null,
  error: null,
  items: [],
  objectPoints: null,
  metricsStatus: 'idle',
  preview: null,
  showPoints: true,
  showInitial: false,
  showUnrefined: false,
  added: false,
}));

/** The shipped model of a built-in hand, served by the app itself. */
export function shippedModelUrl(hand: string): string {
  return new URL(`models/dro/${hand}/dro.json`, document.baseURI).href;
}

async function modelSource(choice: ModelChoice, builtinHand: string | null): Promise<ModelSource> {
  if (choice.kind === 'url') return { kind: 'url', url: new URL(choice.url, document.baseURI).href };
  if (choice.kind === 'kept') {
    const m = await getModel(choice.name);
    if (!m) throw new Error(`model folder "${choice.name}" is no longer kept in this browser; open it again`);
    return { kind: 'files', label: `${m.name}/dro.json`, droJson: m.droJson, embed: new Uint8Array(m.embed), kernel: new Uint8Array(m.kernel) };
  }
  if (!builtinHand) throw new Error('the shipped models are for the built-in hands; choose a model URL or folder for this hand');
  return { kind: 'url', url: shippedModelUrl(builtinHand) };
}

let runId = 0;

export interface PredictParams {
  objectId: string;
  handId: string;
  count: number;
  seed: number;
  model: ModelChoice;
  backend: 'auto' | Backend;
  /** contact refinement after DRO's IK */
  refine: boolean;
}

export async function runPrediction(p: PredictParams): Promise<void> {
  const dataset = useDatasetStore.getState().dataset;
  if (!dataset) return;
  const id = ++runId;
  const current = () => id === runId;
  usePredictStore.setState({ status: 'running', progress: { done: 0, total: p.count }, error: null, items: [], preview: null, added: false, metricsStatus: 'idle', backend: null });
  try {
    const handSpec = dataset.hands[p.handId]?.spec;
    const model = await modelSource(p.model, handSpec && 'builtin' in handSpec ? handSpec.builtin : null);
    const ctx = { hands: dataset.hands, objects: dataset.objects, manifestUrl: dataset.manifestUrl };
    const r = await predictWorker().predict(
      {
        runId: id,
        dataset: ctx,
        objectId: p.objectId,
        handId: p.handId,
        count: p.count,
        seed: p.seed,
        backend: p.backend,
        model,
        refine: p.refine,
        limits: limitsFromSearch(globalThis.location?.search ?? ''),
      },
      Comlink.proxy((done: number, total: number) => current() && usePredictStore.setState({ progress: { done, total } })),
    );
    if (!current()) return;
    const items: PredictedItem[] = r.grasps.map((g, i) => {
      const { points, initial, refined } = r.predictions[i];
      return { grasp: { ...g, source: 'predictions' }, points, initial, refined, metrics: null };
    });
    usePredictStore.setState({ status: 'done', backend: r.backend, adapter: r.adapter, items, objectPoints: r.objectPoints });
    if (items.length) previewPrediction(0);
    void measure(dataset, id);
  } catch (e) {
    if (!current()) return;
    const cancelled = /cancelled/.test(errorText(e));
    usePredictStore.setState({ status: cancelled ? 'cancelled' : 'error', error: cancelled ? null : errorText(e) });
  }
}

export function cancelPrediction(): void {
  void predictWorker().cancel(runId);
}

/** The same metric code as the dataset's, in a worker of its own so the dataset's pool is not disturbed. */
async function measure(dataset: LoadedDataset, id: number): Promise<void> {
  usePredictStore.setState({ metricsStatus: 'computing' });
  const handle = createMetricsWorker();
  const api = wrap<MetricsService>(handle.endpoint);
  try {
    await api.configure({ hands: dataset.hands, objects: dataset.objects, manifestUrl: dataset.manifestUrl }, {}, limitsFromSearch(globalThis.location?.search ?? ''));
    const grasps = usePredictStore.getState().items.map((it) => it.grasp);
    for (const [i, g] of grasps.entries()) {
      const [row] = await api.compute([g]);
      if (id !== runId) return;
      const { cacheKey: _k, ms: _ms, overlay: _o, ...plain } = row;
      usePredictStore.setState((s) => ({ items: s.items.map((it, k) => (k === i ? { ...it, metrics: plain } : it)) }));
    }
    usePredictStore.setState({ metricsStatus: 'done' });
  } catch (e) {
    if (id === runId) usePredictStore.setState({ metricsStatus: 'error', error: `metrics of the predictions: ${errorText(e)}` });
  } finally {
    api[releaseProxy]();
    handle.terminate();
  }
}

export function previewPrediction(index: number): void {
  const dataset = useDatasetStore.getState().dataset;
  const item = usePredictStore.getState().items[index];
  if (!dataset || !item) return;
  usePredictStore.setState({ preview: index });
  void showGrasp(dataset, item.grasp);
}

/** Appends the predictions to the open dataset: they enter the grasp list, metrics and review like any grasp. */
export function addPredictionsToDataset(): void {
  const { dataset } = useDatasetStore.getState();
  const { items, added } = usePredictStore.getState();
  if (!dataset || added || items.length === 0) return;
  const have = new Set(dataset.grasps.map((g) => g.id));
  const fresh = items.map((it) => it.grasp).filter((g) => !have.has(g.id));
  const next: LoadedDataset = { ...dataset, grasps: [...dataset.grasps, ...fresh] };
  usePredictStore.setState({ added: true, preview: null });
  useDatasetStore.setState({ dataset: next, selected: dataset.grasps.length });
}

// Browser tests read the predictions through the same gate as the studio's other test hooks.
if (typeof window !== 'undefined' && testHooksWanted(import.meta.env.MODE, window.location.search)) {
  const w = window as unknown as { __hoiStudio?: Record<string, unknown> };
  w.__hoiStudio = Object.assign(w.__hoiStudio ?? {}, {
    predictions: () => {
      const s = usePredictStore.getState();
      return {
        backend: s.backend,
        items: s.items.map((it) => ({ id: it.grasp.id, root: it.grasp.root, joints: it.grasp.joints, points: Array.from(it.points), refined: !!it.refined })),
      };
    },
  });
}
