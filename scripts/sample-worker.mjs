// Worker-thread entry for scripts/generate-sample.ts: makes some categories of the sample.
// Node 20 does not pass the parent's tsx loader to a worker's entry, so it registers tsx itself.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { prepareSampleHands, sampleCategory } = await import('../src/core/sample/buildSampleDataset.ts');
const hands = await prepareSampleHands();
const parts = workerData.jobs.map(({ category, index }) => sampleCategory(category, index, hands, { onGrasp: () => parentPort.postMessage({ grasp: 1 }) }));
parentPort.postMessage({ parts });
