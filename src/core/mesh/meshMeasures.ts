import { triangleArea } from '../math/triangle';
import type { TriMesh } from './triMesh';

/**
 * Signed volume by the divergence theorem (sum of origin-tetrahedra). Positive for a closed
 * mesh with outward (counter-clockwise seen from outside) winding; meaningless for open meshes.
 */
export function meshVolume(mesh: TriMesh): number {
  const p = mesh.positions,
    idx = mesh.indices;
  let v = 0;
  for (let t = 0; t < idx.length; t += 3) {
    const a = 3 * idx[t],
      b = 3 * idx[t + 1],
      c = 3 * idx[t + 2];
    const ax = p[a],
      ay = p[a + 1],
      az = p[a + 2];
    const bx = p[b],
      by = p[b + 1],
      bz = p[b + 2];
    const cx = p[c],
      cy = p[c + 1],
      cz = p[c + 2];
    v += ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx);
  }
  return v / 6;
}

export function meshArea(mesh: TriMesh): number {
  const p = mesh.positions,
    idx = mesh.indices;
  let area = 0;
  for (let t = 0; t < idx.length; t += 3) {
    const a = 3 * idx[t],
      b = 3 * idx[t + 1],
      c = 3 * idx[t + 2];
    area += triangleArea(p, a, b, c);
  }
  return area;
}
