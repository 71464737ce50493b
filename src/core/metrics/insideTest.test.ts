import { describe, expect, it } from 'vitest';
import { prepareMesh } from './bvhCache';
import { insideByRayVotes } from './insideTest';
import { box, uvSphere } from './proceduralShapes';
import { makeMetricsRng } from './rng';
import type { TriMesh } from '../mesh/triMesh';

function withoutTriangles(mesh: TriMesh, drop: (t: number) => boolean): TriMesh {
  const keep: number[] = [];
  for (let t = 0; t < mesh.indices.length / 3; t++) if (!drop(t)) keep.push(mesh.indices[3 * t], mesh.indices[3 * t + 1], mesh.indices[3 * t + 2]);
  return { positions: mesh.positions, indices: Uint32Array.from(keep) };
}

function randomPoints(n: number, half: number, seed: number): number[][] {
  const rng = makeMetricsRng(seed);
  return Array.from({ length: n }, () => [(rng() * 2 - 1) * half, (rng() * 2 - 1) * half, (rng() * 2 - 1) * half]);
}

describe('inside test', () => {
  const sphere = uvSphere(1, 48, 24);
  const rInscribed = Math.cos(Math.PI / 24) ** 2; // safely inside the polygonal sphere

  it('classifies points of a closed sphere exactly, by field and by votes alike', () => {
    const p = prepareMesh(sphere, 1e9);
    const field = p.field(5);
    for (const [x, y, z] of randomPoints(3000, 1.3, 1)) {
      const r = Math.hypot(x, y, z);
      if (Math.abs(r - 1) < 0.01) continue;
      const truth = r < 1;
      expect(field.isInside(x, y, z)).toBe(truth);
      expect(insideByRayVotes(p.bvh, x, y, z, 5, p.eps)).toBe(truth);
    }
  });

  it('survives small holes (open meshes): the majority of rays still crosses the surface', () => {
    // Punch 3 holes of a few triangles each.
    const holed = withoutTriangles(sphere, (t) => t % 397 === 5 || t % 397 === 6);
    const p = prepareMesh(holed, 1e9);
    expect(p.mesh.indices.length).toBeLessThan(sphere.indices.length);
    const field = p.field(5);
    let wrong = 0,
      total = 0;
    for (const [x, y, z] of randomPoints(3000, 1.3, 2)) {
      const r = Math.hypot(x, y, z);
      if (r > rInscribed - 0.02 && r < 1.02) continue;
      total++;
      if (field.isInside(x, y, z) !== r < 1) wrong++;
    }
    expect(wrong / total).toBeLessThan(0.005);
  });

  it('treats a box with a missing face as mostly closed for points far from the opening', () => {
    const b = box([-1, -1, -1], [1, 1, 1], 4);
    const open = withoutTriangles(b, (t) => t < 32); // drop the z = -1 face
    const p = prepareMesh(open, 1e9);
    const field = p.field(5);
    // Deep inside near the closed top: most rays hit closed faces an odd number of times.
    expect(field.isInside(0, 0, 0.8)).toBe(true);
    expect(field.isInside(0, 0, 1.5)).toBe(false);
    expect(field.isInside(3, 0, 0)).toBe(false);
  });

  it('is unaffected by flipped or duplicated-at-edge triangles (parity ignores winding, hits at one distance count once)', () => {
    const flipped = { positions: sphere.positions, indices: sphere.indices.slice() };
    for (let t = 0; t < flipped.indices.length; t += 6) {
      const a = flipped.indices[t + 1];
      flipped.indices[t + 1] = flipped.indices[t + 2];
      flipped.indices[t + 2] = a;
    }
    const p = prepareMesh(flipped, 1e9);
    for (const [x, y, z] of randomPoints(500, 1.3, 3)) {
      const r = Math.hypot(x, y, z);
      if (Math.abs(r - 1) < 0.01) continue;
      expect(p.field(5).isInside(x, y, z)).toBe(r < 1);
    }
  });
});
