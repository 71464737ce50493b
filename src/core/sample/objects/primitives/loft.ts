import { meshVolume } from '../../../mesh/meshMeasures';
import { flipWinding } from '../../../mesh/transformMesh';
import type { TriMesh } from '../../../mesh/triMesh';

export type Vec3 = [number, number, number];

/** Flips the winding of a closed mesh whose signed volume came out negative. */
export function orientOutward(mesh: TriMesh): TriMesh {
  return meshVolume(mesh) < 0 ? { positions: mesh.positions, indices: flipWinding(mesh.indices) } : mesh;
}

/**
 * Closed surface through a sequence of rings. Every ring has the same point count, except that
 * the first and last may be a single point (a pole); an end ring with more points is capped by
 * a fan to its centroid, so rings should be convex-ish. Output is oriented outward.
 */
export function loft(rings: Vec3[][]): TriMesh {
  if (rings.length < 2) throw new Error('loft needs at least two rings');
  const n = Math.max(...rings.map((r) => r.length));
  rings.forEach((r, i) => {
    const endOk = (i === 0 || i === rings.length - 1) && r.length === 1;
    if (r.length !== n && !endOk) throw new Error(`loft ring ${i} has ${r.length} points, expected ${n}`);
  });
  const pos: number[] = [];
  const idx: number[] = [];
  const starts: number[] = [];
  for (const ring of rings) {
    starts.push(pos.length / 3);
    for (const p of ring) pos.push(p[0], p[1], p[2]);
  }
  for (let i = 0; i + 1 < rings.length; i++) {
    const a0 = starts[i],
      b0 = starts[i + 1];
    const aPole = rings[i].length === 1,
      bPole = rings[i + 1].length === 1;
    for (let j = 0; j < n; j++) {
      const j1 = (j + 1) % n;
      if (aPole) idx.push(a0, b0 + j1, b0 + j);
      else if (bPole) idx.push(a0 + j, a0 + j1, b0);
      else idx.push(a0 + j, a0 + j1, b0 + j1, a0 + j, b0 + j1, b0 + j);
    }
  }
  const cap = (ringIndex: number, reverse: boolean) => {
    const ring = rings[ringIndex];
    if (ring.length === 1) return;
    const c = [0, 0, 0];
    for (const p of ring) for (let k = 0; k < 3; k++) c[k] += p[k] / ring.length;
    const ci = pos.length / 3;
    pos.push(c[0], c[1], c[2]);
    const s = starts[ringIndex];
    for (let j = 0; j < n; j++) {
      const j1 = (j + 1) % n;
      if (reverse) idx.push(ci, s + j1, s + j);
      else idx.push(ci, s + j, s + j1);
    }
  };
  cap(0, true);
  cap(rings.length - 1, false);
  return orientOutward({ positions: new Float32Array(pos), indices: new Uint32Array(idx) });
}
