import { describe, expect, it } from 'vitest';
import { computeGraspMetrics } from './computeGraspMetrics';
import { box, handFromParts, translation, uvSphere } from './proceduralShapes';

const R = 0.05; // 5 cm sphere
const sphere = uvSphere(R, 256, 128);
// Largest gap between the polygonal sphere and the true sphere (flat-triangle sagitta).
const sagitta = R * (1 - Math.cos(Math.PI / 128)) * 2;

describe('penetration depth', () => {
  it('equals the push-in depth of a cube corner aimed at the sphere centre', () => {
    for (const depth of [0.004, 0.012]) {
      const u = 1 / Math.sqrt(3);
      const c = (R - depth) * u;
      // Cube [0,a]^3 whose corner sits at distance R - depth from the centre on the (1,1,1) diagonal,
      // body pointing away, so the corner is the deepest point.
      const hand = handFromParts([{ link: 'cube', mesh: box([0, 0, 0], [0.03, 0.03, 0.03], 4), matrix: translation(c, c, c) }]);
      const m = computeGraspMetrics({ hand, object: sphere, params: { samples: 0 } });
      expect(m.errors).toEqual([]);
      expect(m.penetration_depth_cm! / 100).toBeGreaterThan(depth - sagitta - 1e-6);
      expect(m.penetration_depth_cm! / 100).toBeLessThan(depth + 1e-6);
    }
  });

  it('is 0 when the hand is outside', () => {
    const hand = handFromParts([{ link: 'cube', mesh: box([0, 0, 0], [0.02, 0.02, 0.02]), matrix: translation(R + 0.001, 0, 0) }]);
    const m = computeGraspMetrics({ hand, object: sphere });
    expect(m.penetration_depth_cm).toBe(0);
    expect(m.penetration_volume_cm3).toBe(0);
  });
});

describe('penetration volume', () => {
  it('matches the spherical cap cut by a box at 1 mm pitch within 3%', () => {
    const h = 0.02;
    // Box covering everything of the sphere above z = R - h: the intersection is a cap of height h.
    const hand = handFromParts([{ link: 'box', mesh: box([-0.06, -0.06, R - h], [0.06, 0.06, R + 0.03]) }]);
    const m = computeGraspMetrics({ hand, object: sphere, params: { voxelMm: 1, samples: 0 } });
    const cap = (Math.PI * h * h * (3 * R - h)) / 3;
    expect(Math.abs(m.penetration_volume_cm3! / 1e6 - cap) / cap).toBeLessThan(0.03);
  });

  it('is coarser but close at the default 5 mm pitch, and scales the count by pitch^3', () => {
    const h = 0.02;
    const hand = handFromParts([{ link: 'box', mesh: box([-0.06, -0.06, R - h], [0.06, 0.06, R + 0.03]) }]);
    const m = computeGraspMetrics({ hand, object: sphere, params: { samples: 0 } });
    const cap = (Math.PI * h * h * (3 * R - h)) / 3;
    expect(Math.abs(m.penetration_volume_cm3! / 1e6 - cap) / cap).toBeLessThan(0.25);
    expect(Number.isInteger(Math.round((m.penetration_volume_cm3! / 1e6 / 0.005 ** 3) * 1e6) / 1e6)).toBe(true);
  });
});

describe('contact ratio', () => {
  const n = 20000;
  const sigma = (p: number) => Math.sqrt((p * (1 - p)) / n);
  it('equals (cap height + threshold) / diameter for a wide plate cutting the sphere', () => {
    for (const [h, contactMm] of [
      [0.03, 0],
      [0.03, 5],
      [0.012, 5],
    ] as const) {
      const hand = handFromParts([{ link: 'plate', mesh: box([-0.1, -0.1, R - h], [0.1, 0.1, R - h + 0.2]) }]);
      const m = computeGraspMetrics({ hand, object: sphere, params: { samples: n, contactMm } });
      const expected = (h + contactMm / 1000) / (2 * R);
      expect(Math.abs(m.contact_ratio_pct! / 100 - expected)).toBeLessThan(4 * sigma(expected) + 0.002);
    }
  });
});

