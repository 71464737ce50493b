import type { Mat4 } from '../math/types';
import { dot } from '../math/vec3';

/**
 * world = R * local + t with R a rotation (row-major r[0..8]) and t = r[9..11]. Hand part matrices
 * are rigid * diag(scale) (URDF origin times mesh scale); splitting off the scale lets each link
 * mesh be prepared once with its scale baked in, after which per-grasp poses are rigid and
 * distances computed in a part's frame are true distances.
 */
export type RigidPose = Float64Array;

export interface SplitMatrix {
  pose: RigidPose;
  scale: [number, number, number];
}

/** Splits a column-major affine matrix into rigid pose and per-axis scale; null if it shears or is singular. */
export function splitMatrix(m: Mat4): SplitMatrix | null {
  for (let i = 0; i < 16; i++) if (!Number.isFinite(m[i])) return null;
  if (Math.abs(m[3]) > 1e-9 || Math.abs(m[7]) > 1e-9 || Math.abs(m[11]) > 1e-9 || Math.abs(m[15] - 1) > 1e-9) return null;
  const cols = [
    [m[0], m[1], m[2]],
    [m[4], m[5], m[6]],
    [m[8], m[9], m[10]],
  ];
  const s = cols.map((c) => Math.hypot(c[0], c[1], c[2])) as [number, number, number];
  if (s.some((v) => v < 1e-12)) return null;
  const u = cols.map((c, i) => c.map((x) => x / s[i]));
  if (Math.abs(dot(u[0], u[1])) > 1e-5 || Math.abs(dot(u[0], u[2])) > 1e-5 || Math.abs(dot(u[1], u[2])) > 1e-5) return null;
  const det = u[0][0] * (u[1][1] * u[2][2] - u[1][2] * u[2][1]) - u[1][0] * (u[0][1] * u[2][2] - u[0][2] * u[2][1]) + u[2][0] * (u[0][1] * u[1][2] - u[0][2] * u[1][1]);
  // A mirror goes into the scale so that R stays a proper rotation.
  if (det < 0) {
    s[0] = -s[0];
    u[0] = u[0].map((x) => -x);
  }
  const pose = new Float64Array(12);
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) pose[3 * r + c] = u[c][r];
  pose[9] = m[12];
  pose[10] = m[13];
  pose[11] = m[14];
  // Round scale so float noise in the kinematic chain does not defeat the per-scale mesh cache.
  return { pose, scale: s.map((v) => Number(v.toPrecision(5))) as [number, number, number] };
}

export function applyPose(p: RigidPose, x: number, y: number, z: number, out: Float64Array, o = 0): void {
  out[o] = p[0] * x + p[1] * y + p[2] * z + p[9];
  out[o + 1] = p[3] * x + p[4] * y + p[5] * z + p[10];
  out[o + 2] = p[6] * x + p[7] * y + p[8] * z + p[11];
}

export function applyInversePose(p: RigidPose, x: number, y: number, z: number, out: Float64Array, o = 0): void {
  const dx = x - p[9],
    dy = y - p[10],
    dz = z - p[11];
  out[o] = p[0] * dx + p[3] * dy + p[6] * dz;
  out[o + 1] = p[1] * dx + p[4] * dy + p[7] * dz;
  out[o + 2] = p[2] * dx + p[5] * dy + p[8] * dz;
}

/** World-frame AABB of a local box under a rigid pose (exact for the box, conservative for contents). */
export function transformBox(p: RigidPose, min: ArrayLike<number>, max: ArrayLike<number>): { min: Float64Array; max: Float64Array } {
  const outMin = new Float64Array(3),
    outMax = new Float64Array(3);
  for (let r = 0; r < 3; r++) {
    let lo = p[9 + r],
      hi = p[9 + r];
    for (let c = 0; c < 3; c++) {
      const a = p[3 * r + c] * min[c],
        b = p[3 * r + c] * max[c];
      lo += Math.min(a, b);
      hi += Math.max(a, b);
    }
    outMin[r] = lo;
    outMax[r] = hi;
  }
  return { min: outMin, max: outMax };
}

/** Three.js Matrix4 elements (column-major) of the rigid pose followed by a uniform scale. */
export function poseToMatrixElements(p: RigidPose, scale = 1): number[] {
  return [
    p[0] * scale,
    p[3] * scale,
    p[6] * scale,
    0,
    p[1] * scale,
    p[4] * scale,
    p[7] * scale,
    0,
    p[2] * scale,
    p[5] * scale,
    p[8] * scale,
    0,
    p[9] * scale,
    p[10] * scale,
    p[11] * scale,
    1,
  ];
}
