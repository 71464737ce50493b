import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { loadDataset } from '../core/dataset/loadDataset';
import { nodeIO, toManifestUrl } from '../core/dataset/nodeIO';
import { loadDroModel } from '../core/dro/loadModel';
import { nodeOrt } from '../core/dro/nodeOrt';
import { predictionManifest } from '../core/dro/predictionManifest';
import { runnerFor, runPredictJob } from '../core/dro/predictJob';
import { relativeUrl } from '../core/review/relativeUrl';
import { UsageError } from './metricsArgs';

export const PREDICT_HELP = `Usage: hoi-studio predict <manifest> --model <dro.json> --object <objectId> --hand <handId> --out <predictions.json> [options]

Predicts grasps of one object of a dataset with a DRO model (a folder with dro.json, embed.onnx,
kernel.onnx; docs/dro-model.md) on onnxruntime-web's WASM backend, and writes them as a
hoi-studio/dataset@1 manifest: the hand and the object with paths rewritten for where the file is
saved, one grasp per prediction, meta.prediction = { model, seed, index, backend, initial,
refine }. After DRO's own post-processing each prediction goes through contact refinement (links
pushed out of the object, fingertips within 3 cm pulled onto it; meta.prediction.refine keeps
DRO's unrefined configuration). The file opens in the studio and goes through "hoi-studio metrics".

  --model <dro.json>    model descriptor (path or http(s) URL) (required)
  --object <id>         object id in the manifest (required)
  --hand <id>           hand id in the manifest (required)
  --out <file.json>     output manifest (required)
  --count <n>           predictions [default 8]
  --seed <n>            seed of the initial configurations, latents and object points [default 0]
  --threads <n>         WASM threads [default 1]
  --no-refine           keep DRO's configurations as its IK leaves them (no contact refinement)
  --quiet               no progress output
  -h, --help            this help
`;

export interface PredictArgs {
  manifest: string;
  model: string;
  object: string;
  hand: string;
  out: string;
  count: number;
  seed: number;
  threads: number;
  refine: boolean;
  quiet: boolean;
}

function int(name: string, v: string | undefined, fallback: number, min: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer >= ${min} (got "${v}")`);
  return n;
}

export function parsePredictArgs(argv: string[]): PredictArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        model: { type: 'string' },
        object: { type: 'string' },
        hand: { type: 'string' },
        out: { type: 'string' },
        count: { type: 'string' },
        seed: { type: 'string' },
        threads: { type: 'string' },
        'no-refine': { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const { values: v, positionals } = parsed;
  if (v.help) return 'help';
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `one manifest expected, got ${positionals.length} arguments` : 'give the dataset manifest');
  for (const k of ['model', 'object', 'hand', 'out'] as const) if (!v[k]) throw new UsageError(`--${k} is required`);
  return {
    manifest: positionals[0],
    model: v.model!,
    object: v.object!,
    hand: v.hand!,
    out: v.out!,
    count: int('count', v.count, 8, 1),
    seed: int('seed', v.seed, 0, 0),
    threads: int('threads', v.threads, 1, 1),
    refine: !v['no-refine'],
    quiet: !!v.quiet,
  };
}

export async function runPredictCommand(args: PredictArgs, log: (s: string) => void = (s) => process.stderr.write(s + '\n')): Promise<{ grasps: number; seconds: number }> {
  const t0 = performance.now();
  const io = nodeIO();
  const dataset = await loadDataset(toManifestUrl(args.manifest), io);
  for (const issue of dataset.issues) log(`${issue.severity}: ${issue.file}: ${issue.message}`);
  const modelUrl = toManifestUrl(args.model);
  const files = await loadDroModel(modelUrl, io);
  const runner = await runnerFor(nodeOrt(args.threads), files);
  const outPath = path.resolve(args.out);
  const target = pathToFileURL(outPath).href;
  try {
    const result = await runPredictJob(
      {
        dataset,
        objectId: args.object,
        handId: args.hand,
        count: args.count,
        seed: args.seed,
        // Recorded relative to the output file, like every other path in it.
        modelLabel: relativeUrl(target, modelUrl),
        backend: 'wasm',
        refine: args.refine,
      },
      files,
      runner,
      io,
      { onPrediction: (_p, done, total) => !args.quiet && log(`[predict] ${done}/${total}`) },
    );
    const manifest = predictionManifest(dataset, result.grasps, target, {
      prediction: { model: relativeUrl(target, modelUrl), object: args.object, hand: args.hand, count: args.count, seed: args.seed, backend: 'wasm', refine: args.refine },
    });
    await mkdir(path.dirname(outPath), { recursive: true });
    await writeFile(outPath, JSON.stringify(manifest, null, 1) + '\n');
    const seconds = (performance.now() - t0) / 1000;
    if (!args.quiet) log(`[predict] wrote ${result.grasps.length} predicted grasps to ${args.out} in ${seconds.toFixed(1)} s`);
    return { grasps: result.grasps.length, seconds };
  } finally {
    await runner.release();
  }
}
