import * as ort from 'onnxruntime-web';
import type { OrtLike } from './onnxRunner';

/**
 * onnxruntime-web's WASM build in Node (its "node" export), one thread: the CLI, tests and bench
 * use the same runner as the browser worker. Node-only (imports nothing of the DOM, but the
 * package's node entry loads its .wasm from node_modules).
 */
export function nodeOrt(threads = 1): OrtLike {
  return {
    createSession: nodeSessionFactory(threads),
    tensor: (data, dims) => new ort.Tensor('float32', data, dims),
  };
}

/** Loads a model on the WASM backend in Node; a failure names the model file. Shared with NAA's Node runner. */
export function nodeSessionFactory(threads = 1) {
  ort.env.wasm.numThreads = threads;
  return async (bytes: Uint8Array, name: string) => {
    try {
      return await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
    } catch (e) {
      throw new Error(`${name}: cannot load ONNX model (${e instanceof Error ? e.message : String(e)})`, { cause: e });
    }
  };
}
