import type { Mat4, Quat, Vec3 } from './types';

/** Column-major 4x4 (three's Matrix4.elements order) in float64; the hot path of posing. */
export type M4 = Float64Array;

/** out = a * b (out may alias neither a nor b). */
export function multiply(a: ArrayLike<number>, b: ArrayLike<number>, out: M4 = new Float64Array(16)): M4 {
  for (let c = 0; c < 4; c++) {
    const b0 = b[4 * c],
      b1 = b[4 * c + 1],
      b2 = b[4 * c + 2],
      b3 = b[4 * c + 3];
    out[4 * c] = a[0] * b0 + a[4] * b1 + a[8] * b2 + a[12] * b3;
    out[4 * c + 1] = a[1] * b0 + a[5] * b1 + a[9] * b2 + a[13] * b3;
    out[4 * c + 2] = a[2] * b0 + a[6] * b1 + a[10] * b2 + a[14] * b3;
    out[4 * c + 3] = a[3] * b0 + a[7] * b1 + a[11] * b2 + a[15] * b3;
  }
  return out;
}

/** Rigid transform from a position and a unit quaternion [x, y, z, w]. */
export function fromPositionQuaternion(p: Vec3, q: Quat, out: M4 = new Float64Array(16)): M4 {
  const [x, y, z, w] = q;
  const x2 = x + x,
    y2 = y + y,
    z2 = z + z;
  const xx = x * x2,
    xy = x * y2,
    xz = x * z2,
    yy = y * y2,
    yz = y * z2,
    zz = z * z2;
  const wx = w * x2,
    wy = w * y2,
    wz = w * z2;
  out[0] = 1 - (yy + zz);
  out[1] = xy + wz;
  out[2] = xz - wy;
  out[3] = 0;
  out[4] = xy - wz;
  out[5] = 1 - (xx + zz);
  out[6] = yz + wx;
  out[7] = 0;
  out[8] = xz + wy;
  out[9] = yz - wx;
  out[10] = 1 - (xx + yy);
  out[11] = 0;
  out[12] = p[0];
  out[13] = p[1];
  out[14] = p[2];
  out[15] = 1;
  return out;
}

/** Rotation by `angle` about the unit `axis`. */
export function axisAngle(axis: Vec3, angle: number, out: M4 = new Float64Array(16)): M4 {
  const s = Math.sin(angle / 2);
  return fromPositionQuaternion([0, 0, 0], [axis[0] * s, axis[1] * s, axis[2] * s, Math.cos(angle / 2)], out);
}

export function translation(v: Vec3, out: M4 = new Float64Array(16)): M4 {
  return fromPositionQuaternion(v, [0, 0, 0, 1], out);
}

export function origin(m: ArrayLike<number>): Vec3 {
  return [m[12], m[13], m[14]];
}

/** Float64Array has `length: number`; the shared Mat4 type wants the literal 16. */
export function asMat4(m: M4): Mat4 {
  return m as unknown as Mat4;
}
