import { beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinHand, type HandModel } from '../hands';
import type { RootPose } from '../hands/types';
import { makeRng, type Rng } from '../rng';
import { randomSimilarity } from '../align/alignTestShapes.testutil';
import { rotationToQuaternion } from '../align/similarity';
import { retargetHand, robotKeypoints } from './retargetHand';
import { manoMeshKeypoints, MANO_TIP_VERTICES } from './handKeypoints';

function randomPose(model: HandModel, rng: Rng): { root: RootPose; joints: Record<string, number> } {
  const s = randomSimilarity(rng);
  const joints: Record<string, number> = {};
  // Within the middle 80% of each range: a hand at its stops is the easy case.
  for (const j of model.joints) joints[j.name] = j.lower + (j.upper - j.lower) * (0.1 + 0.8 * rng.next());
  return { root: { position: [s.translation[0] * 0.3, s.translation[1] * 0.3, s.translation[2] * 0.3], quaternion: rotationToQuaternion(s.rotation) }, joints };
}

describe('retargetHand', () => {
  let shadow: HandModel, leap: HandModel;
  beforeAll(async () => {
    shadow = await loadBuiltinHand('shadowhand', { geometry: 'visual' });
    leap = await loadBuiltinHand('leaphand', { geometry: 'visual' });
  });

  for (const id of ['shadowhand', 'leaphand'] as const) {
    it(`puts ${id}'s fingertips back on keypoints made by its own kinematics`, () => {
      const model = id === 'shadowhand' ? shadow : leap;
      const rng = makeRng(id.length);
      for (let trial = 0; trial < 5; trial++) {
        const pose = randomPose(model, rng);
        const kp = robotKeypoints(model, pose.root, pose.joints);
        const res = retargetHand(model, kp);
        expect(Object.keys(res.fingertipErrorMm)).toHaveLength(id === 'shadowhand' ? 5 : 4);
        expect(res.maxFingertipErrorMm).toBeLessThan(3);
        expect(res.unmatchedFingertips).toEqual([]);
      }
    });
  }

  it('retargets ShadowHand-made keypoints to LEAP (no little finger), with the object scaled 1.5', () => {
    const rng = makeRng(5);
    const errors: number[] = [];
    for (let trial = 0; trial < 5; trial++) {
      const pose = randomPose(shadow, rng);
      const res = retargetHand(leap, robotKeypoints(shadow, pose.root, pose.joints), { objectScale: 1.5 });
      expect(res.unmatchedFingertips).toEqual(['little']);
      expect(res.objectScale).toBe(1.5);
      expect(Object.keys(res.fingertipErrorMm).sort()).toEqual(['index', 'middle', 'ring', 'thumb']);
      errors.push(res.meanFingertipErrorMm);
    }
    // Different proportions: not exact, but far better than the hands' size difference.
    console.log(`LEAP from ShadowHand keypoints, mean fingertip error per grasp [mm]: ${errors.map((e) => e.toFixed(1)).join(', ')}`);
    expect(Math.max(...errors)).toBeLessThan(25);
  });

  it('keeps every joint within its limits', () => {
    const pose = randomPose(shadow, makeRng(9));
    const kp = robotKeypoints(shadow, pose.root, pose.joints).map((p) => (p ? ([p[0] * 1.4, p[1] * 1.4, p[2] * 1.4] as typeof p) : p));
    const res = retargetHand(shadow, kp);
    for (const j of shadow.joints) {
      expect(res.joints[j.name]).toBeGreaterThanOrEqual(j.lower);
      expect(res.joints[j.name]).toBeLessThanOrEqual(j.upper);
    }
  });

  it('reads the wrist and fingertips of a MANO mesh from its fixed vertex ids', () => {
    const positions = new Float32Array(778 * 3).map((_, i) => i);
    const kp = manoMeshKeypoints({ positions, indices: new Uint32Array() });
    expect(kp[8]).toEqual([3 * MANO_TIP_VERTICES.index, 3 * MANO_TIP_VERTICES.index + 1, 3 * MANO_TIP_VERTICES.index + 2]);
    expect(kp[5]).toBeNull();
    expect(() => manoMeshKeypoints({ positions: new Float32Array(30), indices: new Uint32Array() }, 'hand.obj')).toThrow(/hand.obj: a MANO hand mesh has 778 vertices/);
  });
});
