import { describe, expect, it } from 'vitest';
import { meshBounds } from '../mesh/triMesh';
import { isClosedMesh } from '../mesh/meshTopology';
import { boxMesh, cylinderMesh, sphereMesh } from './primitiveMesh';

const size = (m: Parameters<typeof meshBounds>[0]) => {
  const b = meshBounds(m);
  return [0, 1, 2].map((k) => b.max[k] - b.min[k]);
};

describe('primitive meshes', () => {
  it('box is closed with the URDF size', () => {
    const m = boxMesh(0.01, 0.02, 0.03);
    expect(isClosedMesh(m)).toBe(true);
    expect(m.indices.length / 3).toBe(12);
    size(m).forEach((s, k) => expect(s).toBeCloseTo([0.01, 0.02, 0.03][k], 7));
  });

  it('cylinder runs along z (URDF convention) and is closed', () => {
    const m = cylinderMesh(0.007, 0.04);
    expect(isClosedMesh(m)).toBe(true);
    const [sx, sy, sz] = size(m);
    expect(sz).toBeCloseTo(0.04, 7);
    expect(sx).toBeCloseTo(0.014, 4);
    expect(sy).toBeLessThanOrEqual(0.014 + 1e-7);
  });

  it('sphere is closed with its vertices on the radius', () => {
    const m = sphereMesh(0.01);
    expect(isClosedMesh(m)).toBe(true);
    const p = m.positions;
    for (let i = 0; i < p.length; i += 3) expect(Math.hypot(p[i], p[i + 1], p[i + 2])).toBeCloseTo(0.01, 6);
  });
});
