import * as Comlink from 'comlink';
import type { SceneWorkerApi } from '../../workers/scene.worker';
import { limitsFromSearch } from '../core/dataset/readLimits';

let api: Comlink.Remote<SceneWorkerApi> | null = null;

/** The one scene worker of the page, started on first use. */
export function sceneWorker(): Comlink.Remote<SceneWorkerApi> {
  if (!api) {
    const worker = new Worker(new URL('../../workers/scene.worker.ts', import.meta.url), { type: 'module', name: 'scene' });
    api = Comlink.wrap<SceneWorkerApi>(worker);
    void api.setLimits(limitsFromSearch(globalThis.location?.search ?? ''));
  }
  return api;
}
