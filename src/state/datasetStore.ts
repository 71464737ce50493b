import { create } from 'zustand';
import { loadDataset, errorText, type LoadedDataset, type LoadOptions } from '../core/dataset/loadDataset';
import { limitsFromSearch } from '../core/dataset/readLimits';
import { loadDatasetInWorker } from './datasetWorkerClient';
import { pageIO } from './pageIO';

/** In the browser the dataset is read in a worker; without Worker (Node tests) on this thread. */
function load(manifestUrl: string, opts: LoadOptions): Promise<LoadedDataset> {
  const limits = limitsFromSearch(globalThis.location?.search ?? '');
  if (typeof Worker === 'undefined') return loadDataset(manifestUrl, pageIO(), { ...opts, limits });
  return loadDatasetInWorker(manifestUrl, limits, opts);
}

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

interface DatasetState {
  manifestUrl: string | null;
  status: LoadStatus;
  progress: { done: number; total: number; what: string } | null;
  loadError: string | null;
  dataset: LoadedDataset | null;
  /** index into dataset.grasps; -1 = none (no grasp passes the filters) */
  selected: number;
  open(manifestUrl: string): Promise<void>;
  cancel(): void;
  select(index: number): void;
  step(delta: number): void;
}

/** A fresh dataset store (the app has one; each test can build its own); the load in flight is its own. */
export function createDatasetStore(loader: typeof load = load) {
  let controller: AbortController | null = null;
  return create<DatasetState>((set, get) => ({
    manifestUrl: null,
    status: 'idle',
    progress: null,
    loadError: null,
    dataset: null,
    selected: 0,

    async open(manifestUrl) {
      controller?.abort();
      const ctrl = (controller = new AbortController());
      set({ manifestUrl, status: 'loading', loadError: null, dataset: null, selected: 0, progress: null });
      try {
        // Shards stream in: the list fills and the first grasp shows before the last shard is read.
        // The first grasps at once, then only when the list has grown by half and 400 ms have passed:
        // stores derived from the dataset (review tables) rebuild per update, so updates stay few.
        let shownAt = 0;
        const dataset = await loader(manifestUrl, {
          signal: ctrl.signal,
          onProgress: (done, total, what) => set({ progress: { done, total, what } }),
          onPartial: (partial) => {
            const shown = get().dataset?.grasps.length ?? 0;
            if (partial.grasps.length === 0 || (shown > 0 && (performance.now() - shownAt < 400 || partial.grasps.length < shown * 1.5))) return;
            shownAt = performance.now();
            if (!ctrl.signal.aborted) set({ dataset: partial });
          },
        });
        if (ctrl.signal.aborted) return;
        set({ dataset, status: 'ready', progress: null });
      } catch (e) {
        if (ctrl.signal.aborted) return;
        set({ status: 'error', loadError: errorText(e), progress: null });
      }
    },

    cancel() {
      controller?.abort();
      set({ status: 'error', loadError: 'Loading cancelled', progress: null });
    },

    select(index) {
      const n = get().dataset?.grasps.length ?? 0;
      if (n === 0) return;
      set({ selected: index < 0 ? -1 : Math.min(n - 1, index) });
    },

    step(delta) {
      get().select(get().selected + delta);
    },
  }));
}

export const useDatasetStore = createDatasetStore();

export function selectedGrasp(s: Pick<DatasetState, 'dataset' | 'selected'>) {
  return s.dataset?.grasps[s.selected] ?? null;
}
