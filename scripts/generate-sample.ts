// Writes the bundled sample dataset to public/sample/ (deterministic; see src/core/sample/).
// --if-missing: do nothing when the dataset is already there and was made by this generator version.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { assembleSample, type CategorySample } from '../src/core/sample/buildSampleDataset';
import { SAMPLE_CATEGORIES } from '../src/core/sample/objects';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'public/sample');
const stampFile = path.join(outDir, '.generator');

// The stamp is a hash of the generator's own sources, so changed code regenerates the data.
function generatorStamp(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) hash.update(readFileSync(p));
    }
  };
  // align/ and retarget/ make the human-only grasps (similarities, robot keypoints).
  for (const dir of ['src/core/sample', 'src/core/hands', 'src/core/urdf', 'src/core/mesh', 'src/core/align', 'src/core/retarget']) walk(path.join(root, dir));
  hash.update(readFileSync(path.join(root, 'src/core/rng.ts')));
  return hash.digest('hex').slice(0, 16);
}

const stamp = generatorStamp();
if (process.argv.includes('--if-missing') && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
  console.log('sample dataset is up to date (public/sample)');
  process.exit(0);
}

const started = Date.now();
let lastPct = -1;
let made = 0;
const total = SAMPLE_CATEGORIES.length * 2 * 20;
const progress = () => {
  const pct = Math.floor((++made / total) * 10) * 10;
  if (pct !== lastPct) {
    lastPct = pct;
    process.stdout.write(`generating sample dataset: ${pct}%\r`);
  }
};

// Categories are independent (each seeds its own randomness), so they are made on every core.
const workers = Math.max(1, Math.min(availableParallelism(), 4));
const jobs = SAMPLE_CATEGORIES.map((category, index) => ({ category, index }));
const parts = (
  await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const mine = jobs.filter((_, i) => i % workers === w);
      return new Promise<CategorySample[]>((resolve, reject) => {
        const worker = new Worker(new URL('./sample-worker.mjs', import.meta.url), { workerData: { jobs: mine } });
        worker.on('message', (m: { grasp?: number; parts?: CategorySample[] }) => (m.parts ? resolve(m.parts) : progress()));
        worker.on('error', reject);
        worker.on('exit', (code) => code !== 0 && reject(new Error(`sample worker exited with code ${code}`)));
      });
    }),
  )
)
  .flat()
  .sort((a, b) => SAMPLE_CATEGORIES.indexOf(a.category as never) - SAMPLE_CATEGORIES.indexOf(b.category as never));
const { files } = assembleSample(parts);
rmSync(outDir, { recursive: true, force: true });
let bytes = 0;
for (const f of files) {
  const p = path.join(outDir, f.path);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, f.data);
  bytes += typeof f.data === 'string' ? Buffer.byteLength(f.data) : f.data.byteLength;
}
writeFileSync(stampFile, stamp);
console.log(`wrote ${files.length} files (${(bytes / 1e6).toFixed(2)} MB) to public/sample in ${((Date.now() - started) / 1000).toFixed(1)} s`);
