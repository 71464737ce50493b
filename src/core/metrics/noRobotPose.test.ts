import { expect, it } from 'vitest';
import { computeGraspMetrics } from './computeGraspMetrics';
import { uvSphere } from './proceduralShapes';

it('measures only the object for a grasp without a robot pose', () => {
  const r = computeGraspMetrics({ hand: null, object: uvSphere(0.05, 48, 24), reconstruction: uvSphere(0.04, 48, 24) });
  expect(r.penetration_depth_cm).toBeNull();
  expect(r.contact_ratio_pct).toBeNull();
  expect(r.disjoint_distance_cm).toBeNull();
  expect(r.object_diagonal_cm).toBeCloseTo(Math.sqrt(3) * 10, 1);
  // Two spheres: D2 Wasserstein-1 = 4|r1 - r2| / 3.
  expect(r.d2_wasserstein_cm).toBeCloseTo((4 * 1) / 3, 1);
  expect(r.errors).toEqual([]);
  expect(r.error).toMatch(/warning: no robot pose/);
});
