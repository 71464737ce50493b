import { Vector3 } from 'three';
import { applyPose } from './rigidPose';
import { boxContains, boxesOverlap, type SceneHand, type SceneObject } from './scene';

export interface PenetrationDepthResult {
  /** indices of hand parts with at least one point inside the object */
  penetratingParts: Set<number>;
  /** meters; 0 when no hand point is inside the object */
  depth: number;
  /** hand surface points inside the object (object frame, meters, xyz interleaved) */
  insidePoints: Float64Array;
  /** each inside point's distance to the object surface, meters */
  depths: Float64Array;
}

const q = new Vector3();
const target = { point: new Vector3(), distance: 0, faceIndex: 0 };

/**
 * Largest distance to the object's outer surface (the boundary of the union of its parts) over
 * hand surface points inside the object (inside any of its parts). The points
 * are every posed vertex plus the seeded area-weighted samples (per part, hand-local). Parts whose
 * box misses the object's box cannot contribute and are skipped. Without `exactDepths` an inside
 * point's distance query stops as soon as it proves the point is no deeper than the deepest so far
 * (its reported depth is then only known to be below the maximum; the maximum itself is always
 * exact), which makes deep penetrations cheap.
 */
export function penetrationDepth(hand: SceneHand, obj: SceneObject, samplesPerPart: Float64Array[], rays: number, exactDepths = false): PenetrationDepthResult {
  const { prepared, scale } = obj;
  const field = prepared.field(rays);
  // Depth is measured to the union's outer boundary: a wall of one part buried inside another
  // is not "the surface" a penetrating point would be pushed out through.
  const surfaceBvh = prepared.surface(rays).bvh;
  const inv = 1 / scale;
  const lmin = prepared.min,
    lmax = prepared.max;
  const pts: number[] = [];
  const depths: number[] = [];
  let maxDepth = 0;
  const w = new Float64Array(3);
  const penetratingParts = new Set<number>();

  const visit = (part: SceneHand['parts'][number], k: number, src: ArrayLike<number>) => {
    for (let i = 0; i < src.length; i += 3) {
      applyPose(part.pose, src[i], src[i + 1], src[i + 2], w);
      const x = w[0] * inv,
        y = w[1] * inv,
        z = w[2] * inv;
      if (!boxContains(lmin, lmax, x, y, z)) continue;
      if (!field.isInside(x, y, z)) continue;
      penetratingParts.add(k);
      q.set(x, y, z);
      const hit = surfaceBvh.closestPointToPoint(q, target, exactDepths ? 0 : maxDepth * inv);
      const d = hit ? hit.distance * scale : 0;
      pts.push(w[0], w[1], w[2]);
      depths.push(d);
      if (d > maxDepth) maxDepth = d;
    }
  };

  hand.parts.forEach((part, k) => {
    if (!boxesOverlap(part.min, part.max, obj.min, obj.max)) return;
    visit(part, k, part.prepared.mesh.positions);
    if (samplesPerPart[k]) visit(part, k, samplesPerPart[k]);
  });
  return { penetratingParts, depth: maxDepth, insidePoints: Float64Array.from(pts), depths: Float64Array.from(depths) };
}
