/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { ort, probeWebGpu, sessionFactory } from './ortInWorker';
import { fetchIO, DATASET_CACHE } from '../src/core/dataset/fetchIO';
import { followLocalFiles, localFilesIO } from '../src/core/dataset/localFilesIO';
import { AffordanceService, type AffBackend, type NaaRequest } from '../src/core/affordance/affordanceService';
import type { AffOrt } from '../src/core/affordance/onnxModels';

// Thin entry point: ORT's setup and the WebGPU probe are in ortInWorker.ts.
function ortFor(backend: AffBackend): AffOrt {
  return {
    createSession: sessionFactory(backend),
    float32: (data, dims) => new ort.Tensor('float32', data, dims),
    int64: (data, dims) => new ort.Tensor('int64', data, dims),
  };
}

const io = localFilesIO(fetchIO({ cacheName: DATASET_CACHE }));
followLocalFiles(io);
const service = new AffordanceService(io.io, ortFor, probeWebGpu);

const api = {
  run: async (req: NaaRequest, onProgress: (done: number, total: number, what: string) => void) => {
    const r = await service.run(req, onProgress);
    return Comlink.transfer(
      r,
      r.views.flatMap((v) => [v.rgb.buffer as ArrayBuffer, ...(v.chosenMask ? [v.chosenMask.buffer as ArrayBuffer] : [])]),
    );
  },
  cancel: (runId: number) => service.cancel(runId),
};

export type AffordanceWorkerApi = typeof api;
Comlink.expose(api);
