import { describe, expect, it } from 'vitest';
import { computeGraspMetrics, type GraspMetricsInput } from './computeGraspMetrics';
import { box, handFromParts, translation, uvSphere } from './proceduralShapes';
import { multiply, rotationMatrix, transformHand, transformTriMesh } from './testScenes';

const object = uvSphere(0.04, 96, 48);
const reconstruction = uvSphere(0.037, 64, 32, [0.002, 0, 0]);
const tip = uvSphere(0.008, 32, 16);
const hand = handFromParts(
  [
    { link: 'palm', mesh: box([-0.03, -0.03, 0], [0.03, 0.03, 0.015], 3), matrix: translation(0, 0, 0.034) },
    { link: 'f1', mesh: tip, matrix: translation(0.045, 0.005, 0) },
    { link: 'f2', mesh: tip, matrix: translation(-0.035, 0.035, 0.01) },
    { link: 'th', mesh: box([-0.005, -0.005, -0.02], [0.005, 0.005, 0.02], 2), matrix: multiply(translation(0, -0.056, 0), rotationMatrix([1, 0, 0], 0.3)) },
  ],
  [
    { name: 'ff', geometryLink: 'f1' },
    { name: 'mf', geometryLink: 'f2' },
    { name: 'th', geometryLink: 'th' },
  ],
);
const params = { voxelMm: 1, samples: 4096, d2Pairs: 20000 };
const base = computeGraspMetrics({ hand, object, reconstruction, params });

describe('metric properties', () => {
  it('the scene used has penetration, contact and gaps (so the checks below are not vacuous)', () => {
    expect(base.errors).toEqual([]);
    expect(base.penetration_depth_cm!).toBeGreaterThan(0.1);
    expect(base.penetration_volume_cm3!).toBeGreaterThan(0.5);
    expect(base.disjoint_distance_cm!).toBeGreaterThan(0.01);
    expect(base.contact_ratio_pct!).toBeGreaterThan(5);
    expect(base.d2_wasserstein_cm!).toBeGreaterThan(0.05);
  });

  it('are invariant to a rigid motion of the whole scene', () => {
    for (const [axis, angle, t] of [
      [[1, 2, 3], 0.7, [0.3, -0.2, 0.15]],
      [[-1, 0.2, 0.5], 2.4, [-1.5, 0.4, 2]],
    ] as [[number, number, number], number, [number, number, number]][]) {
      const m = rotationMatrix(axis, angle, t);
      const moved: GraspMetricsInput = {
        hand: transformHand(hand, m),
        object: transformTriMesh(object, m),
        reconstruction: transformTriMesh(reconstruction, m),
        params,
      };
      const r = computeGraspMetrics(moved);
      expect(r.errors).toEqual([]);
      expect(r.penetration_depth_cm!).toBeCloseTo(base.penetration_depth_cm!, 3);
      expect(r.disjoint_distance_cm!).toBeCloseTo(base.disjoint_distance_cm!, 3);
      // Same seeded samples moved with the scene; only float32 rounding can flip a borderline one.
      expect(Math.abs(r.contact_ratio_pct! - base.contact_ratio_pct!)).toBeLessThan(0.1);
      expect(r.d2_wasserstein_cm!).toBeCloseTo(base.d2_wasserstein_cm!, 3);
      // The voxel lattice is fixed in the frame, so volume is invariant up to discretisation.
      expect(Math.abs(r.penetration_volume_cm3! - base.penetration_volume_cm3!) / base.penetration_volume_cm3!).toBeLessThan(0.05);
    }
  });

  it('keeps the object box under translation (the box diagonal is not rotation invariant by definition)', () => {
    const m = translation(0.5, -0.25, 1);
    const r = computeGraspMetrics({ hand: transformHand(hand, m), object: transformTriMesh(object, m), params });
    expect(r.object_diagonal_cm!).toBeCloseTo(base.object_diagonal_cm!, 4);
  });

  it('scale linearly with units (lengths x k, volume x k^3, ratio unchanged)', () => {
    for (const k of [10, 0.1]) {
      const s = rotationMatrix([0, 0, 1], 0, [0, 0, 0], k);
      const r = computeGraspMetrics({
        hand: transformHand(hand, s),
        object,
        objectScale: k,
        reconstruction: transformTriMesh(reconstruction, s),
        params: { ...params, voxelMm: params.voxelMm * k, contactMm: 5 * k },
      });
      expect(r.errors).toEqual([]);
      expect(r.penetration_depth_cm! / k).toBeCloseTo(base.penetration_depth_cm!, 4);
      expect(r.disjoint_distance_cm! / k).toBeCloseTo(base.disjoint_distance_cm!, 4);
      expect(r.object_diagonal_cm! / k).toBeCloseTo(base.object_diagonal_cm!, 4);
      expect(r.d2_wasserstein_cm! / k).toBeCloseTo(base.d2_wasserstein_cm!, 3);
      expect(Math.abs(r.penetration_volume_cm3! / k ** 3 - base.penetration_volume_cm3!) / base.penetration_volume_cm3!).toBeLessThan(0.01);
      expect(Math.abs(r.contact_ratio_pct! - base.contact_ratio_pct!)).toBeLessThan(0.1);
    }
  });

  it('are reproducible for a seed and change with it', () => {
    const again = computeGraspMetrics({ hand, object, reconstruction, params });
    expect(again.contact_ratio_pct).toBe(base.contact_ratio_pct);
    expect(again.d2_wasserstein_cm).toBe(base.d2_wasserstein_cm);
    const other = computeGraspMetrics({ hand, object, reconstruction, params: { ...params, seed: 7 } });
    expect(other.contact_ratio_pct).not.toBe(base.contact_ratio_pct);
  });
});
