// Worker-thread entry. Node 20 does not apply the parent's `--import tsx` loader to a worker's
// own entry file, so the worker registers tsx itself before loading the TypeScript entry.
import { register } from 'tsx/esm/api';

register();
await import('./metricsWorker.ts');
