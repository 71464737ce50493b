import { describe, expect, it } from 'vitest';
import { computeGraspMetrics } from './computeGraspMetrics';
import { box, handFromParts, translation, uvSphere } from './proceduralShapes';
import type { Mat4 } from '../hands/types';

const object = uvSphere(0.04, 48, 24);
const goodHand = () =>
  handFromParts(
    [
      { link: 'palm', mesh: box([-0.02, -0.02, 0], [0.02, 0.02, 0.01]), matrix: translation(0, 0, 0.035) },
      { link: 'tip', mesh: uvSphere(0.008, 16, 8), matrix: translation(0.05, 0, 0) },
    ],
    [{ name: 'ff', geometryLink: 'tip' }],
  );

describe('bad input never throws and explains itself', () => {
  it('NaN object vertices: affected triangles dropped with a warning, metrics still computed', () => {
    const bad = { positions: object.positions.slice(), indices: object.indices };
    bad.positions[30] = NaN;
    const m = computeGraspMetrics({ hand: goodHand(), object: bad });
    expect(m.errors).toEqual([]);
    expect(m.error).toMatch(/warning: object mesh: dropped \d+ triangles touching 1 non-finite/);
    expect(m.penetration_depth_cm).not.toBeNull();
    expect(m.object_diagonal_cm).toBeCloseTo(8 * Math.sqrt(3), 1);
  });

  it('an all-NaN object mesh: a clear error and empty metrics', () => {
    const bad = { positions: new Float32Array(object.positions.length).fill(NaN), indices: object.indices };
    const m = computeGraspMetrics({ hand: goodHand(), object: bad });
    expect(m.error).toMatch(/^object mesh has no usable triangles/);
    expect(m.penetration_depth_cm).toBeNull();
    expect(m.contact_ratio_pct).toBeNull();
  });

  it('an empty object mesh', () => {
    const m = computeGraspMetrics({ hand: goodHand(), object: { positions: new Float32Array(0), indices: new Uint32Array(0) } });
    expect(m.error).toBe('object mesh is empty (no triangles)');
    expect(m.object_diagonal_cm).toBeNull();
  });

  it('degenerate triangles are dropped with a warning and do not change the result', () => {
    const clean = computeGraspMetrics({ hand: goodHand(), object });
    const n = object.indices.length;
    const idx = new Uint32Array(n + 9);
    idx.set(object.indices);
    idx.set([0, 0, 1, 5, 5, 5, 2, 3, 2], n);
    const m = computeGraspMetrics({ hand: goodHand(), object: { positions: object.positions, indices: idx } });
    expect(m.error).toBe('warning: object mesh: dropped 3 degenerate (zero-area) triangles');
    expect(m.penetration_depth_cm).toBe(clean.penetration_depth_cm);
    expect(m.contact_ratio_pct).toBe(clean.contact_ratio_pct);
  });

  it('meshes over the triangle limit are refused with an error', () => {
    const m = computeGraspMetrics({ hand: goodHand(), object, params: { maxTriangles: 1000 } });
    expect(m.error).toMatch(/object mesh has 2,208 triangles, above the limit of 1,000/);
    expect(m.penetration_depth_cm).toBeNull();
  });

  it('unknown fingertip links: warning, the other fingertips still count', () => {
    const hand = goodHand();
    hand.fingertips.push({ name: 'ghost', geometryLink: 'no_such_link', position: [0, 0, 0] });
    const m = computeGraspMetrics({ hand, object });
    expect(m.error).toContain('warning: fingertip "ghost": link "no_such_link" has no usable geometry');
    expect(m.disjoint_distance_cm).toBeCloseTo(0.2, 1);
  });

  it('a NaN link pose leaves that link out with a warning', () => {
    const hand = goodHand();
    hand.parts[1].matrix = [NaN, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1] as unknown as Mat4;
    const m = computeGraspMetrics({ hand, object });
    expect(m.error).toContain('hand link "tip": pose matrix is not finite');
    expect(m.error).toContain('fingertip "ff": link "tip" has no usable geometry');
    expect(m.penetration_depth_cm).not.toBeNull();
    expect(m.disjoint_distance_cm).toBeNull();
  });

  it('a hand without any usable geometry is an error', () => {
    const hand = handFromParts([{ link: 'x', mesh: { positions: new Float32Array(9), indices: new Uint32Array([0, 1, 2]) } }]);
    const m = computeGraspMetrics({ hand, object });
    expect(m.error).toMatch(/the posed hand has no usable geometry \(hand link "x" mesh has no usable triangles/);
    expect(m.object_diagonal_cm).not.toBeNull();
  });

  it('a broken reconstruction empties only d2_wasserstein', () => {
    const m = computeGraspMetrics({ hand: goodHand(), object, reconstruction: { positions: new Float32Array(0), indices: new Uint32Array(0) } });
    expect(m.error).toBe('d2_wasserstein: reconstruction mesh is empty (no triangles)');
    expect(m.d2_wasserstein_cm).toBeNull();
    expect(m.contact_ratio_pct).not.toBeNull();
  });

  it('invalid parameters and scales are reported, not thrown', () => {
    expect(computeGraspMetrics({ hand: goodHand(), object, params: { insideRays: 4 } }).error).toMatch(/insideRays must be odd/);
    expect(computeGraspMetrics({ hand: goodHand(), object, objectScale: NaN }).error).toMatch(/objectScale must be a positive number/);
    expect(computeGraspMetrics({ hand: goodHand(), object, params: { voxelMm: 0.05 } }).error).toMatch(/penetration_volume: .* exceed the limit/);
  });
});
