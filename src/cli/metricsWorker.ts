import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { nodeIO } from '../core/dataset/nodeIO';
import { MetricsService } from '../core/metrics/metricsService';

// Node worker-thread entry of a metrics worker; all logic lives in the core MetricsService.
if (!parentPort) throw new Error('metricsWorker must run in a worker thread');
expose(new MetricsService(nodeIO()), nodeEndpoint(parentPort));
