import { applyInversePose } from './rigidPose';
import { boxContains, type SceneHand, type SceneObject } from './scene';

export interface PenetrationVolumeResult {
  /** cubic meters */
  volume: number;
  /** voxel centres inside both solids */
  voxels: number;
  /** voxel centres examined (the grid over the overlap of the two boxes) */
  examined: number;
}

/** Above this many voxels in the overlap box the pitch is refused rather than freezing a worker. */
export const MAX_VOXELS = 50_000_000;

/**
 * Volume of (hand solid ∩ object solid) counted on a regular lattice of pitch `pitch` meters with
 * centres at (k + 1/2) * pitch, anchored at the object-frame origin so results do not depend on
 * bounding boxes. Only the overlap of the hand's and the object's boxes is visited; the hand is
 * the union of its link solids.
 */
export function penetrationVolume(hand: SceneHand, obj: SceneObject, pitch: number, rays: number): PenetrationVolumeResult {
  const lo = [0, 0, 0],
    hi = [0, 0, 0],
    n = [0, 0, 0];
  for (let k = 0; k < 3; k++) {
    const a = Math.max(hand.min[k], obj.min[k]);
    const b = Math.min(hand.max[k], obj.max[k]);
    if (a > b) return { volume: 0, voxels: 0, examined: 0 };
    lo[k] = Math.ceil(a / pitch - 0.5);
    hi[k] = Math.floor(b / pitch - 0.5);
    n[k] = hi[k] - lo[k] + 1;
    if (n[k] <= 0) return { volume: 0, voxels: 0, examined: 0 };
  }
  const examined = n[0] * n[1] * n[2];
  if (examined > MAX_VOXELS) {
    throw new RangeError(
      `penetration volume: ${examined.toLocaleString('en-US')} voxels at ${pitch * 1000} mm pitch exceed the limit of ${MAX_VOXELS.toLocaleString('en-US')}; use a coarser --voxel-mm`,
    );
  }
  const objField = obj.prepared.field(rays);
  const inv = 1 / obj.scale;
  const partFields = hand.parts.map((p) => p.prepared.field(rays));
  const local = new Float64Array(3);
  let count = 0;
  for (let k = lo[2]; k <= hi[2]; k++) {
    const z = (k + 0.5) * pitch;
    for (let j = lo[1]; j <= hi[1]; j++) {
      const y = (j + 0.5) * pitch;
      for (let i = lo[0]; i <= hi[0]; i++) {
        const x = (i + 0.5) * pitch;
        if (!boxContains(hand.min, hand.max, x, y, z)) continue;
        if (!objField.isInside(x * inv, y * inv, z * inv)) continue;
        for (let p = 0; p < hand.parts.length; p++) {
          const part = hand.parts[p];
          if (!boxContains(part.min, part.max, x, y, z)) continue;
          applyInversePose(part.pose, x, y, z, local);
          if (partFields[p].isInside(local[0], local[1], local[2])) {
            count++;
            break;
          }
        }
      }
    }
  }
  return { volume: count * pitch ** 3, voxels: count, examined };
}
