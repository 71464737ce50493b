import * as Comlink from 'comlink';
import type { AlignRetargetWorkerApi } from '../../workers/alignRetarget.worker';

let api: Comlink.Remote<AlignRetargetWorkerApi> | null = null;

/** The page's alignment/retargeting worker, started on first use. */
export function alignRetargetWorker(): Comlink.Remote<AlignRetargetWorkerApi> {
  if (!api) {
    const worker = new Worker(new URL('../../workers/alignRetarget.worker.ts', import.meta.url), { type: 'module', name: 'align-retarget' });
    api = Comlink.wrap<AlignRetargetWorkerApi>(worker);
  }
  return api;
}
