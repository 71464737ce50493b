import { Matrix4, Quaternion } from 'three';
import type { Quat, Vec3 } from '../hands/types';

/** y = scale * R x + translation; R is row-major 3x3. Maps the reconstruction's frame to the reference's. */
export interface Similarity {
  scale: number;
  rotation: number[];
  translation: Vec3;
}

/** The same transform as it is written in a manifest (`reconstruction.pose`, `meta.align`). */
export interface SimilarityPose {
  scale: number;
  position: Vec3;
  quaternion: Quat;
}

export const IDENTITY_SIMILARITY: Similarity = { scale: 1, rotation: [1, 0, 0, 0, 1, 0, 0, 0, 1], translation: [0, 0, 0] };

export function applySimilarity(t: Similarity, p: ArrayLike<number>, out: Vec3 = [0, 0, 0]): Vec3 {
  const R = t.rotation,
    s = t.scale;
  const x = p[0],
    y = p[1],
    z = p[2];
  out[0] = s * (R[0] * x + R[1] * y + R[2] * z) + t.translation[0];
  out[1] = s * (R[3] * x + R[4] * y + R[5] * z) + t.translation[1];
  out[2] = s * (R[6] * x + R[7] * y + R[8] * z) + t.translation[2];
  return out;
}

export function mul3(a: number[], b: number[]): number[] {
  const o = new Array(9).fill(0);
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) for (let k = 0; k < 3; k++) o[3 * r + c] += a[3 * r + k] * b[3 * k + c];
  return o;
}

/** a after b: x -> a(b(x)). */
export function composeSimilarity(a: Similarity, b: Similarity): Similarity {
  return { scale: a.scale * b.scale, rotation: mul3(a.rotation, b.rotation), translation: applySimilarity(a, b.translation) };
}

export function invertSimilarity(t: Similarity): Similarity {
  const R = t.rotation;
  const Rt = [R[0], R[3], R[6], R[1], R[4], R[7], R[2], R[5], R[8]];
  const inv: Similarity = { scale: 1 / t.scale, rotation: Rt, translation: [0, 0, 0] };
  const m = applySimilarity(inv, t.translation);
  inv.translation = [-m[0], -m[1], -m[2]];
  return inv;
}

/** Column-major 4x4 (three's order) of the similarity. */
export function similarityMatrix(t: Similarity): number[] {
  const R = t.rotation,
    s = t.scale,
    p = t.translation;
  return [s * R[0], s * R[3], s * R[6], 0, s * R[1], s * R[4], s * R[7], 0, s * R[2], s * R[5], s * R[8], 0, p[0], p[1], p[2], 1];
}

export function rotationToQuaternion(R: number[]): Quat {
  const m = new Matrix4().set(R[0], R[1], R[2], 0, R[3], R[4], R[5], 0, R[6], R[7], R[8], 0, 0, 0, 0, 1);
  const q = new Quaternion().setFromRotationMatrix(m);
  return [q.x, q.y, q.z, q.w];
}

export function quaternionToRotation(q: Quat): number[] {
  const e = new Matrix4().makeRotationFromQuaternion(new Quaternion(q[0], q[1], q[2], q[3]).normalize()).elements;
  return [e[0], e[4], e[8], e[1], e[5], e[9], e[2], e[6], e[10]];
}

export function toPose(t: Similarity): SimilarityPose {
  return { scale: t.scale, position: [...t.translation] as Vec3, quaternion: rotationToQuaternion(t.rotation) };
}

export function fromPose(p: SimilarityPose): Similarity {
  return { scale: p.scale, rotation: quaternionToRotation(p.quaternion), translation: [...p.position] as Vec3 };
}

/** Rotation by `angle` about a unit axis (Rodrigues), row-major. */
export function axisAngleRotation(axis: Vec3, angle: number): number[] {
  const [x, y, z] = axis,
    c = Math.cos(angle),
    s = Math.sin(angle),
    C = 1 - c;
  return [c + x * x * C, x * y * C - z * s, x * z * C + y * s, y * x * C + z * s, c + y * y * C, y * z * C - x * s, z * x * C - y * s, z * y * C + x * s, c + z * z * C];
}

/** Rotation angle between two rotations, radians. */
export function rotationAngleBetween(a: number[], b: number[]): number {
  let tr = 0;
  for (let i = 0; i < 3; i++) for (let k = 0; k < 3; k++) tr += a[3 * k + i] * b[3 * k + i];
  return Math.acos(Math.max(-1, Math.min(1, (tr - 1) / 2)));
}
