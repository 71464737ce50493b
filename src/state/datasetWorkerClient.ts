import * as Comlink from 'comlink';
import type { DatasetWorkerApi } from '../../workers/dataset.worker';
import { datasetAssembler, type DatasetUpdate } from '../core/dataset/datasetUpdates';
import type { LoadedDataset, LoadOptions } from '../core/dataset/loadDataset';
import { IDLE_DOWNLOADS, type DownloadSnapshot } from '../core/dataset/downloadTracker';
import type { ReadLimits } from '../core/dataset/readLimits';
import { useDownloadStore } from './downloadStore';

let current: { worker: Worker; api: Comlink.Remote<DatasetWorkerApi> } | null = null;

/** The page's dataset worker; a cancelled load ends it (nothing else stops a shard mid-parse). */
function datasetWorker() {
  if (!current) {
    const worker = new Worker(new URL('../../workers/dataset.worker.ts', import.meta.url), { type: 'module', name: 'dataset' });
    const api = Comlink.wrap<DatasetWorkerApi>(worker);
    void api.onDownloads(Comlink.proxy((page: DownloadSnapshot) => useDownloadStore.setState({ page })));
    current = { worker, api };
  }
  return current;
}

function stop() {
  current?.worker.terminate();
  current = null;
  useDownloadStore.setState({ page: IDLE_DOWNLOADS });
}

/**
 * loadDataset, run in a Web Worker: a shard of a million lines is read, parsed and validated
 * there, and the page only receives the grasps that made it.
 */
export function loadDatasetInWorker(manifestUrl: string, limits: Partial<ReadLimits>, opts: Pick<LoadOptions, 'signal' | 'onPartial' | 'onProgress'>): Promise<LoadedDataset> {
  const { api } = datasetWorker();
  const assembler = datasetAssembler();
  return new Promise<LoadedDataset>((resolve, reject) => {
    let settled = false;
    const abort = () => {
      stop();
      settled = true;
      reject(new DOMException('Loading cancelled', 'AbortError'));
    };
    if (opts.signal?.aborted) return abort();
    opts.signal?.addEventListener('abort', abort, { once: true });
    const apply = (u: DatasetUpdate) => {
      if (settled) return;
      for (const { dataset, final } of assembler.push(u)) {
        if (!final) {
          opts.onPartial?.(dataset);
          continue;
        }
        settled = true;
        opts.signal?.removeEventListener('abort', abort);
        resolve(dataset);
      }
    };
    api
      .load(
        manifestUrl,
        limits,
        Comlink.proxy(apply),
        Comlink.proxy((d: number, t: number, w: string) => opts.onProgress?.(d, t, w)),
      )
      .then(apply, (e: unknown) => {
        if (settled) return;
        settled = true;
        opts.signal?.removeEventListener('abort', abort);
        reject(e);
      });
  });
}
