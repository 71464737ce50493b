// DRO predictor performance and quality (part of npm run bench), on onnxruntime-web's WASM in Node,
// one thread: seconds per prediction for the shipped models and for a model at the official
// widths (random weights, 512 points, 512-d, k = 32), and the share of shipped-model predictions
// on the sample objects with penetration depth < 0.5 cm and fingertip distance < 1 cm.
//   tsx scripts/bench-dro.ts [--per-object N] [--official <dro.json>] [--models <dir>] [--hand shadowhand|leaphand]
// DRO_OFFICIAL_MODEL / DRO_MODELS_DIR do the same as the flags. Absent models are skipped with a note.
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadDataset, type LoadedDataset, type ResolvedGrasp } from '../src/core/dataset/loadDataset';
import { nodeIO } from '../src/core/dataset/nodeIO';
import { loadDroModel } from '../src/core/dro/loadModel';
import { nodeOrt } from '../src/core/dro/nodeOrt';
import { runnerFor, runPredictJob } from '../src/core/dro/predictJob';
import { MetricsService } from '../src/core/metrics/metricsService';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: flags } = parseArgs({
  options: { 'per-object': { type: 'string' }, official: { type: 'string' }, models: { type: 'string' }, hand: { type: 'string' } },
});
const PER_OBJECT = Number(flags['per-object'] ?? 4);
const OFFICIAL = flags.official ?? process.env.DRO_OFFICIAL_MODEL ?? path.join(root, 'tools/dro/out/official-random/dro.json');
const MODELS = flags.models ?? process.env.DRO_MODELS_DIR ?? path.join(root, 'public/models/dro');
const TARGET_S = 3;
const TARGET_SHARE = 0.5;
const HAND_OF: Record<string, string> = { shadowhand: 'shadow', leaphand: 'leap' };

const io = nodeIO();
const dataset = await loadDataset(pathToFileURL(path.join(root, 'public/sample/manifest.json')).href, io);
console.log(`DRO bench: ${availableParallelism()} cores, load ${loadavg()[0].toFixed(2)}; WASM, 1 thread`);

/** Times count predictions of one object; the first one (session warm-up) is reported apart. */
async function timeModel(modelPath: string, objectId: string, count: number, refine = true) {
  const files = await loadDroModel(pathToFileURL(modelPath).href, io);
  const handId = HAND_OF[files.spec.hand];
  if (!handId) throw new Error(`${modelPath}: hand ${files.spec.hand} is not in the sample`);
  const runner = await runnerFor(nodeOrt(1), files);
  const stamps: number[] = [];
  let t = performance.now();
  const job = { dataset, objectId, handId, count, seed: 0, modelLabel: modelPath, backend: 'wasm', refine };
  const r = await runPredictJob(job, files, runner, io, {
    onPrediction: () => {
      const now = performance.now();
      stamps.push((now - t) / 1000);
      t = now;
    },
  });
  await runner.release();
  const steady = stamps.length > 1 ? stamps.slice(1) : stamps;
  return { files, handId, first: stamps[0], perPrediction: steady.reduce((a, b) => a + b, 0) / steady.length, grasps: r.grasps };
}

async function shareInBand(modelPath: string, d: LoadedDataset, refine: boolean) {
  const files = await loadDroModel(pathToFileURL(modelPath).href, io);
  const handId = HAND_OF[files.spec.hand];
  const runner = await runnerFor(nodeOrt(1), files);
  const service = new MetricsService(io);
  service.configure(d);
  let good = 0,
    total = 0,
    seconds = 0;
  const perObject: string[] = [];
  for (const objectId of Object.keys(d.objects)) {
    const t0 = performance.now();
    const r = await runPredictJob({ dataset: d, objectId, handId, count: PER_OBJECT, seed: 1, modelLabel: modelPath, backend: 'wasm', refine }, files, runner, io);
    seconds += (performance.now() - t0) / 1000;
    const rows = await service.compute(r.grasps.map((g): ResolvedGrasp => ({ ...g, source: 'bench' })));
    const ok = rows.filter(
      (row) => row.penetration_depth_cm !== null && row.penetration_depth_cm < 0.5 && row.disjoint_distance_cm !== null && row.disjoint_distance_cm < 1,
    ).length;
    good += ok;
    total += rows.length;
    perObject.push(`${objectId} ${ok}/${rows.length}`);
  }
  await runner.release();
  return { good, total, seconds, perObject };
}

for (const hand of flags.hand ? [flags.hand] : ['shadowhand', 'leaphand']) {
  const modelPath = path.join(MODELS, hand, 'dro.json');
  if (!existsSync(modelPath)) {
    console.log(`[skipped] shipped ${hand} model: ${modelPath} not found`);
    continue;
  }
  const t = await timeModel(modelPath, 'mug', 4);
  const s = t.files.spec;
  console.log(
    `shipped ${hand} (N=${s.robotPoints.links.length}, M=${s.objectPoints}): ${t.perPrediction.toFixed(2)} s per prediction ` +
      `(first, with session warm-up: ${t.first.toFixed(2)} s; contact refinement included) [target <= ${TARGET_S} s]`,
  );
  for (const refine of [false, true]) {
    const band = await shareInBand(modelPath, dataset, refine);
    console.log(
      `shipped ${hand}, ${refine ? 'with contact refinement (default)' : "DRO's IK alone (--no-refine)"}: ${band.good}/${band.total} = ${((100 * band.good) / band.total).toFixed(0)}% ` +
        `of predictions on the ${Object.keys(dataset.objects).length} sample objects have penetration depth < 0.5 cm and fingertip distance < 1 cm ` +
        `[target >= ${100 * TARGET_SHARE}%]; ${(band.seconds / band.total).toFixed(2)} s per prediction incl. object sampling`,
    );
    console.log(`  per object: ${band.perObject.join(', ')}`);
  }
}

if (!existsSync(OFFICIAL)) {
  console.log(`[skipped] official-width model (random weights): ${OFFICIAL} not found (the Python tools export it; set DRO_OFFICIAL_MODEL or --official)`);
} else {
  for (const refine of [false, true]) {
    const t = await timeModel(OFFICIAL, 'mug', 2, refine);
    const s = t.files.spec;
    console.log(
      `official widths, random weights (N=${s.robotPoints.links.length}, M=${s.objectPoints}), ${refine ? 'with contact refinement' : "DRO's IK alone"}: ` +
        `${t.perPrediction.toFixed(2)} s per prediction (first: ${t.first.toFixed(2)} s)`,
    );
  }
}
