import { describe, expect, it } from 'vitest';
import { makeRng } from '../rng';
import { makeObject } from '../sample/objects';
import { SurfacePointIndex } from './surfacePointIndex';

describe('SurfacePointIndex', () => {
  const mesh = makeObject('mug').mesh;
  const index = new SurfacePointIndex(mesh, 2000, 3);
  const P = index.points;
  const bruteNearest = (x: number, y: number, z: number) => {
    let best = -1,
      bestD = Infinity;
    for (let i = 0; i < P.length / 3; i++) {
      const d = (P[3 * i] - x) ** 2 + (P[3 * i + 1] - y) ** 2 + (P[3 * i + 2] - z) ** 2;
      if (d < bestD) [best, bestD] = [i, d];
    }
    return best;
  };
  const rng = makeRng(5);
  // Near the surface, as ICP asks, and anywhere around it.
  const near = Array.from({ length: 200 }, () => {
    const i = rng.int(P.length / 3);
    return [P[3 * i] + 0.003 * rng.gaussian(), P[3 * i + 1] + 0.003 * rng.gaussian(), P[3 * i + 2] + 0.003 * rng.gaussian()] as const;
  });
  const queries = [...near, ...Array.from({ length: 100 }, () => [rng.range(-0.08, 0.08), rng.range(-0.08, 0.08), rng.range(-0.02, 0.14)] as const)];

  it('finds the exact nearest sample', () => {
    for (const [x, y, z] of queries) expect(index.nearest(x, y, z)).toBe(bruteNearest(x, y, z));
  });

  it('gives the distance to the nearest sample tangent plane, and that plane normal', () => {
    const out = new Float64Array(3),
      n = new Float64Array(3);
    for (const [x, y, z] of near) {
      const i = bruteNearest(x, y, z);
      const d = index.closest(x, y, z, out, 0);
      index.lastNormal(n, 0);
      expect(Array.from(n)).toEqual(Array.from(index.normals.subarray(3 * i, 3 * i + 3)));
      // The foot is on the sample's plane, and the distance is to the foot.
      expect((out[0] - P[3 * i]) * n[0] + (out[1] - P[3 * i + 1]) * n[1] + (out[2] - P[3 * i + 2]) * n[2]).toBeCloseTo(0, 12);
      expect(Math.hypot(x - out[0], y - out[1], z - out[2])).toBeCloseTo(d, 12);
    }
    expect(index.visits).toBeGreaterThan(0);
  });

  it('projects on the nearest sample tangent plane', () => {
    const out = new Float64Array(3);
    const i = 17;
    const [px, py, pz] = P.subarray(3 * i, 3 * i + 3);
    const [nx, ny, nz] = index.normals.subarray(3 * i, 3 * i + 3);
    // Just off the surface along the normal: the foot is the sample itself, the distance the offset.
    const d = index.closest(px + 1e-4 * nx, py + 1e-4 * ny, pz + 1e-4 * nz, out, 0);
    expect(d).toBeCloseTo(1e-4, 9);
    expect(Math.hypot(out[0] - px, out[1] - py, out[2] - pz)).toBeLessThan(1e-9);
  });
});
