/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { SceneService } from '../src/core/scene/sceneService';
import { fetchIO, DATASET_CACHE } from '../src/core/dataset/fetchIO';
import { followLocalFiles, localFilesIO } from '../src/core/dataset/localFilesIO';
import { DownloadTracker, type DownloadSnapshot } from '../src/core/dataset/downloadTracker';

// Thin entry point: the page talks to the core's SceneService through Comlink.
let onDownloads: ((s: DownloadSnapshot) => void) | null = null;
const downloads = new DownloadTracker((s) => onDownloads?.(s));
// Meshes and URDFs: cached (Cache API) over http(s), and read from a local folder the page opened.
const local = localFilesIO(fetchIO({ cacheName: DATASET_CACHE, onProgress: downloads.track }));
followLocalFiles(local);
const service = new SceneService(local.io);

const api = {
  loadMesh: async (url: string, label: string) => {
    const mesh = await service.loadMesh(url, label);
    // Copies, not the cached arrays, are transferred so the worker keeps its cache.
    const copy = { positions: mesh.positions.slice(), indices: mesh.indices.slice() };
    return Comlink.transfer(copy, [copy.positions.buffer, copy.indices.buffer]);
  },
  setLimits: (limits: Parameters<SceneService['setLimits']>[0]) => service.setLimits(limits),
  handParts: (ref: Parameters<SceneService['handParts']>[0]) => service.handParts(ref),
  pose: (...args: Parameters<SceneService['pose']>) => service.pose(...args),
  /** Bytes of mesh/URDF downloads in flight, for the viewport's progress line. */
  onDownloads: (cb: (s: DownloadSnapshot) => void) => {
    onDownloads = cb;
  },
};

export type SceneWorkerApi = typeof api;
Comlink.expose(api);
