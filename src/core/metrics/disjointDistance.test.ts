import { describe, expect, it } from 'vitest';
import { computeGraspMetrics } from './computeGraspMetrics';
import { box, handFromParts, translation, uvSphere } from './proceduralShapes';
import { multiply, rotationMatrix, transformTriMesh } from './testScenes';

/** Fingertip distance (cm) of a one-link hand whose link is the fingertip. */
function tipDistanceCm(tip: ReturnType<typeof box>, matrix: ReturnType<typeof translation>, object: ReturnType<typeof box>, objectScale = 1): number {
  const hand = handFromParts([{ link: 'tip', mesh: tip, matrix }], [{ name: 'tip', geometryLink: 'tip' }]);
  const r = computeGraspMetrics({ hand, object, objectScale, params: { samples: 256 } });
  expect(r.errors).toEqual([]);
  return r.disjoint_distance_cm!;
}

describe('fingertip (disjoint) distance is surface to surface', () => {
  // A bar lying on one of its edges: rotated 45 degrees about x, the top ridge is the x-axis
  // (y = 0, z = 0) from x = -5 cm to 5 cm. Its vertices are only the bar's corners.
  const halfDiag = 0.03 * Math.SQRT2;
  const ridge = transformTriMesh(box([-0.05, -0.03, -0.03], [0.05, 0.03, 0.03]), multiply(translation(0, 0, -halfDiag), rotationMatrix([1, 0, 0], Math.PI / 4)));

  it('a flat fingertip pad 3 mm above a ridge: the gap is 3 mm, not the 16.3 mm from its corners', () => {
    // Pad 4 x 4 x 0.5 cm, bottom face at z = 3 mm, centred over the ridge. Its nearest corner,
    // (0.02, 0.02, 0.003), is (0.02 + 0.003) / sqrt(2) = 16.26 mm from the slanted face; the ridge
    // point (0, 0, 0) is 3 mm below the pad's bottom face. Neither closest point is a vertex.
    const pad = box([-0.02, -0.02, 0], [0.02, 0.02, 0.005]);
    expect(tipDistanceCm(pad, translation(0, 0, 0.003), ridge)).toBeCloseTo(0.3, 4);
    // Same scene with the object scaled: distances scale with it (the pair search must not prune
    // wrongly in a scaled frame, whichever side is searched).
    for (const k of [0.5, 2]) {
      const s = 1 / k;
      const obj = transformTriMesh(ridge, [s, 0, 0, 0, 0, s, 0, 0, 0, 0, s, 0, 0, 0, 0, 1]);
      expect(tipDistanceCm(pad, translation(0, 0, 0.003), obj, k)).toBeCloseTo(0.3, 4);
    }
  });

  it('a long flat fingertip 2 mm above a sphere: 2 mm, where its corners are centimetres away', () => {
    // Sphere of radius 4 cm with a vertex at its north pole (0, 0, 0.04). The fingertip is a
    // 10 cm x 1 cm x 2 mm plate whose bottom face is at z = 0.042: the pole is 2 mm below it. Its
    // corners are sqrt(0.05^2 + 0.005^2 + 0.042^2) - 0.04 = 2.55 cm from the sphere.
    const sphere = uvSphere(0.04, 64, 32);
    const plate = box([-0.05, -0.005, 0], [0.05, 0.005, 0.002]);
    expect(Math.hypot(0.05, 0.005, 0.042) - 0.04).toBeGreaterThan(0.025);
    expect(tipDistanceCm(plate, translation(0, 0, 0.042), sphere)).toBeCloseTo(0.2, 4);
  });

  it('is 0 when the fingertip crosses the surface and when it is inside the object', () => {
    const pad = box([-0.02, -0.02, 0], [0.02, 0.02, 0.005]);
    expect(tipDistanceCm(pad, translation(0, 0, -0.001), ridge)).toBe(0);
    const cube = box([-0.1, -0.1, -0.1], [0.1, 0.1, 0.1]);
    expect(tipDistanceCm(box([-0.01, -0.01, -0.01], [0.01, 0.01, 0.01]), translation(0, 0, 0), cube)).toBe(0);
  });
});
