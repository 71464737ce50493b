/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { fetchIO, DATASET_CACHE } from '../src/core/dataset/fetchIO';
import { followLocalFiles, localFilesIO } from '../src/core/dataset/localFilesIO';
import { DownloadTracker, type DownloadSnapshot } from '../src/core/dataset/downloadTracker';
import { loadDatasetUpdates, type DatasetUpdate } from '../src/core/dataset/datasetUpdates';
import type { ReadLimits } from '../src/core/dataset/readLimits';

// Thin entry point: manifest and shard reading, parsing and validation run here, off the page's thread.
let onDownloads: ((s: DownloadSnapshot) => void) | null = null;
const downloads = new DownloadTracker((s) => onDownloads?.(s));
const local = localFilesIO(fetchIO({ cacheName: DATASET_CACHE, onProgress: downloads.track }));
followLocalFiles(local);

const api = {
  load: (manifestUrl: string, limits: Partial<ReadLimits>, onUpdate: (u: DatasetUpdate) => void, onProgress: (done: number, total: number, what: string) => void) =>
    loadDatasetUpdates(manifestUrl, local.io, { limits, onProgress }, onUpdate),
  onDownloads: (cb: (s: DownloadSnapshot) => void) => {
    onDownloads = cb;
  },
};

export type DatasetWorkerApi = typeof api;
Comlink.expose(api);
