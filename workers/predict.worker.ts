/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { ort, probeWebGpu, sessionFactory } from './ortInWorker';
import { fetchIO, DATASET_CACHE } from '../src/core/dataset/fetchIO';
import { followLocalFiles, localFilesIO } from '../src/core/dataset/localFilesIO';
import { PredictService } from '../src/core/dro/predictService';
import type { OrtLike } from '../src/core/dro/onnxRunner';

// Thin entry point: ORT's setup and the WebGPU probe are in ortInWorker.ts.
function ortFor(backend: 'webgpu' | 'wasm'): OrtLike {
  return {
    createSession: sessionFactory(backend),
    tensor: (data, dims) => new ort.Tensor('float32', data, dims),
  };
}

const io = localFilesIO(fetchIO({ cacheName: DATASET_CACHE }));
followLocalFiles(io);
const service = new PredictService(io.io, ortFor, probeWebGpu);

const api = {
  probe: () => service.probe(),
  predict: (req: Parameters<PredictService['predict']>[0], onProgress: (done: number, total: number) => void) => service.predict(req, onProgress),
  cancel: (runId: number) => service.cancel(runId),
};

export type PredictWorkerApi = typeof api;
Comlink.expose(api);
