import { Vector3 } from 'three';
import { avoidFileSchema, formatIssues, MAX_AVOID_POINTS } from '../dataset/schema';
import type { Vec3 } from '../hands/types';
import { applyInversePose, applyPose } from './rigidPose';
import type { SceneHand } from './scene';

/** A negative-affordance region as the metrics use it: xyz interleaved, mesh frame (unscaled), meters. */
export type AvoidPoints = Float64Array;

export function avoidPointsFrom(points: readonly (readonly number[])[]): AvoidPoints {
  const out = new Float64Array(points.length * 3);
  points.forEach((p, i) => out.set(p.slice(0, 3), 3 * i));
  return out;
}

/** Reads an `avoid.file`; every problem names the file. */
export function parseAvoidFile(text: string, label: string): AvoidPoints {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`${label}: not valid JSON (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  const pts = (raw as { points?: unknown } | null)?.points;
  if (Array.isArray(pts) && pts.length > MAX_AVOID_POINTS) {
    throw new Error(`${label}: ${pts.length.toLocaleString('en-US')} points, more than the limit of ${MAX_AVOID_POINTS.toLocaleString('en-US')}`);
  }
  const parsed = avoidFileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${label}: ${formatIssues(parsed.error)}`);
  return avoidPointsFrom(parsed.data.points);
}

export interface FingertipAvoid {
  name: string;
  link: string;
  /** meters from the fingertip link's solid to the nearest region point; 0 for a point inside the link */
  distance: number;
  /** that point (object frame, scaled) and the closest point of the link's surface */
  point: Vec3;
  onHand: Vec3;
  /** closer than the threshold */
  violates: boolean;
}

export interface AvoidResult {
  /** fingertips farther than the threshold from every region point (AffordDex's affordance score) */
  score: number | null;
  /** smallest fingertip distance to the region, meters */
  minDistance: number | null;
  fingertips: FingertipAvoid[];
  warnings: string[];
}

const q = new Vector3();
const hit = { point: new Vector3(), distance: 0, faceIndex: 0 };

/**
 * Distance of each fingertip link to the region: exact point-to-triangle distance from every
 * region point to the link's surface (in the link's frame, so the link's BVH serves every
 * pose), 0 for a point inside the link's solid. `scale` is the grasp's objectScale: region
 * points live in the mesh frame and scale with it.
 */
export function avoidDistances(hand: SceneHand, points: AvoidPoints, scale: number, thresholdM: number, rays: number): AvoidResult {
  const warnings: string[] = [];
  const fingertips: FingertipAvoid[] = [];
  if (hand.fingertips.length === 0) warnings.push('the hand defines no fingertips; affordance_score is empty');
  const local = new Float64Array(3);
  const world = new Float64Array(3);
  for (const tip of hand.fingertips) {
    const parts = hand.parts.filter((p) => p.link === tip.geometryLink);
    if (parts.length === 0) {
      warnings.push(`fingertip "${tip.name}": link "${tip.geometryLink}" has no usable geometry; left out of affordance_score`);
      continue;
    }
    let best: FingertipAvoid | null = null;
    for (const part of parts) {
      const { bvh, min, max } = part.prepared;
      for (let i = 0; i < points.length && !(best && best.distance === 0); i += 3) {
        const wx = points[i] * scale,
          wy = points[i + 1] * scale,
          wz = points[i + 2] * scale;
        applyInversePose(part.pose, wx, wy, wz, local);
        const inBox = local[0] >= min[0] && local[0] <= max[0] && local[1] >= min[1] && local[1] <= max[1] && local[2] >= min[2] && local[2] <= max[2];
        // Tested first: a point inside the link may lie farther from its surface than the best so far.
        if (inBox && part.prepared.field(rays).isInside(local[0], local[1], local[2])) {
          best = { name: tip.name, link: tip.geometryLink, distance: 0, point: [wx, wy, wz], onHand: [wx, wy, wz], violates: false };
          break;
        }
        const bound = best ? best.distance : Infinity;
        const r = bvh.closestPointToPoint(q.set(local[0], local[1], local[2]), hit, 0, bound);
        if (!r || !(r.distance < bound)) continue;
        applyPose(part.pose, hit.point.x, hit.point.y, hit.point.z, world);
        best = { name: tip.name, link: tip.geometryLink, distance: r.distance, point: [wx, wy, wz], onHand: [world[0], world[1], world[2]], violates: false };
      }
    }
    if (best) {
      best.violates = best.distance <= thresholdM;
      fingertips.push(best);
    }
  }
  if (fingertips.length === 0) return { score: null, minDistance: null, fingertips, warnings };
  return {
    score: fingertips.filter((f) => !f.violates).length,
    minDistance: Math.min(...fingertips.map((f) => f.distance)),
    fingertips,
    warnings,
  };
}
