import { describe, expect, it } from 'vitest';
import { makeObject } from '../sample/objects';
import { fitPointToPlane } from './fitPointToPlane';
import { SurfacePointIndex } from './surfacePointIndex';
import { applySimilarity, axisAngleRotation, composeSimilarity, IDENTITY_SIMILARITY, rotationAngleBetween, type Similarity } from './similarity';

describe('fitPointToPlane', () => {
  // Samples of the (asymmetric) drill and their normals; the moved copy must come back onto them.
  const index = new SurfacePointIndex(makeObject('power_drill').mesh, 800, 2);
  const y = index.points,
    n = index.normals;
  const w = new Float64Array(y.length / 3).fill(1);
  const truth: Similarity = { scale: 1.03, rotation: axisAngleRotation([0.6, 0, 0.8], 0.05), translation: [0.004, -0.002, 0.003] };

  it('recovers a small similarity from exact pairs in a few steps', () => {
    const x = new Float64Array(y.length);
    const move = (t: Similarity) => {
      for (let i = 0; i < w.length; i++) x.set(applySimilarity(t, y.subarray(3 * i, 3 * i + 3)), 3 * i);
    };
    let T = truth;
    for (let k = 0; k < 5; k++) {
      move(T);
      const step = fitPointToPlane(x, y, n, w);
      expect(step).not.toBeNull();
      T = composeSimilarity(step!, T);
    }
    // T should now be the identity: the moved points are back on their originals.
    expect(T.scale).toBeCloseTo(1, 4);
    expect(rotationAngleBetween(T.rotation, IDENTITY_SIMILARITY.rotation)).toBeLessThan(1e-4);
    expect(Math.hypot(...T.translation)).toBeLessThan(1e-5);
  });

  it('refuses when nothing is weighted', () => {
    expect(fitPointToPlane(y, y, n, new Float64Array(w.length))).toBeNull();
  });
});
