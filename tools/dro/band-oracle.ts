// How much of the quality band the post-processing keeps when the distance matrix is exact: feeds
// each training grasp's true D (on the object points the predictor samples) through
// multilateration + Kabsch + IK from DRO's random initial configuration, with the same objects,
// initial configurations and metrics as scripts/bench-dro.ts, so the share compares with the
// bench's. A model scoring well below this loses the band in its D, not in the post-processing.
//   npx tsx tools/dro/band-oracle.ts --hand shadowhand --data tools/dro/data/shadowhand --model public/models/dro/shadowhand [--per-object 4]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadDataset, type ResolvedGrasp } from '../../src/core/dataset/loadDataset';
import { nodeIO } from '../../src/core/dataset/nodeIO';
import { loadDroModel } from '../../src/core/dro/loadModel';
import type { DroRunner } from '../../src/core/dro/onnxRunner';
import { distanceMatrix } from '../../src/core/dro/postprocess';
import { loadPredictHand, runPredictJob } from '../../src/core/dro/predictJob';
import { bindRobotPoints, pointsFromLinks, type RobotPointSet } from '../../src/core/dro/robotPoints';
import { MetricsService } from '../../src/core/metrics/metricsService';

const { values: flags } = parseArgs({
  options: { hand: { type: 'string' }, data: { type: 'string' }, model: { type: 'string' }, 'per-object': { type: 'string' } },
});
const HAND_OF: Record<string, string> = { shadowhand: 'shadow', leaphand: 'leap' };
const hand = flags.hand ?? '';
if (!HAND_OF[hand] || !flags.data || !flags.model) {
  console.error('usage: tsx tools/dro/band-oracle.ts --hand shadowhand|leaphand --data <export dir> --model <model dir> [--per-object 4]');
  process.exit(2);
}
const perObject = Number(flags['per-object'] ?? 4);
const handId = HAND_OF[hand];
const io = nodeIO();
const root = path.resolve(import.meta.dirname, '../..');
const dataset = await loadDataset(pathToFileURL(path.join(root, 'public/sample/manifest.json')).href, io);
const files = await loadDroModel(pathToFileURL(path.resolve(flags.model, 'dro.json')).href, io);
const grasps: { category: string; matrices: number[][] }[] = JSON.parse(readFileSync(path.join(flags.data, `${hand}-grasps.json`), 'utf8')).grasps;
const links: string[] = JSON.parse(readFileSync(path.join(flags.data, `${hand}-grasps.json`), 'utf8')).links;
const model = await loadPredictHand(dataset, handId, io);
const tree = model.kinematics;
const set: RobotPointSet = bindRobotPoints(tree, files.spec);

/** A grasp's robot points (object frame) from the link matrices the export wrote. */
function graspPoints(matrices: number[][]): Float64Array {
  const byTree: Float64Array[] = Array.from({ length: tree.linkIndex.size }, () => new Float64Array(16));
  links.forEach((l, i) => byTree[tree.linkIndex.get(l)!].set(matrices[i]));
  return pointsFromLinks(set, byTree);
}

/** Stands in for the ONNX runner: returns a fixed D per call, computed on the object points it is given. */
function fakeRunner(dists: (object: Float32Array, call: number) => Float32Array): DroRunner {
  let call = 0;
  return {
    run: async (_robot, object) => {
      const dist = dists(object, call++);
      return { dist, rows: set.count, cols: object.length / 3 };
    },
    lastEmbedding: () => null,
    release: async () => {},
  };
}

const service = new MetricsService(io);
service.configure(dataset);
{
  let good = 0,
    total = 0;
  const per: string[] = [];
  for (const objectId of Object.keys(dataset.objects)) {
    const mine = grasps.filter((g) => g.category === objectId).map((g) => graspPoints(g.matrices));
    if (!mine.length) throw new Error(`${flags.data}: no training grasps of ${objectId}`);
    const runner = fakeRunner((object, call) => distanceMatrix(mine[call % mine.length], object));
    const job = { dataset, objectId, handId, count: perObject, seed: 1, modelLabel: 'true D', backend: 'none' };
    const r = await runPredictJob(job, files, runner, io, { hand: model });
    const rows = await service.compute(r.grasps.map((g): ResolvedGrasp => ({ ...g, source: 'oracle' })));
    const ok = rows.filter(
      (row) => row.penetration_depth_cm !== null && row.penetration_depth_cm < 0.5 && row.disjoint_distance_cm !== null && row.disjoint_distance_cm < 1,
    ).length;
    good += ok;
    total += rows.length;
    per.push(`${objectId} ${ok}/${rows.length}`);
  }
  console.log(`${hand}, true D: ${good}/${total} = ${((100 * good) / total).toFixed(0)}% in the band (penetration < 0.5 cm, fingertip distance < 1 cm)`);
  console.log(`  per object: ${per.join(', ')}`);
}
