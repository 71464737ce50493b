import { describe, expect, it } from 'vitest';
import { makeRng } from '../rng';
import { makeObject } from '../sample/objects';
import type { Vec3 } from '../hands/types';
import { alignToReference } from './alignMesh';
import { corruptedCopy, randomSimilarity } from './alignTestShapes.testutil';
import { applySimilarity, invertSimilarity, rotationAngleBetween } from './similarity';

describe('alignToReference', () => {
  // The power drill has no symmetry (handle, trigger, chuck), so the pose is unique.
  const reference = makeObject('power_drill').mesh;
  const rng = makeRng(11);
  // Hand keypoints around the object in the reference frame.
  const keypoints: Vec3[] = Array.from({ length: 21 }, () => [rng.range(-0.08, 0.08), rng.range(-0.08, 0.08), rng.range(-0.08, 0.08)]);

  for (let trial = 0; trial < 4; trial++) {
    it(`recovers a random similarity with noise, a hole and outliers (trial ${trial})`, () => {
      const r = makeRng(100 + trial);
      const truth = randomSimilarity(r); // reference -> reconstruction
      const recon = corruptedCopy(reference, truth, r, 0.001);
      const res = alignToReference(recon, reference);
      const expected = invertSimilarity(truth);
      expect(res.transform.scale).toBeCloseTo(expected.scale, 2);
      expect(rotationAngleBetween(res.transform.rotation, expected.rotation)).toBeLessThan(0.03);
      // Keypoints taken to the reconstruction's frame come back where they were.
      let worst = 0;
      for (const k of keypoints) {
        const back = applySimilarity(res.transform, applySimilarity(truth, k));
        worst = Math.max(worst, Math.hypot(back[0] - k[0], back[1] - k[1], back[2] - k[2]));
      }
      expect(worst).toBeLessThan(0.004);
      expect(res.rmsMm).toBeGreaterThan(0.3);
      expect(res.rmsMm).toBeLessThan(2);
      expect(res.inliers).toBeGreaterThan(0.9);
      expect(res.inliers).toBeLessThan(1);
    });
  }

  it('says which mesh is unusable', () => {
    expect(() => alignToReference({ positions: new Float32Array(9), indices: new Uint32Array() }, reference)).toThrow(/reconstruction mesh has no triangles/);
  });
});
