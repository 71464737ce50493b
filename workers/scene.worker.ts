/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { SceneService } from '../src/core/scene/sceneService';
import { fetchIO } from '../src/core/dataset/fetchIO';

// Thin entry point: the page talks to the core's SceneService through Comlink.
const service = new SceneService(fetchIO());

const api = {
  loadMesh: async (url: string, label: string) => {
    const mesh = await service.loadMesh(url, label);
    // Copies, not the cached arrays, are transferred so the worker keeps its cache.
    const copy = { positions: mesh.positions.slice(), indices: mesh.indices.slice() };
    return Comlink.transfer(copy, [copy.positions.buffer, copy.indices.buffer]);
  },
  handParts: (ref: Parameters<SceneService['handParts']>[0]) => service.handParts(ref),
  pose: (...args: Parameters<SceneService['pose']>) => service.pose(...args),
};

export type SceneWorkerApi = typeof api;
Comlink.expose(api);
