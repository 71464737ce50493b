import { triangleCross } from '../../math/triangle';
import type { TriMesh } from '../../mesh/triMesh';

/** Area-weighted vertex normals (unit length; zero for isolated vertices). */
export function vertexNormals(mesh: TriMesh): Float32Array {
  const p = mesh.positions,
    idx = mesh.indices;
  const n = new Float32Array(p.length);
  const f = new Float64Array(3);
  for (let t = 0; t < idx.length; t += 3) {
    const a = 3 * idx[t],
      b = 3 * idx[t + 1],
      c = 3 * idx[t + 2];
    // Unnormalised (2 * area * unit normal): larger faces weigh more.
    triangleCross(p, a, b, c, f);
    for (const o of [a, b, c]) {
      n[o] += f[0];
      n[o + 1] += f[1];
      n[o + 2] += f[2];
    }
  }
  for (let i = 0; i < n.length; i += 3) {
    const l = Math.hypot(n[i], n[i + 1], n[i + 2]);
    if (l > 0) {
      n[i] /= l;
      n[i + 1] /= l;
      n[i + 2] /= l;
    }
  }
  return n;
}
