/// <reference lib="webworker" />
import * as ort from 'onnxruntime-web/webgpu';
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';

// ORT is imported in our own module workers, because WebGPU buffers cannot cross to ORT's proxy
// worker. The .wasm is the app's own file (never a CDN). Shared by the predict and NAA workers.
ort.env.wasm.wasmPaths = { wasm: new URL(wasmUrl, self.location.href).href };
ort.env.wasm.numThreads = 1;

export { ort };

/** Loads a model on the backend asked for; a failure names the model file. */
export function sessionFactory(backend: 'webgpu' | 'wasm') {
  return async (bytes: Uint8Array, name: string) => {
    try {
      return await ort.InferenceSession.create(bytes, { executionProviders: backend === 'webgpu' ? ['webgpu', 'wasm'] : ['wasm'] });
    } catch (e) {
      throw new Error(`${name}: cannot load ONNX model on ${backend} (${e instanceof Error ? e.message : String(e)})`, { cause: e });
    }
  };
}

/** A real adapter, not just navigator.gpu: headless browsers expose the API without one. */
export async function probeWebGpu(): Promise<string | null> {
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
