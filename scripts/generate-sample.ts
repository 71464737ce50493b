// Writes the bundled sample dataset to public/sample/ (deterministic; see src/core/sample/).
// --if-missing: do nothing when the dataset is already there and was made by this generator version.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSampleDataset } from '../src/core/sample/buildSampleDataset';

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
  for (const dir of ['src/core/sample', 'src/core/hands', 'src/core/urdf', 'src/core/mesh']) walk(path.join(root, dir));
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
const { files } = await buildSampleDataset({
  onProgress: (done, total) => {
    const pct = Math.floor((done / total) * 10) * 10;
    if (pct !== lastPct) {
      lastPct = pct;
      process.stdout.write(`generating sample dataset: ${pct}%\r`);
    }
  },
});
rmSync(outDir, { recursive: true, force: true });
let bytes = 0;
for (const f of files) {
  const p = path.join(outDir, f.path);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, f.data);
  bytes += typeof f.data === 'string' ? Buffer.byteLength(f.data) : f.data.byteLength;
}
writeFileSync(stampFile, stamp);
console.log(
  `wrote ${files.length} files (${(bytes / 1e6).toFixed(2)} MB) to public/sample in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
