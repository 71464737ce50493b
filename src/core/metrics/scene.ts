import type { PosedHand } from '../hands/types';
import type { TriMesh } from '../mesh/triMesh';
import { prepareMesh, type PreparedMesh } from './bvhCache';
import { MetricsMeshError } from './meshChecks';
import { splitMatrix, transformBox, type RigidPose } from './rigidPose';

/** One hand link mesh placed in the object frame by a rigid pose. */
export interface ScenePart {
  link: string;
  prepared: PreparedMesh;
  pose: RigidPose;
  /** world (object-frame) AABB */
  min: Float64Array;
  max: Float64Array;
}

export interface SceneHand {
  parts: ScenePart[];
  min: Float64Array;
  max: Float64Array;
  fingertips: PosedHand['fingertips'];
  /** identifies the hand's geometry (not its pose), for caches of hand-local data */
  signature: string;
  warnings: string[];
}

/**
 * The object as used by every metric: its mesh prepared unscaled (so one BVH serves every
 * objectScale) plus the uniform scale. World = scale * local.
 */
export interface SceneObject {
  prepared: PreparedMesh;
  scale: number;
  min: Float64Array;
  max: Float64Array;
}

export class SceneError extends Error {}

export function prepareSceneObject(mesh: TriMesh, scale: number, maxTriangles: number, label = 'object mesh'): SceneObject {
  if (!Number.isFinite(scale) || scale <= 0) throw new SceneError(`${label}: objectScale must be a positive number (got ${scale})`);
  let prepared: PreparedMesh;
  try {
    prepared = prepareMesh(mesh, maxTriangles);
  } catch (e) {
    if (e instanceof MetricsMeshError) throw new SceneError(`${label} ${e.message}`);
    throw e;
  }
  return {
    prepared,
    scale,
    min: prepared.min.map((v) => v * scale),
    max: prepared.max.map((v) => v * scale),
  };
}

/** Prepares every posed link mesh; a broken link is left out with a warning rather than failing the grasp. */
export function prepareSceneHand(hand: PosedHand, maxTriangles: number): SceneHand {
  const parts: ScenePart[] = [];
  const warnings: string[] = [];
  const min = new Float64Array([Infinity, Infinity, Infinity]);
  const max = new Float64Array([-Infinity, -Infinity, -Infinity]);
  for (const part of hand.parts) {
    const split = splitMatrix(part.matrix);
    if (!split) {
      warnings.push(`hand link "${part.link}": pose matrix is not finite or not rigid-times-scale; link left out`);
      continue;
    }
    let prepared: PreparedMesh;
    try {
      prepared = prepareMesh(part.mesh, maxTriangles, split.scale);
    } catch (e) {
      if (!(e instanceof MetricsMeshError)) throw e;
      warnings.push(`hand link "${part.link}" mesh ${e.message}; link left out`);
      continue;
    }
    for (const w of prepared.warnings) if (!warnings.includes(`hand link "${part.link}" mesh: ${w}`)) warnings.push(`hand link "${part.link}" mesh: ${w}`);
    const box = transformBox(split.pose, prepared.min, prepared.max);
    for (let k = 0; k < 3; k++) {
      min[k] = Math.min(min[k], box.min[k]);
      max[k] = Math.max(max[k], box.max[k]);
    }
    parts.push({ link: part.link, prepared, pose: split.pose, min: box.min, max: box.max });
  }
  if (parts.length === 0) throw new SceneError('the posed hand has no usable geometry' + (warnings.length ? ` (${warnings.join('; ')})` : ''));
  const report = hand.report;
  if (report?.invalid?.length) warnings.push(`non-finite joint values treated as 0: ${report.invalid.join(', ')}`);
  if (report?.unknown?.length) warnings.push(`joints unknown to the hand ignored: ${report.unknown.join(', ')}`);
  return {
    parts,
    min,
    max,
    fingertips: hand.fingertips ?? [],
    signature: parts.map((p) => p.prepared.id).join(','),
    warnings,
  };
}

export function boxesOverlap(aMin: ArrayLike<number>, aMax: ArrayLike<number>, bMin: ArrayLike<number>, bMax: ArrayLike<number>, pad = 0): boolean {
  return aMin[0] - pad <= bMax[0] && bMin[0] <= aMax[0] + pad && aMin[1] - pad <= bMax[1] && bMin[1] <= aMax[1] + pad && aMin[2] - pad <= bMax[2] && bMin[2] <= aMax[2] + pad;
}

export function boxContains(min: ArrayLike<number>, max: ArrayLike<number>, x: number, y: number, z: number, pad = 0): boolean {
  return x >= min[0] - pad && x <= max[0] + pad && y >= min[1] - pad && y <= max[1] + pad && z >= min[2] - pad && z <= max[2] + pad;
}
