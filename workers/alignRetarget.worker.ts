/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { AlignRetargetService } from '../src/core/alignRetarget/alignRetargetService';
import { fetchIO, DATASET_CACHE } from '../src/core/dataset/fetchIO';
import { followLocalFiles, localFilesIO } from '../src/core/dataset/localFilesIO';

// Thin entry point: alignment and retargeting off the page's thread.
const local = localFilesIO(fetchIO({ cacheName: DATASET_CACHE }));
followLocalFiles(local);
const service = new AlignRetargetService(local.io);

const api = {
  align: (...args: Parameters<AlignRetargetService['align']>) => service.align(...args),
  retarget: (...args: Parameters<AlignRetargetService['retarget']>) => service.retarget(...args),
};

export type AlignRetargetWorkerApi = typeof api;
Comlink.expose(api);
