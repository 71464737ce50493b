import * as ort from 'onnxruntime-web';
import { nodeSessionFactory } from '../dro/nodeOrt';
import type { AffOrt } from './onnxModels';

/** onnxruntime-web's WASM build in Node (tests, bench): the same sessions the worker makes. */
export function nodeAffOrt(threads = 1): AffOrt {
  return {
    createSession: nodeSessionFactory(threads),
    float32: (data, dims) => new ort.Tensor('float32', data, dims),
    int64: (data, dims) => new ort.Tensor('int64', data, dims),
  };
}
