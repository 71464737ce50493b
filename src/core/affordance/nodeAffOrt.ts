import * as ort from 'onnxruntime-web';
import type { AffOrt } from './onnxModels';

/** onnxruntime-web's WASM build in Node (tests, bench): the same sessions the worker makes. */
export function nodeAffOrt(threads = 1): AffOrt {
  ort.env.wasm.numThreads = threads;
  return {
    createSession: async (bytes, name) => {
      try {
        return await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
      } catch (e) {
        throw new Error(`${name}: cannot load ONNX model (${e instanceof Error ? e.message : String(e)})`, { cause: e });
      }
    },
    float32: (data, dims) => new ort.Tensor('float32', data, dims),
    int64: (data, dims) => new ort.Tensor('int64', data, dims),
  };
}
