/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import * as ort from 'onnxruntime-web/webgpu';
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import { fetchIO, DATASET_CACHE } from '../src/core/dataset/fetchIO';
import { followLocalFiles, localFilesIO } from '../src/core/dataset/localFilesIO';
import { AffordanceService, type AffBackend, type NaaRequest } from '../src/core/affordance/affordanceService';
import type { AffOrt } from '../src/core/affordance/onnxModels';

// Thin entry point, like predict.worker.ts: ORT in our own module worker (WebGPU buffers cannot
// cross to ORT's proxy worker), the app's own .wasm, never a CDN.
ort.env.wasm.wasmPaths = { wasm: new URL(wasmUrl, self.location.href).href };
ort.env.wasm.numThreads = 1;

function ortFor(backend: AffBackend): AffOrt {
  return {
    createSession: async (bytes, name) => {
      try {
        return await ort.InferenceSession.create(bytes, { executionProviders: backend === 'webgpu' ? ['webgpu', 'wasm'] : ['wasm'] });
      } catch (e) {
        throw new Error(`${name}: cannot load ONNX model on ${backend} (${e instanceof Error ? e.message : String(e)})`, { cause: e });
      }
    },
    float32: (data, dims) => new ort.Tensor('float32', data, dims),
    int64: (data, dims) => new ort.Tensor('int64', data, dims),
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
