// Responsiveness on a 100,000-grasp dataset (npx tsx scripts/bench-large.ts):
// (a) loading and validating the manifest and its JSON Lines shards in Node, with the time to the
//     first grasps (streaming) and to the whole set; (b) recomputing the review filters over 100k
//     grasps, which must take at most 200 ms.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadDataset } from '../src/core/dataset/loadDataset';
import { nodeIO } from '../src/core/dataset/nodeIO';
import { benchFilters } from '../src/core/review/benchFilters';
import { makeLargeDataset } from './make-large-dataset';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FILTER_TARGET_MS = 200;
const N = 100_000;

const out = path.join(root, '.bench/large');
if (!existsSync(path.join(out, 'manifest.json'))) {
  makeLargeDataset({ grasps: N, perShard: 10_000, out, sample: path.join(root, 'public/sample') });
}

const t0 = performance.now();
let firstMs = 0;
const ds = await loadDataset(pathToFileURL(path.join(out, 'manifest.json')).href, nodeIO(), {
  onPartial: (p) => {
    if (!firstMs && p.grasps.length) firstMs = performance.now() - t0;
  },
});
const loadMs = performance.now() - t0;
console.log(
  `load ${ds.grasps.length.toLocaleString('en-US')} grasps (10 JSONL shards, validated): first grasps after ${firstMs.toFixed(0)} ms, all after ${loadMs.toFixed(0)} ms; ${ds.issues.filter((i) => i.severity === 'error').length} errors`,
);

// The review filters' full recompute (evaluate + histograms + summary), as the Filter panel runs it.
const r = benchFilters(N);
const recompute = r.evaluateMs + r.histogramsMs + r.summaryMs;
const ok = r.evaluateWithTextMs <= FILTER_TARGET_MS && recompute <= FILTER_TARGET_MS;
console.log(
  `filter recompute over ${N.toLocaleString('en-US')} grasps: ${recompute.toFixed(1)} ms (evaluate + histograms + summary), with text search ${r.evaluateWithTextMs.toFixed(1)} ms  target <= ${FILTER_TARGET_MS} ms: ${ok ? 'OK' : 'MISSED'}`,
);
if (!ok) process.exitCode = 1;
