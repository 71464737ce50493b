import { determinant, Matrix, SingularValueDecomposition } from 'ml-matrix';
import type { M4 } from '../math/mat4';

/**
 * The rigid transform (rotation, no scale) that best maps `from` onto `to` (both k x 3), as a
 * column-major 4x4. Kabsch via SVD of the cross-covariance; a reflection (det < 0, from noisy or
 * nearly planar points) is turned into the nearest proper rotation by flipping the last axis.
 */
export function kabsch(from: ArrayLike<number>, to: ArrayLike<number>): M4 {
  const k = from.length / 3;
  const ca = [0, 0, 0],
    cb = [0, 0, 0];
  for (let i = 0; i < k; i++)
    for (let d = 0; d < 3; d++) {
      ca[d] += from[3 * i + d] / k;
      cb[d] += to[3 * i + d] / k;
    }
  const h = Matrix.zeros(3, 3);
  for (let i = 0; i < k; i++) {
    for (let p = 0; p < 3; p++) {
      const a = from[3 * i + p] - ca[p];
      for (let q = 0; q < 3; q++) h.set(p, q, h.get(p, q) + a * (to[3 * i + q] - cb[q]));
    }
  }
  const svd = new SingularValueDecomposition(h, { autoTranspose: false });
  const u = svd.leftSingularVectors,
    v = svd.rightSingularVectors;
  const d = Math.sign(determinant(v.mmul(u.transpose()))) || 1;
  const r = v.mmul(Matrix.diag([1, 1, d])).mmul(u.transpose());
  const out = new Float64Array(16);
  for (let row = 0; row < 3; row++) for (let col = 0; col < 3; col++) out[4 * col + row] = r.get(row, col);
  for (let row = 0; row < 3; row++) out[12 + row] = cb[row] - (r.get(row, 0) * ca[0] + r.get(row, 1) * ca[1] + r.get(row, 2) * ca[2]);
  out[15] = 1;
  return out;
}

/** Applies a column-major rigid 4x4 to k x 3 points. */
export function transformPoints(m: ArrayLike<number>, pts: ArrayLike<number>, out = new Float64Array(pts.length)): Float64Array {
  for (let i = 0; i < pts.length; i += 3) {
    const x = pts[i],
      y = pts[i + 1],
      z = pts[i + 2];
    out[i] = m[0] * x + m[4] * y + m[8] * z + m[12];
    out[i + 1] = m[1] * x + m[5] * y + m[9] * z + m[13];
    out[i + 2] = m[2] * x + m[6] * y + m[10] * z + m[14];
  }
  return out;
}
