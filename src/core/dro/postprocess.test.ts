import { describe, expect, it } from 'vitest';
import { loadDataset } from '../dataset/loadDataset';
import { memoryIO } from '../dataset/memoryIO';
import { loadBuiltinHand } from '../hands/builtin/builtinHands';
import { fingertipPositions } from '../hands/poseHand';
import { parseMeshAsync } from '../mesh/parseMesh';
import { makeRng } from '../rng';
import { buildSampleDataset, type SampleFile } from '../sample/buildSampleDataset';
import { initialConfiguration } from './initialConfig';
import { kabsch, transformPoints } from './kabsch';
import { multilaterate } from './multilateration';
import { objectPointsOf } from './objectPoints';
import { distanceMatrix, graspFromDistances } from './postprocess';
import { bindRobotPoints, robotPointsAt } from './robotPoints';
import { sampleRobotPoints } from './robotPointSampling';

const BASE = 'https://sample.test/';

function io(files: SampleFile[]) {
  return memoryIO(Object.fromEntries(files.map((f) => [BASE + f.path, typeof f.data === 'string' ? f.data : (f.data.slice().buffer as ArrayBuffer)])));
}

describe('multilateration and Kabsch', () => {
  it('multilateration puts points back where exact distances say they are', () => {
    const rng = makeRng(3);
    const object = Float64Array.from({ length: 3 * 200 }, () => rng.range(-0.1, 0.1));
    const robot = Float64Array.from({ length: 3 * 20 }, () => rng.range(-0.2, 0.2));
    const back = multilaterate(distanceMatrix(robot, object), 20, object);
    // float32 distances: squared-distance differences lose ~1e-7 relative.
    for (let i = 0; i < robot.length; i++) expect(back[i]).toBeCloseTo(robot[i], 5);
  });

  it('Kabsch recovers a rotation and never returns a mirror', () => {
    const rng = makeRng(4);
    const from = Float64Array.from({ length: 3 * 10 }, () => rng.range(-0.05, 0.05));
    const c = Math.cos(1.1),
      s = Math.sin(1.1);
    const rot = new Float64Array([c, s, 0, 0, -s, c, 0, 0, 0, 0, 1, 0, 0.1, -0.2, 0.3, 1]);
    const fit = kabsch(from, transformPoints(rot, from));
    for (let i = 0; i < 16; i++) expect(fit[i]).toBeCloseTo(rot[i], 9);
    // A mirrored target: the fit must still be a proper rotation (det +1).
    const mirrored = transformPoints(new Float64Array([-1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]), from);
    const m = kabsch(from, mirrored);
    const det = m[0] * (m[5] * m[10] - m[9] * m[6]) - m[4] * (m[1] * m[10] - m[9] * m[2]) + m[8] * (m[1] * m[6] - m[5] * m[2]);
    expect(det).toBeCloseTo(1, 9);
  });
});

describe('post-processing oracle: true D of sample grasps -> multilateration + Kabsch + IK recovers the grasp', async () => {
  const { files } = await buildSampleDataset({ categories: ['mug', 'spray_bottle'], graspsPerObjectPerHand: 3 });
  const data = io(files);
  const dataset = await loadDataset(BASE + 'manifest.json', data);

  for (const [handId, builtin] of [
    ['shadow', 'shadowhand'],
    ['leap', 'leaphand'],
  ] as const) {
    it(`${builtin}: every fingertip within 2 mm`, async () => {
      const model = await loadBuiltinHand(builtin);
      const tree = model.kinematics;
      const set = bindRobotPoints(tree, { robotPoints: sampleRobotPoints(model, { total: 512, perLink: 128, seed: 1 }) });
      // Human-only sample grasps have no robot pose to recover.
      const grasps = dataset.grasps.filter((g) => g.hand === handId && g.root);
      expect(grasps.length).toBe(6);
      let worst = 0;
      for (const [k, g] of grasps.entries()) {
        const mesh = await parseMeshAsync(await data.fetchBytes(dataset.objects[g.object].meshUrl), g.object);
        const object = objectPointsOf(mesh, 512, k, g.objectScale ?? 1);
        const truth = { root: g.root!, joints: g.joints };
        const dist = distanceMatrix(robotPointsAt(tree, set, truth), object);
        const init = initialConfiguration(tree, makeRng(100 + k));
        const out = graspFromDistances(tree, set, dist, object, init);
        expect(out.iterations).toBeLessThanOrEqual(64);
        const want = fingertipPositions(model, truth.root, truth.joints);
        const got = fingertipPositions(model, out.config.root, out.config.joints);
        for (const tip of model.fingertips) {
          const e = Math.hypot(...want[tip].map((v, d) => v - got[tip][d]));
          worst = Math.max(worst, e);
          expect(e, `${g.id} ${tip}`).toBeLessThan(0.002);
        }
        for (const j of model.joints) {
          expect(out.config.joints[j.name]).toBeGreaterThanOrEqual(j.lower);
          expect(out.config.joints[j.name]).toBeLessThanOrEqual(j.upper);
        }
      }
      console.log(`${builtin}: worst fingertip error ${(worst * 1000).toPrecision(3)} mm over ${grasps.length} grasps`);
    });
  }
});
