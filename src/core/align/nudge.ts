import type { Vec3 } from '../hands/types';
import { axisAngleRotation, composeSimilarity, mul3, type Similarity } from './similarity';

/** A hand correction on top of an alignment, in the reference frame: rotations [rad] about the x, y, z axes through the reference origin, a translation [m], a scale factor. */
export interface Nudge {
  rotate: Vec3;
  translate: Vec3;
  scale: number;
}

export const NO_NUDGE: Nudge = { rotate: [0, 0, 0], translate: [0, 0, 0], scale: 1 };

export const isNudged = (n: Nudge) => n.scale !== 1 || n.rotate.some((x) => x !== 0) || n.translate.some((x) => x !== 0);

/** The alignment with the nudge applied after it. */
export function nudged(t: Similarity, n: Nudge): Similarity {
  const R = mul3(axisAngleRotation([0, 0, 1], n.rotate[2]), mul3(axisAngleRotation([0, 1, 0], n.rotate[1]), axisAngleRotation([1, 0, 0], n.rotate[0])));
  return composeSimilarity({ scale: n.scale, rotation: R, translation: n.translate }, t);
}
