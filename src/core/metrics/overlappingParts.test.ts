import { describe, expect, it } from 'vitest';
import { mergeMeshes } from '../mesh/mergeMeshes';
import { prepareMesh } from './bvhCache';
import { computeGraspMetrics } from './computeGraspMetrics';
import { d2Distances } from './d2Shape';
import { box, handFromParts, translation, uvSphere } from './proceduralShapes';
import { makeMetricsRng } from './rng';

// Two closed boxes that overlap: A = [-3, 0.5] x [-2, 2]^2 cm and B = [-0.5, 3] x [-2, 2]^2 cm.
// Their union is the bar [-3, 3] x [-2, 2]^2 cm; the overlap is |x| <= 0.5 cm, and each box has
// a wall buried inside the other (A's at x = 0.5 cm, B's at x = -0.5 cm).
const A = box([-0.03, -0.02, -0.02], [0.005, 0.02, 0.02], 4);
const B = box([-0.005, -0.02, -0.02], [0.03, 0.02, 0.02], 4);
const bar = mergeMeshes([A, B]);

/** Distance from a point to the boundary of the union bar (for points inside it). */
const depthInBar = (x: number, y: number, z: number) => Math.min(0.03 - Math.abs(x), 0.02 - Math.abs(y), 0.02 - Math.abs(z));

