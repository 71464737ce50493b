import type { TriMesh } from '../mesh/triMesh';
import { makeRng } from '../rng';
import { triangleArea } from '../math/triangle';

/** Area of triangle t (m²). */
function meshTriangleArea(mesh: TriMesh, t: number): number {
  const idx = mesh.indices;
  return triangleArea(mesh.positions, 3 * idx[3 * t], 3 * idx[3 * t + 1], 3 * idx[3 * t + 2]);
}

/** `n` area-weighted, seeded points on the selected triangles (mesh frame, meters); AffordDex uses 100. */
export function sampleRegion(mesh: TriMesh, selected: Uint8Array, n = 100, seed = 0): [number, number, number][] {
  const tris: number[] = [];
  const cum: number[] = [];
  let total = 0;
  for (let t = 0; t < selected.length; t++)
    if (selected[t]) {
      const a = meshTriangleArea(mesh, t);
      if (a <= 0) continue;
      total += a;
      tris.push(t);
      cum.push(total);
    }
  if (tris.length === 0) return [];
  const rng = makeRng(seed);
  const p = mesh.positions,
    idx = mesh.indices;
  const out: [number, number, number][] = [];
  for (let k = 0; k < n; k++) {
    const r = rng.next() * total;
    let lo = 0,
      hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    const t = tris[lo];
    let u = rng.next(),
      v = rng.next();
    if (u + v > 1) {
      u = 1 - u;
      v = 1 - v;
    }
    const a = 3 * idx[3 * t],
      b = 3 * idx[3 * t + 1],
      c = 3 * idx[3 * t + 2];
    out.push([0, 1, 2].map((d) => p[a + d] + u * (p[b + d] - p[a + d]) + v * (p[c + d] - p[a + d])) as [number, number, number]);
  }
  return out;
}

/** Area-weighted IoU of a triangle selection against the true negative triangles. */
export function regionIoU(mesh: TriMesh, selected: Uint8Array, truth: Uint8Array): number {
  let inter = 0,
    union = 0;
  for (let t = 0; t < selected.length; t++) {
    if (!selected[t] && !truth[t]) continue;
    const a = meshTriangleArea(mesh, t);
    union += a;
    if (selected[t] && truth[t]) inter += a;
  }
  return union === 0 ? 0 : inter / union;
}
