import type { Quat, RootPose, Vec3 } from '../hands/types';

// Rigid poses as position + unit quaternion [x, y, z, w], float64, independent of three.js.

export const IDENTITY_POSE: RootPose = { position: [0, 0, 0], quaternion: [0, 0, 0, 1] };

export function quatMultiply(a: Quat, b: Quat): Quat {
  const [ax, ay, az, aw] = a;
  const [bx, by, bz, bw] = b;
  return [aw * bx + ax * bw + ay * bz - az * by, aw * by - ax * bz + ay * bw + az * bx, aw * bz + ax * by - ay * bx + az * bw, aw * bw - ax * bx - ay * by - az * bz];
}

export function quatConjugate(q: Quat): Quat {
  return [-q[0], -q[1], -q[2], q[3]];
}

export function quatNormalize(q: Quat): Quat {
  const n = Math.hypot(...q);
  return q.map((c) => c / n) as Quat;
}

export function rotateVec(q: Quat, v: Vec3): Vec3 {
  const p = quatMultiply(quatMultiply(q, [v[0], v[1], v[2], 0]), quatConjugate(q));
  return [p[0], p[1], p[2]];
}

export function quatAboutAxis(axis: 0 | 1 | 2, angle: number): Quat {
  const q: Quat = [0, 0, 0, Math.cos(angle / 2)];
  q[axis] = Math.sin(angle / 2);
  return q;
}

/** a * b: b expressed in a's frame, composed into a's parent frame. */
export function composePose(a: RootPose, b: RootPose): RootPose {
  const r = rotateVec(a.quaternion, b.position);
  return {
    position: [a.position[0] + r[0], a.position[1] + r[1], a.position[2] + r[2]],
    quaternion: quatNormalize(quatMultiply(a.quaternion, b.quaternion)),
  };
}

export function invertPose(p: RootPose): RootPose {
  const qi = quatConjugate(p.quaternion);
  const t = rotateVec(qi, p.position);
  return { position: [-t[0], -t[1], -t[2]], quaternion: qi };
}

/** Rigid pose from a column-major 4x4 (three's Matrix4.elements order). */
export function poseFromMatrix(m: ArrayLike<number>): RootPose {
  const [m00, m10, m20, , m01, m11, m21, , m02, m12, m22] = Array.from(m);
  let q: Quat;
  const trace = m00 + m11 + m22;
  if (trace > 0) {
    const s = 0.5 / Math.sqrt(trace + 1);
    q = [(m21 - m12) * s, (m02 - m20) * s, (m10 - m01) * s, 0.25 / s];
  } else if (m00 > m11 && m00 > m22) {
    const s = 2 * Math.sqrt(1 + m00 - m11 - m22);
    q = [0.25 * s, (m01 + m10) / s, (m02 + m20) / s, (m21 - m12) / s];
  } else if (m11 > m22) {
    const s = 2 * Math.sqrt(1 + m11 - m00 - m22);
    q = [(m01 + m10) / s, 0.25 * s, (m12 + m21) / s, (m02 - m20) / s];
  } else {
    const s = 2 * Math.sqrt(1 + m22 - m00 - m11);
    q = [(m02 + m20) / s, (m12 + m21) / s, 0.25 * s, (m10 - m01) / s];
  }
  return { position: [m[12], m[13], m[14]], quaternion: quatNormalize(q) };
}

/**
 * Intrinsic X-then-Y-then-Z Euler angles (scipy 'XYZ', three.js Euler order 'XYZ', a chain of
 * revolute joints about x, y, z): R = Rx(a) * Ry(b) * Rz(c).
 */
export function quatFromIntrinsicXYZ(a: number, b: number, c: number): Quat {
  return quatNormalize(quatMultiply(quatMultiply(quatAboutAxis(0, a), quatAboutAxis(1, b)), quatAboutAxis(2, c)));
}

/**
 * Static-frame (extrinsic) x, then y, then z (transforms3d 'sxyz', scipy 'xyz', three.js order
 * 'ZYX'): R = Rz(c) * Ry(b) * Rx(a).
 */
export function quatFromStaticXYZ(a: number, b: number, c: number): Quat {
  return quatNormalize(quatMultiply(quatMultiply(quatAboutAxis(2, c), quatAboutAxis(1, b)), quatAboutAxis(0, a)));
}
