import type { Mat4 } from '../math/types';
import type { TriMesh } from './triMesh';

/** Applies a column-major 4x4 affine matrix; a mirroring matrix flips winding to keep normals outward. */
export function transformMesh(mesh: TriMesh, m: Mat4): TriMesh {
  const p = mesh.positions;
  const out = new Float32Array(p.length);
  for (let i = 0; i < p.length; i += 3) {
    const x = p[i],
      y = p[i + 1],
      z = p[i + 2];
    out[i] = m[0] * x + m[4] * y + m[8] * z + m[12];
    out[i + 1] = m[1] * x + m[5] * y + m[9] * z + m[13];
    out[i + 2] = m[2] * x + m[6] * y + m[10] * z + m[14];
  }
  const det = m[0] * (m[5] * m[10] - m[9] * m[6]) - m[4] * (m[1] * m[10] - m[9] * m[2]) + m[8] * (m[1] * m[6] - m[5] * m[2]);
  const indices = det < 0 ? flipWinding(mesh.indices) : mesh.indices.slice();
  return { positions: out, indices };
}

export function flipWinding(indices: Uint32Array): Uint32Array {
  const out = indices.slice();
  for (let i = 0; i < out.length; i += 3) {
    out[i + 1] = indices[i + 2];
    out[i + 2] = indices[i + 1];
  }
  return out;
}
