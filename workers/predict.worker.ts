/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import * as ort from 'onnxruntime-web/webgpu';
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import { fetchIO, DATASET_CACHE } from '../src/core/dataset/fetchIO';
import { followLocalFiles, localFilesIO } from '../src/core/dataset/localFilesIO';
import { PredictService } from '../src/core/dro/predictService';
import type { OrtLike } from '../src/core/dro/onnxRunner';

// Thin entry point: ORT is imported here, in our own module worker, because WebGPU buffers cannot
// cross to ORT's proxy worker. The .wasm is the app's own file (never a CDN).
ort.env.wasm.wasmPaths = { wasm: new URL(wasmUrl, self.location.href).href };
ort.env.wasm.numThreads = 1;

function ortFor(backend: 'webgpu' | 'wasm'): OrtLike {
  return {
    createSession: async (bytes, name) => {
      try {
        return await ort.InferenceSession.create(bytes, { executionProviders: backend === 'webgpu' ? ['webgpu', 'wasm'] : ['wasm'] });
      } catch (e) {
        throw new Error(`${name}: cannot load ONNX model on ${backend} (${e instanceof Error ? e.message : String(e)})`, { cause: e });
      }
    },
    tensor: (data, dims) => new ort.Tensor('float32', data, dims),
  };
}

/** A real adapter, not just navigator.gpu: headless browsers expose the API without one. */
async function probeWebGpu(): Promise<string | null> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<{ info?: { vendor?: string; architecture?: string; description?: string } } | null> } }).gpu;
  if (!gpu) return null;
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return null;
    const info = adapter.info;
    return [info?.vendor, info?.architecture, info?.description].filter(Boolean).join(' ') || 'adapter';
  } catch {
    return null;
  }
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
