import { solveSpd } from '../math/solveSpd';
import { axisAngleRotation, type Similarity } from './similarity';

/**
 * One Gauss-Newton step of point-to-plane ICP with scale: the small similarity that best moves the
 * points `x` onto the planes through `y` with unit normals `n` (weighted least squares of
 * n·(step(x) − y), linearised about the weighted centroid of x). Unlike a point-to-point fit it
 * lets the points slide along the surface in one step, so a long object (a sword, tongs) does not
 * creep towards its fit over tens of rounds. Null when the planes do not fix all seven unknowns.
 */
export function fitPointToPlane(x: Float64Array, y: Float64Array, n: Float64Array, w: Float64Array): Similarity | null {
  const count = w.length;
  let W = 0,
    cx = 0,
    cy = 0,
    cz = 0;
  for (let i = 0; i < count; i++) {
    const wi = w[i];
    if (!wi) continue;
    W += wi;
    cx += wi * x[3 * i];
    cy += wi * x[3 * i + 1];
    cz += wi * x[3 * i + 2];
  }
  if (!(W > 0)) return null;
  cx /= W;
  cy /= W;
  cz /= W;
  // Unknowns: log-scale, rotation vector (3), translation (3), about the centroid.
  const A = new Float64Array(49),
    b = new Float64Array(7),
    J = new Float64Array(7);
  for (let i = 0; i < count; i++) {
    const wi = w[i];
    if (!wi) continue;
    const ax = x[3 * i] - cx,
      ay = x[3 * i + 1] - cy,
      az = x[3 * i + 2] - cz;
    const nx = n[3 * i],
      ny = n[3 * i + 1],
      nz = n[3 * i + 2];
    const r = nx * (x[3 * i] - y[3 * i]) + ny * (x[3 * i + 1] - y[3 * i + 1]) + nz * (x[3 * i + 2] - y[3 * i + 2]);
    J[0] = ax * nx + ay * ny + az * nz;
    J[1] = ay * nz - az * ny;
    J[2] = az * nx - ax * nz;
    J[3] = ax * ny - ay * nx;
    J[4] = nx;
    J[5] = ny;
    J[6] = nz;
    for (let p = 0; p < 7; p++) {
      b[p] -= wi * J[p] * r;
      for (let q = 0; q <= p; q++) A[7 * p + q] += wi * J[p] * J[q];
    }
  }
  for (let p = 0; p < 7; p++) for (let q = 0; q < p; q++) A[7 * q + p] = A[7 * p + q];
  // Damping (Levenberg) relative to each block's own scale: a direction the planes do not fix
  // (the axis of a glass) then stays put instead of taking a step of noise over nothing.
  const lam = 1e-3;
  const rot = (A[8] + A[16] + A[24]) / 3,
    tr = (A[32] + A[40] + A[48]) / 3;
  A[0] += lam * A[0];
  for (let p = 1; p < 4; p++) A[8 * p] += lam * rot;
  for (let p = 4; p < 7; p++) A[8 * p] += lam * tr;
  const d = solveSpd(A, b, 7);
  if (!d) return null;
  const s = Math.exp(d[0]);
  const angle = Math.hypot(d[1], d[2], d[3]);
  const R = angle > 0 ? axisAngleRotation([d[1] / angle, d[2] / angle, d[3] / angle], angle) : [1, 0, 0, 0, 1, 0, 0, 0, 1];
  // x -> s R (x - c) + c + tau
  const rc = [R[0] * cx + R[1] * cy + R[2] * cz, R[3] * cx + R[4] * cy + R[5] * cz, R[6] * cx + R[7] * cy + R[8] * cz];
  return { scale: s, rotation: R, translation: [cx + d[4] - s * rc[0], cy + d[5] - s * rc[1], cz + d[6] - s * rc[2]] };
}
