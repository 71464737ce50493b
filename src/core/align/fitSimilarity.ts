import type { Vec3 } from '../hands/types';
import type { Similarity } from './similarity';

/** Eigen-decomposition of a small symmetric matrix (row-major n x n) by cyclic Jacobi rotations. */
export function symmetricEigen(a: number[], n: number): { values: number[]; vectors: number[][] } {
  const m = a.slice();
  const v: number[] = Array.from({ length: n * n }, (_, i) => (i % (n + 1) === 0 ? 1 : 0));
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += Math.abs(m[p * n + q]);
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q];
        if (Math.abs(apq) < 1e-30) continue;
        const theta = (m[q * n + q] - m[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1),
          s = t * c;
        for (let k = 0; k < n; k++) {
          const kp = m[k * n + p],
            kq = m[k * n + q];
          m[k * n + p] = c * kp - s * kq;
          m[k * n + q] = s * kp + c * kq;
        }
        for (let k = 0; k < n; k++) {
          const pk = m[p * n + k],
            qk = m[q * n + k];
          m[p * n + k] = c * pk - s * qk;
          m[q * n + k] = s * pk + c * qk;
        }
        for (let k = 0; k < n; k++) {
          const kp = v[k * n + p],
            kq = v[k * n + q];
          v[k * n + p] = c * kp - s * kq;
          v[k * n + q] = s * kp + c * kq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => m[j * n + j] - m[i * n + i]);
  return { values: order.map((i) => m[i * n + i]), vectors: order.map((i) => Array.from({ length: n }, (_, k) => v[k * n + i])) };
}

/**
 * The similarity that best maps points `x` onto `y` (least squares, weighted): rotation by Horn's
 * quaternion method (largest eigenvector of his 4x4 matrix, always a proper rotation), scale by
 * Horn's symmetric formula (ratio of spreads about the centroids, which does not shrink towards a
 * point the way the one-sided Umeyama scale can when correspondences are closest points).
 * `fixedScale` keeps the scale (a rigid fit).
 */
export function fitSimilarity(x: Float64Array, y: Float64Array, w: Float64Array | null, fixedScale?: number): Similarity {
  const n = x.length / 3;
  let W = 0;
  const cx: Vec3 = [0, 0, 0],
    cy: Vec3 = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i] : 1;
    W += wi;
    for (let k = 0; k < 3; k++) {
      cx[k] += wi * x[3 * i + k];
      cy[k] += wi * y[3 * i + k];
    }
  }
  if (!(W > 0)) throw new Error('fitSimilarity: no weighted correspondences');
  for (let k = 0; k < 3; k++) {
    cx[k] /= W;
    cy[k] /= W;
  }
  const S = new Array(9).fill(0);
  let sx = 0,
    sy = 0;
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i] : 1;
    if (wi === 0) continue;
    const a = [x[3 * i] - cx[0], x[3 * i + 1] - cx[1], x[3 * i + 2] - cx[2]];
    const b = [y[3 * i] - cy[0], y[3 * i + 1] - cy[1], y[3 * i + 2] - cy[2]];
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) S[3 * r + c] += wi * a[r] * b[c];
    sx += wi * (a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
    sy += wi * (b[0] * b[0] + b[1] * b[1] + b[2] * b[2]);
  }
  const [Sxx, Sxy, Sxz, Syx, Syy, Syz, Szx, Szy, Szz] = S;
  const N = [
    Sxx + Syy + Szz,
    Syz - Szy,
    Szx - Sxz,
    Sxy - Syx,
    Syz - Szy,
    Sxx - Syy - Szz,
    Sxy + Syx,
    Szx + Sxz,
    Szx - Sxz,
    Sxy + Syx,
    -Sxx + Syy - Szz,
    Syz + Szy,
    Sxy - Syx,
    Szx + Sxz,
    Syz + Szy,
    -Sxx - Syy + Szz,
  ];
  const [q0, q1, q2, q3] = symmetricEigen(N, 4).vectors[0];
  const R = [
    q0 * q0 + q1 * q1 - q2 * q2 - q3 * q3,
    2 * (q1 * q2 - q0 * q3),
    2 * (q1 * q3 + q0 * q2),
    2 * (q2 * q1 + q0 * q3),
    q0 * q0 - q1 * q1 + q2 * q2 - q3 * q3,
    2 * (q2 * q3 - q0 * q1),
    2 * (q3 * q1 - q0 * q2),
    2 * (q3 * q2 + q0 * q1),
    q0 * q0 - q1 * q1 - q2 * q2 + q3 * q3,
  ];
  const scale = fixedScale ?? (sx > 0 ? Math.sqrt(sy / sx) : 1);
  const t: Vec3 = [0, 0, 0];
  for (let r = 0; r < 3; r++) t[r] = cy[r] - scale * (R[3 * r] * cx[0] + R[3 * r + 1] * cx[1] + R[3 * r + 2] * cx[2]);
  return { scale, rotation: R, translation: t };
}
