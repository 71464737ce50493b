// Milliseconds per alignment and per retargeted grasp on the sample's human-only grasps (npm run bench).
// Targets on the reference 2-core machine: <= 200 ms per alignment, <= 50 ms per retargeted grasp.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadDataset } from '../src/core/dataset/loadDataset';
import { nodeIO } from '../src/core/dataset/nodeIO';
import { SceneService } from '../src/core/scene/sceneService';
import { alignToReference } from '../src/core/align/alignMesh';
import { alignedGrasp } from '../src/core/align/alignGrasp';
import { loadBuiltinHand } from '../src/core/hands';
import { graspHumanKeypoints } from '../src/core/retarget/graspKeypoints';
import { retargetHand } from '../src/core/retarget/retargetHand';
import type { Grasp } from '../src/core/dataset/schema';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const io = nodeIO();
const dataset = await loadDataset(pathToFileURL(path.join(root, 'public/sample/manifest.json')).href, io);
const human = dataset.grasps.filter((g) => g.reconstruction?.frame === 'own');
if (!human.length) throw new Error('public/sample has no human-only grasps: run npm run sample:force');
const scene = new SceneService(io);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const cold: number[] = [],
  warm: number[] = [],
  cpu: number[] = [],
  queries: number[] = [];
const aligned: Grasp[] = [];
for (const g of human) {
  const ref = await scene.loadMesh(dataset.objects[g.object].meshUrl);
  const recon = await scene.loadMesh(g.reconstructionUrl!);
  let t = performance.now();
  const res = alignToReference(recon, ref); // builds the reference's sample index once
  cold.push(performance.now() - t);
  t = performance.now();
  const c0 = process.cpuUsage();
  alignToReference(recon, ref);
  const c = process.cpuUsage(c0);
  warm.push(performance.now() - t);
  // CPU time of this process and the query count depend far less on other processes than wall time.
  cpu.push((c.user + c.system) / 1000);
  queries.push(res.queries);
  aligned.push(alignedGrasp(g, res));
}
console.log(
  `alignment: ${human.length} sample grasps, median ${median(warm).toFixed(0)} ms per alignment (max ${Math.max(...warm).toFixed(0)}; first on a new reference mesh ${median(cold).toFixed(0)} ms) [target <= 200 ms]`,
);
console.log(`  CPU time ${median(cpu).toFixed(0)} ms, ${median(queries)} closest-point queries per alignment (medians)`);

for (const id of ['shadowhand', 'leaphand'] as const) {
  const model = await loadBuiltinHand(id, { geometry: 'visual' });
  const times: number[] = [],
    cpuTimes: number[] = [],
    errs: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const g of aligned) {
      const t = performance.now();
      const c0 = process.cpuUsage();
      const r = retargetHand(model, graspHumanKeypoints(g), { objectScale: id === 'leaphand' ? 1.5 : 1 });
      const c = process.cpuUsage(c0);
      times.push(performance.now() - t);
      cpuTimes.push((c.user + c.system) / 1000);
      if (round === 0) errs.push(r.meanFingertipErrorMm);
    }
  }
  console.log(
    `retarget to ${id}: median ${median(times).toFixed(1)} ms per grasp (max ${Math.max(...times).toFixed(1)}; CPU time ${median(cpuTimes).toFixed(1)} ms), mean fingertip error ${median(errs).toFixed(1)} mm (median over grasps) [target <= 50 ms]`,
  );
}
