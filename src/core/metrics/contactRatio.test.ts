import { describe, expect, it } from 'vitest';
import { contactRatio } from './contactRatio';
import { box, handFromParts } from './proceduralShapes';
import { prepareSceneHand, prepareSceneObject } from './scene';
import { rotationMatrix, transformTriMesh } from './testScenes';

describe('contact ratio threshold', () => {
  // A 1 mm thick plate in the plane y = z (rotated 45 degrees about x): its few large triangles
  // have bounding boxes that span the whole plate, so points far from the plate sit inside them.
  const half = 0.0005;
  const plate = transformTriMesh(box([-0.05, -0.05 * Math.SQRT2, -half], [0.05, 0.05 * Math.SQRT2, half]), rotationMatrix([1, 0, 0], Math.PI / 4));
  const hand = prepareSceneHand(handFromParts([{ link: 'plate', mesh: plate }]), 1e9);
  const object = prepareSceneObject(box([-0.1, -0.1, -0.1], [0.1, 0.1, 0.1]), 1, 1e9);
  // Unit normal of the plate's mid-plane y - z = 0.
  const n = [0, Math.SQRT1_2, -Math.SQRT1_2];
  const at = (d: number) => [d * n[0], d * n[1], d * n[2]];

  it('does not count a point whose nearest triangle box is within reach but whose surface is not', () => {
    // (0, 0.03, -0.03) lies inside the plate's bounding box, 0.06 / sqrt(2) = 42.43 mm from the
    // mid-plane, so 41.93 mm from the plate: far beyond a 5 mm threshold.
    const far = [0, 0.03, -0.03];
    expect(Math.abs(far[1] - far[2]) / Math.SQRT2 - half).toBeCloseTo(0.04193, 5);
    const r = contactRatio(hand, object, Float64Array.from(far), 0.005, 5);
    expect(r.inContact[0]).toBe(0);
    expect(r.ratio).toBe(0);
  });

  it('counts points within the threshold and not those just beyond it (distance, not box, decides)', () => {
    // Distances to the plate surface: 3 mm, 4.9 mm (in), 5.1 mm, 8 mm (out), and one inside.
    const samples = [...at(half + 0.003), ...at(-(half + 0.0049)), ...at(half + 0.0051), ...at(-(half + 0.008)), ...at(0)];
    const r = contactRatio(hand, object, Float64Array.from(samples), 0.005, 5);
    expect(Array.from(r.inContact)).toEqual([1, 1, 0, 0, 1]);
    expect(r.ratio).toBeCloseTo(3 / 5, 12);
  });
});
