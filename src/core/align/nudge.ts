import type { Vec3 } from '../hands/types';
import { axisAngleRotation, composeSimilarity, mul3, similarityMatrix, type Similarity } from './similarity';

/** A hand correction on top of an alignment, in the reference frame: rotations [rad] about the x, y, z axes through the reference origin, a translation [m], a scale factor. */
export interface Nudge {
  rotate: Vec3;
  translate: Vec3;
  scale: number;
}

export const NO_NUDGE: Nudge = { rotate: [0, 0, 0], translate: [0, 0, 0], scale: 1 };

export const isNudged = (n: Nudge) => n.scale !== 1 || n.rotate.some((x) => x !== 0) || n.translate.some((x) => x !== 0);

/** The nudge as a similarity: x -> scale · Rz Ry Rx · x + translate. */
export function nudgeSimilarity(n: Nudge): Similarity {
  const R = mul3(axisAngleRotation([0, 0, 1], n.rotate[2]), mul3(axisAngleRotation([0, 1, 0], n.rotate[1]), axisAngleRotation([1, 0, 0], n.rotate[0])));
  return { scale: n.scale, rotation: R, translation: [...n.translate] as Vec3 };
}

/** The alignment with the nudge applied after it. */
export function nudged(t: Similarity, n: Nudge): Similarity {
  return composeSimilarity(nudgeSimilarity(n), t);
}

/** Column-major 4x4 of the nudge alone: where the viewport's handles sit. */
export function nudgeMatrix(n: Nudge): number[] {
  return similarityMatrix(nudgeSimilarity(n));
}

/**
 * The nudge a handle's column-major 4x4 stands for. The handles scale one axis at a time and an
 * alignment keeps its scale uniform, so the axis scale furthest from 1 is the scale (a drag on
 * one axis's handle scales by exactly what the handle shows); the rotation is the matrix's,
 * orthonormalised, as angles about x, then y, then z.
 */
export function nudgeFromMatrix(m: ArrayLike<number>): Nudge {
  const cols = [0, 1, 2].map((c) => [m[4 * c], m[4 * c + 1], m[4 * c + 2]]);
  const norms = cols.map((v) => Math.hypot(v[0], v[1], v[2]));
  if (!norms.every((k) => k > 0 && Number.isFinite(k))) return NO_NUDGE;
  const scale = norms.reduce((a, k) => (Math.abs(Math.log(k)) > Math.abs(Math.log(a)) ? k : a), 1);
  // Gram-Schmidt on the first two columns, the third their cross product: a proper rotation.
  const a = cols[0].map((v) => v / norms[0]);
  const bd = a[0] * cols[1][0] + a[1] * cols[1][1] + a[2] * cols[1][2];
  const b0 = cols[1].map((v, k) => v - bd * a[k]);
  const bl = Math.hypot(b0[0], b0[1], b0[2]);
  const b = b0.map((v) => v / bl);
  const c = [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
  // Row-major R = [a b c] as columns; R = Rz(γ) Ry(β) Rx(α).
  const R20 = a[2],
    R21 = b[2],
    R22 = c[2],
    R10 = a[1],
    R00 = a[0];
  const beta = Math.asin(Math.max(-1, Math.min(1, -R20)));
  return { rotate: [Math.atan2(R21, R22), beta, Math.atan2(R10, R00)], translate: [m[12], m[13], m[14]], scale };
}
