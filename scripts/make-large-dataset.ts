// Writes a large dataset (default 100,000 grasps) for testing responsiveness: JSON Lines shards of
// grasps copied from the bundled sample (new ids), referencing the sample's meshes by relative path.
//   npx tsx scripts/make-large-dataset.ts [--grasps 100000] [--per-shard 10000] [--out .bench/large] [--sample public/sample]
// Serve the output folder's parent (so the relative mesh paths reach the sample) and open
// ?dataset=<URL of <out>/manifest.json>.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface LargeDatasetOptions {
  grasps: number;
  perShard: number;
  out: string;
  sample: string;
}

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

const posix = (p: string) => p.split(path.sep).join('/');

export function makeLargeDataset(opts: LargeDatasetOptions): { manifest: string; shards: number; grasps: number } {
  const sampleManifest = JSON.parse(readFileSync(path.join(opts.sample, 'manifest.json'), 'utf8'));
  // Mesh paths are relative to the file that names them: re-anchor them at the new files.
  const rebase = (p: string, fromDir: string, toDir: string) => (/^[a-z]+:/i.test(p) ? p : posix(path.relative(toDir, path.resolve(fromDir, p))));
  const templates: Record<string, unknown>[] = [];
  for (const shard of sampleManifest.shards ?? []) {
    const shardPath = path.join(opts.sample, typeof shard === 'string' ? shard : shard.path);
    for (const line of readFileSync(shardPath, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const g = JSON.parse(line);
      if (g.reconstruction?.mesh) g.reconstruction.mesh = rebase(g.reconstruction.mesh, path.dirname(shardPath), path.join(opts.out, 'grasps'));
      templates.push(g);
    }
  }
  if (templates.length === 0) throw new Error(`no grasps in ${opts.sample}: run "npm run sample" first`);

  const objects: Record<string, { mesh: string; category?: string }> = {};
  for (const [id, o] of Object.entries(sampleManifest.objects as Record<string, { mesh: string; category?: string }>)) {
    objects[id] = { ...o, mesh: rebase(o.mesh, opts.sample, opts.out) };
  }
  rmSync(opts.out, { recursive: true, force: true });
  mkdirSync(path.join(opts.out, 'grasps'), { recursive: true });
  const shards: { path: string; count: number }[] = [];
  for (let start = 0, k = 0; start < opts.grasps; start += opts.perShard, k++) {
    const lines: string[] = [];
    const end = Math.min(opts.grasps, start + opts.perShard);
    for (let i = start; i < end; i++) {
      const t = templates[i % templates.length];
      lines.push(JSON.stringify({ ...t, id: `${t.id}-r${String(Math.floor(i / templates.length)).padStart(4, '0')}`, meta: { ...(t.meta as object), copy: i } }));
    }
    const rel = `grasps/part-${String(k).padStart(3, '0')}.jsonl`;
    writeFileSync(path.join(opts.out, rel), lines.join('\n') + '\n');
    shards.push({ path: rel, count: lines.length });
  }
  const manifest = {
    format: sampleManifest.format,
    name: `Large test set (${opts.grasps.toLocaleString('en-US')} grasps)`,
    description: `Grasps of the bundled sample repeated by scripts/make-large-dataset.ts to test responsiveness.`,
    hands: sampleManifest.hands,
    objects,
    shards,
  };
  const manifestPath = path.join(opts.out, 'manifest.json');
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return { manifest: manifestPath, shards: shards.length, grasps: opts.grasps };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const opts: LargeDatasetOptions = {
    grasps: Number(arg(argv, 'grasps') ?? 100_000),
    perShard: Number(arg(argv, 'per-shard') ?? 10_000),
    out: path.resolve(arg(argv, 'out') ?? path.join(root, '.bench/large')),
    sample: path.resolve(arg(argv, 'sample') ?? path.join(root, 'public/sample')),
  };
  if (!(opts.grasps > 0) || !(opts.perShard > 0)) throw new Error('--grasps and --per-shard must be positive numbers');
  const r = makeLargeDataset(opts);
  console.log(`wrote ${r.grasps.toLocaleString('en-US')} grasps in ${r.shards} shards: ${path.relative(process.cwd(), r.manifest)}`);
}
