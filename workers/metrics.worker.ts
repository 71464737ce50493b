/// <reference lib="webworker" />
import { expose } from 'comlink';
import { fetchIO, DATASET_CACHE } from '../src/core/dataset/fetchIO';
import { followLocalFiles, localFilesIO } from '../src/core/dataset/localFilesIO';
import { MetricsService } from '../src/core/metrics/metricsService';

// Browser entry of a metrics worker; all logic lives in the core MetricsService.
// Files of a local folder opened in the page arrive over a BroadcastChannel (localFilesIO.ts).
const io = localFilesIO(fetchIO({ cacheName: DATASET_CACHE }));
followLocalFiles(io);
expose(new MetricsService(io.io));
