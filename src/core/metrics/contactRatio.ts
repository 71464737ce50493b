import { Vector3 } from 'three';
import { applyInversePose } from './rigidPose';
import { boxContains, type SceneHand, type SceneObject } from './scene';

export interface ContactRatioResult {
  /** fraction in [0, 1] */
  ratio: number;
  /** the object samples in the object frame (meters, xyz interleaved) */
  points: Float64Array;
  /** 1 where the sample is in contact */
  inContact: Uint8Array;
}

const q = new Vector3();
const target = { point: new Vector3(), distance: 0, faceIndex: 0 };

/**
 * Share of object surface samples that lie inside the hand or within `threshold` meters of its
 * surface. `localSamples` are in the unscaled object frame (so they can be cached per object) and
 * are drawn from the object's outer boundary (walls buried inside other parts are not sampled).
 */
export function contactRatio(hand: SceneHand, obj: SceneObject, localSamples: Float64Array, threshold: number, rays: number): ContactRatioResult {
  const n = localSamples.length / 3;
  const points = new Float64Array(localSamples.length);
  const inContact = new Uint8Array(n);
  const local = new Float64Array(3);
  let hits = 0;
  for (let s = 0; s < n; s++) {
    const x = localSamples[3 * s] * obj.scale,
      y = localSamples[3 * s + 1] * obj.scale,
      z = localSamples[3 * s + 2] * obj.scale;
    points[3 * s] = x;
    points[3 * s + 1] = y;
    points[3 * s + 2] = z;
    if (!boxContains(hand.min, hand.max, x, y, z, threshold)) continue;
    for (const part of hand.parts) {
      if (!boxContains(part.min, part.max, x, y, z, threshold)) continue;
      applyInversePose(part.pose, x, y, z, local);
      q.set(local[0], local[1], local[2]);
      // minThreshold = maxThreshold: stop at the first triangle within reach. maxThreshold only
      // prunes bounding boxes, so a hit can still lie beyond it: the distance decides.
      const hit = threshold > 0 ? part.prepared.bvh.closestPointToPoint(q, target, threshold, threshold) : null;
      const near = hit !== null && hit.distance <= threshold;
      if (near || part.prepared.field(rays).isInside(local[0], local[1], local[2])) {
        inContact[s] = 1;
        hits++;
        break;
      }
    }
  }
  return { ratio: n ? hits / n : 0, points, inContact };
}