describe('an object made of overlapping closed parts is their union', () => {
  it('finds two components and calls points in the overlap inside', () => {
    const p = prepareMesh(bar, 1e9);
    expect(p.components.count).toBe(2);
    const field = p.field(5);
    const rng = makeMetricsRng(3);
    for (let i = 0; i < 300; i++) {
      // in the overlap, off the walls by at least 0.1 mm
      const x = (rng() * 2 - 1) * 0.0049,
        y = (rng() * 2 - 1) * 0.0199,
        z = (rng() * 2 - 1) * 0.0199;
      expect(field.isInside(x, y, z)).toBe(true);
      expect(p.voter.isInside(x, y, z, 5)).toBe(true);
    }
    for (const [x, y, z] of [
      [0, 0, 0.021],
      [0.031, 0, 0],
      [0, -0.025, 0],
      [-0.0301, 0.01, 0.01],
    ])
      expect(field.isInside(x, y, z)).toBe(false);
    // in one part only
    expect(field.isInside(-0.02, 0, 0)).toBe(true);
    expect(field.isInside(0.02, 0.01, -0.01)).toBe(true);
  });

  it('asks one component alone when told to (a point in one box is inside that component only)', () => {
    const p = prepareMesh(bar, 1e9);
    const inA = [0, 1].map((c) => p.voter.isInsideComponent(-0.02, 0, 0, 5, c));
    const inB = [0, 1].map((c) => p.voter.isInsideComponent(0.02, 0.01, -0.01, 5, c));
    expect(inA.filter(Boolean)).toHaveLength(1);
    expect(inB.filter(Boolean)).toHaveLength(1);
    expect(inA).not.toEqual(inB);
    expect([0, 1].map((c) => p.voter.isInsideComponent(0, 0, 0, 5, c))).toEqual([true, true]);
  });

  it('measures penetration depth to the outer boundary, not to a buried wall', () => {
    // A 2 mm cube at the centre: its 8 vertices are 1 mm off the axis, so 20 - 1 = 19 mm from the
    // nearest outer faces (y, z = +-2 cm); the buried walls at x = +-5 mm would give 4 mm.
    const hand = handFromParts([{ link: 'c', mesh: box([-0.001, -0.001, -0.001], [0.001, 0.001, 0.001]) }]);
    const r = computeGraspMetrics({ hand, object: bar, params: { samples: 0 } });
    expect(r.errors).toEqual([]);
    expect(r.penetration_depth_cm).toBeCloseTo(1.9, 5);
    // Off centre, inside part B only near the buried wall of A: depth is to the outer faces too.
    const off = handFromParts([{ link: 'c', mesh: box([-0.001, -0.001, -0.001], [0.001, 0.001, 0.001]), matrix: translation(0.007, 0.012, 0) }]);
    const r2 = computeGraspMetrics({ hand: off, object: bar, params: { samples: 0 } });
    // deepest vertex: (0.006, 0.011, +-0.001): min(3 - 0.6, 2 - 1.1, 2 - 0.1) cm = 0.9 cm
    expect(r2.penetration_depth_cm).toBeCloseTo(depthInBar(0.006, 0.011, 0.001) * 100, 5);
    expect(r2.penetration_depth_cm).toBeCloseTo(0.9, 5);
  });

  it('counts the penetration volume of a hand part that sits in the overlap', () => {
    // An 8 mm cube centred at the origin lies wholly in the overlap (|x| <= 5 mm). At 1 mm pitch
    // the lattice centres (k + 1/2) mm inside it are 8 per axis: 512 mm^3 = 0.512 cm^3.
    const hand = handFromParts([{ link: 'c', mesh: box([-0.004, -0.004, -0.004], [0.004, 0.004, 0.004], 2) }]);
    const r = computeGraspMetrics({ hand, object: bar, params: { samples: 0, voxelMm: 1 } });
    expect(r.errors).toEqual([]);
    expect(r.penetration_volume_cm3).toBeCloseTo(0.512, 9);
  });

  it('samples contact and D2 points on the outer boundary only, each part of it once', () => {
    const p = prepareMesh(bar, 1e9);
    const surface = p.surface(5);
    // Outer area of the 6 x 4 x 4 cm bar: 2 * (6*4 + 6*4 + 4*4) = 128 cm^2. The strips where the
    // two boxes' side faces coincide (|x| <= 0.5 cm) are counted once; the buried walls not at all.
    // Pieces along the lines where the parts meet are classified whole (1/8 of a 1 cm triangle at
    // most): within 1 %. Counting the strips twice would give 144 cm^2, keeping buried walls 160.
    expect(Math.abs(surface.sampler.totalArea - 0.0128)).toBeLessThan(0.0128e-2);
    const pts = surface.sampler.sample(4000, makeMetricsRng(1));
    for (let i = 0; i < pts.length; i += 3) expect(depthInBar(pts[i], pts[i + 1], pts[i + 2])).toBeLessThan(1e-7);
    // The same samples feed the contact ratio: a hand plate covering the x = 3 cm end face
    // touches exactly that face's share of the area, 16 / 128 = 12.5 %.
    const hand = handFromParts([{ link: 'end', mesh: box([0.031, -0.03, -0.03], [0.032, 0.03, 0.03]) }]);
    const r = computeGraspMetrics({ hand, object: bar, params: { samples: 20000, contactMm: 1.5 } });
    expect(r.contact_ratio_pct!).toBeGreaterThan(12.5 - 0.8);
    expect(r.contact_ratio_pct!).toBeLessThan(12.5 + 0.8);
    // D2 of the union equals D2 of the single closed bar (sampling error only).
    const single = prepareMesh(box([-0.03, -0.02, -0.02], [0.03, 0.02, 0.02], 4), 1e9);
    const mean = (d: Float64Array) => d.reduce((s, v) => s + v, 0) / d.length;
    const dUnion = d2Distances(surface.sampler, 40000, makeMetricsRng(5));
    const dSingle = d2Distances(single.surface(5).sampler, 40000, makeMetricsRng(6));
    expect(Math.abs(mean(dUnion) - mean(dSingle))).toBeLessThan(0.0005);
  });

  it('overlapping spheres: inside the lens between them, and a single closed mesh is unchanged', () => {
    // Spheres of radius 2 cm centred at x = +-1.5 cm overlap in a lens |x| < 0.5 cm.
    const two = mergeMeshes([uvSphere(0.02, 64, 32, [-0.015, 0, 0]), uvSphere(0.02, 64, 32, [0.015, 0, 0])]);
    const p = prepareMesh(two, 1e9);
    expect(p.components.count).toBe(2);
    expect(p.field(5).isInside(0, 0, 0)).toBe(true);
    expect(p.field(5).isInside(0, 0, 0.0125)).toBe(true);
    expect(p.field(5).isInside(0, 0, 0.0135)).toBe(false);
    // Origin: sqrt(0.02^2 - 0.015^2) = 1.323 cm to the rim circle where the spheres meet; the
    // buried caps are only 0.5 cm away.
    const hand = handFromParts([{ link: 'c', mesh: box([-0.0005, -0.0005, -0.0005], [0.0005, 0.0005, 0.0005]) }]);
    const r = computeGraspMetrics({ hand, object: two, params: { samples: 0 } });
    const rim = Math.sqrt(0.02 ** 2 - 0.015 ** 2);
    expect(r.penetration_depth_cm! / 100).toBeGreaterThan(rim - 0.001);
    expect(r.penetration_depth_cm! / 100).toBeLessThan(rim);
    const one = prepareMesh(uvSphere(0.02, 32, 16), 1e9);
    expect(one.surface(5).mesh).toBe(one.mesh);
  });
});