describe('disjoint distance', () => {
  it('is the exact mean gap for box fingertips beside a box object', () => {
    const object = box([-0.02, -0.02, -0.02], [0.02, 0.02, 0.02]);
    const gaps = [0.001, 0.004, 0.0125];
    const hand = handFromParts(
      gaps.map((g, i) => ({ link: `tip${i}`, mesh: box([0, 0, 0], [0.01, 0.01, 0.01]), matrix: translation(0.02 + g, -0.015 + 0.012 * i, 0) })),
      gaps.map((_, i) => ({ name: `tip${i}`, geometryLink: `tip${i}` })),
    );
    const m = computeGraspMetrics({ hand, object });
    const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
    expect(m.disjoint_distance_cm! / 100).toBeCloseTo(mean, 6);
  });

  it('is the mean gap for sphere fingertips at known gaps, 0 for touching and penetrating ones', () => {
    const r = 0.008;
    const tip = uvSphere(r, 128, 64);
    const tipSagitta = r * (1 - Math.cos(Math.PI / 64)) * 2;
    const gaps = [0.002, 0.007, -0.003, -0.03]; // two apart, one penetrating, one fully inside
    const dirs: [number, number, number][] = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
      [-1, 0, 0],
    ];
    const hand = handFromParts(
      gaps.map((g, i) => {
        const d = R + r + g;
        return { link: `tip${i}`, mesh: tip, matrix: translation(dirs[i][0] * d, dirs[i][1] * d, dirs[i][2] * d) };
      }),
      gaps.map((_, i) => ({ name: `f${i}`, geometryLink: `tip${i}` })),
    );
    const m = computeGraspMetrics({ hand, object: sphere, overlay: true });
    const expected = (0.002 + 0.007 + 0 + 0) / 4;
    expect(Math.abs(m.disjoint_distance_cm! / 100 - expected)).toBeLessThan(sagitta + tipSagitta);
    const tips = m.overlay!.fingertips;
    expect(tips.map((t) => t.distance > 0)).toEqual([true, true, false, false]);
    expect(tips[0].distance).toBeCloseTo(0.002, 3);
  });
});

describe('object extents', () => {
  it('reports the scaled bounding box and its diagonal', () => {
    const object = box([-0.01, -0.02, -0.03], [0.01, 0.02, 0.03]);
    const hand = handFromParts([{ link: 'b', mesh: box([0, 0, 0], [0.01, 0.01, 0.01]), matrix: translation(0.1, 0, 0) }]);
    const m = computeGraspMetrics({ hand, object, objectScale: 2 });
    expect(m.object_extents_cm![0]).toBeCloseTo(4, 5);
    expect(m.object_extents_cm![1]).toBeCloseTo(8, 5);
    expect(m.object_extents_cm![2]).toBeCloseTo(12, 5);
    expect(m.object_diagonal_cm).toBeCloseTo(Math.hypot(4, 8, 12), 5);
  });
});

describe('D2 Wasserstein', () => {
  const hand = handFromParts([{ link: 'b', mesh: box([0, 0, 0], [0.01, 0.01, 0.01]), matrix: translation(0.2, 0, 0) }]);
  it('is 4|r1 - r2|/3 between two spheres', () => {
    for (const [r1, r2] of [
      [0.05, 0.03],
      [0.04, 0.045],
    ]) {
      const m = computeGraspMetrics({ hand, object: uvSphere(r1, 128, 64), reconstruction: uvSphere(r2, 96, 48), params: { d2Pairs: 200_000 } });
      const expected = (4 * Math.abs(r1 - r2)) / 3;
      expect(Math.abs(m.d2_wasserstein_cm! / 100 - expected)).toBeLessThan(0.02 * expected + 0.0003);
    }
  });

  it('is empty without a reconstruction', () => {
    const m = computeGraspMetrics({ hand, object: sphere });
    expect(m.d2_wasserstein_cm).toBeNull();
    expect(m.errors).toEqual([]);
    expect(m.warnings).toEqual(['the hand defines no fingertips; disjoint_distance is empty']);
  });
});
