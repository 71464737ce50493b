import { Box3, Matrix4, Vector3 } from 'three';
import type { Vec3 } from '../hands/types';
import { applyInversePose, applyPose, poseToMatrixElements } from './rigidPose';
import type { SceneHand, SceneObject } from './scene';
import { closestTrianglePair } from './trianglePairDistance';

export interface FingertipDistance {
  name: string;
  link: string;
  /** meters; 0 when the fingertip touches or penetrates the object */
  distance: number;
  /** closest point pair, object frame (meters); equal when touching */
  onHand: Vec3;
  onObject: Vec3;
}

export interface DisjointDistanceResult {
  /** mean over fingertips with geometry, meters; null when no fingertip has geometry */
  mean: number | null;
  fingertips: FingertipDistance[];
  warnings: string[];
}

const q = new Vector3();
const t1 = { point: new Vector3(), distance: 0, faceIndex: 0 };
const partBox = new Box3();
/** part vertices measured for the pair search's starting bound */
const BOUND_VERTICES = 32;
const partLocal = new Box3();
const m = new Matrix4();
const mInv = new Matrix4();

/**
 * Mean over fingertips of the surface-to-surface distance between the fingertip link's geometry
 * and the object surface (see meshDistance), 0 when they intersect or one contains the other. Fingertips whose
 * link has no geometry are reported and left out of the mean.
 *
 * `penetratingParts` (from penetrationDepth) short-cuts links already known to have points
 * inside the object.
 */
export function disjointDistance(hand: SceneHand, obj: SceneObject, rays: number, penetratingParts?: Set<number>): DisjointDistanceResult {
  const warnings: string[] = [];
  const fingertips: FingertipDistance[] = [];
  if (hand.fingertips.length === 0) warnings.push('the hand defines no fingertips; disjoint_distance is empty');
  const inv = 1 / obj.scale;
  const w = new Float64Array(3);
  const objField = obj.prepared.field(rays);
  for (const tip of hand.fingertips) {
    const parts = hand.parts.filter((p) => p.link === tip.geometryLink);
    if (parts.length === 0) {
      warnings.push(`fingertip "${tip.name}": link "${tip.geometryLink}" has no usable geometry; left out of disjoint_distance`);
      continue;
    }
    let best: FingertipDistance | null = null;
    for (const part of parts) {
      const k = hand.parts.indexOf(part);
      if (penetratingParts?.has(k)) {
        const p: Vec3 = [part.pose[9], part.pose[10], part.pose[11]];
        const cand = { name: tip.name, link: tip.geometryLink, distance: 0, onHand: p, onObject: p };
        if (!best || best.distance > 0) best = cand;
        continue;
      }
      const near = meshDistance(part, obj, inv);
      let onObject: Vec3 = near.onObject.map((v) => v * obj.scale) as Vec3;
      const onHand: Vec3 = near.onHand.map((v) => v * obj.scale) as Vec3;
      let distance = near.distance * obj.scale;
      if (distance > 0 && containsOther(part, obj, objField, rays, w, inv)) {
        distance = 0;
        onObject = onHand;
      }
      if (!best || distance < best.distance) best = { name: tip.name, link: tip.geometryLink, distance, onHand, onObject };
    }
    if (best) fingertips.push(best);
  }
  const mean = fingertips.length ? fingertips.reduce((s, f) => s + f.distance, 0) / fingertips.length : null;
  return { mean, fingertips, warnings };
}

/** With disjoint surfaces, one solid contains the other iff any one of its vertices is inside the other. */
function containsOther(
  part: SceneHand['parts'][number],
  obj: SceneObject,
  objField: ReturnType<SceneObject['prepared']['field']>,
  rays: number,
  w: Float64Array,
  inv: number,
): boolean {
  const pp = part.prepared.mesh.positions;
  const v = 3 * part.prepared.mesh.indices[0];
  applyPose(part.pose, pp[v], pp[v + 1], pp[v + 2], w);
  if (objField.isInside(w[0] * inv, w[1] * inv, w[2] * inv)) return true;
  const op = obj.prepared.mesh.positions;
  const o = 3 * obj.prepared.mesh.indices[0];
  applyInversePose(part.pose, op[o] * obj.scale, op[o + 1] * obj.scale, op[o + 2] * obj.scale, w);
  return part.prepared.field(rays).isInside(w[0], w[1], w[2]);
}

/**
 * Distance between a posed part's surface and the object's (unscaled object frame), surface to
 * surface: the exact closest pair over all triangle pairs (closestTrianglePair), 0 when the
 * surfaces intersect. A first pass from a few of the part's vertices to the object's triangles
 * gives an upper bound that prunes the pair search to the triangles that can still beat it. The
 * closest pair may lie mid-face on both sides (a flat fingertip pad above a face, an edge crossing
 * an edge), which a vertex-only distance over-estimates.
 */
function meshDistance(part: SceneHand['parts'][number], obj: SceneObject, inv: number): { distance: number; onHand: Vec3; onObject: Vec3 } {
  const pp = part.prepared.mesh.positions;
  const bvh = obj.prepared.bvh;
  const w = new Float64Array(3);
  let bound = Infinity;
  const onHand: Vec3 = [0, 0, 0],
    onObject: Vec3 = [0, 0, 0];
  // Only a starting bound for the exact pair search below: a few dozen vertices suffice.
  const step = 3 * Math.max(1, Math.floor(pp.length / 3 / BOUND_VERTICES));
  for (let i = 0; i < pp.length; i += step) {
    applyPose(part.pose, pp[i], pp[i + 1], pp[i + 2], w);
    q.set(w[0] * inv, w[1] * inv, w[2] * inv);
    const hit = bvh.closestPointToPoint(q, t1, 0, bound);
    if (hit && hit.distance < bound) {
      bound = hit.distance;
      onHand[0] = q.x;
      onHand[1] = q.y;
      onHand[2] = q.z;
      onObject[0] = t1.point.x;
      onObject[1] = t1.point.y;
      onObject[2] = t1.point.z;
    }
  }
  m.fromArray(poseToMatrixElements(part.pose, inv));
  mInv.copy(m).invert();
  const eps = obj.prepared.eps;
  const k = obj.scale;
  partBox.min.set(part.min[0] * inv, part.min[1] * inv, part.min[2] * inv);
  partBox.max.set(part.max[0] * inv, part.max[1] * inv, part.max[2] * inv);
  partLocal.min.fromArray(part.prepared.min);
  partLocal.max.fromArray(part.prepared.max);
  const pair = closestTrianglePair(bvh, part.prepared.bvh, mInv, partBox, partLocal, k, bound * k, eps * k);
  if (pair && pair.distance / k < bound) {
    bound = pair.distance / k;
    setVec(onObject, pair.onObject.applyMatrix4(m));
    setVec(onHand, pair.onPart.applyMatrix4(m));
  }
  if (bound <= eps) {
    onObject[0] = onHand[0];
    onObject[1] = onHand[1];
    onObject[2] = onHand[2];
    return { distance: 0, onHand, onObject };
  }
  return { distance: bound, onHand, onObject };
}

function setVec(out: Vec3, v: Vector3): void {
  out[0] = v.x;
  out[1] = v.y;
  out[2] = v.z;
}
