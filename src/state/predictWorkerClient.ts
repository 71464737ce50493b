import * as Comlink from 'comlink';
import type { PredictWorkerApi } from '../../workers/predict.worker';

let api: Comlink.Remote<PredictWorkerApi> | null = null;

/** The page's one inference worker, started on first use (ORT and its .wasm load only then). */
export function predictWorker(): Comlink.Remote<PredictWorkerApi> {
  if (!api) {
    const worker = new Worker(new URL('../../workers/predict.worker.ts', import.meta.url), { type: 'module', name: 'predict' });
    api = Comlink.wrap<PredictWorkerApi>(worker);
  }
  return api;
}
