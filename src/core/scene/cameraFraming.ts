import type { Mat4, Vec3 } from '../hands/types';
import { meshBounds, type TriMesh } from '../mesh/triMesh';

export type CameraView = 'fit' | 'front' | 'side' | 'top';

export interface Box {
  min: Vec3;
  max: Vec3;
}

/**
 * The box around the object (scaled) and every posed hand part, in the object's frame (meters).
 * Parts contribute the corners of their own boxes after their matrix (column-major): a slightly
 * loose box, without transforming every vertex.
 */
export function graspBounds(object: TriMesh | null, objectScale: number, parts: readonly { mesh: TriMesh }[] = [], matrices: readonly Mat4[] = []): Box | null {
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  const add = (x: number, y: number, z: number) => {
    const p = [x, y, z];
    for (let k = 0; k < 3; k++) {
      if (p[k] < min[k]) min[k] = p[k];
      if (p[k] > max[k]) max[k] = p[k];
    }
  };
  if (object && object.positions.length) {
    const b = meshBounds(object);
    add(b.min[0] * objectScale, b.min[1] * objectScale, b.min[2] * objectScale);
    add(b.max[0] * objectScale, b.max[1] * objectScale, b.max[2] * objectScale);
  }
  parts.forEach((part, i) => {
    const m = matrices[i];
    if (!m || part.mesh.positions.length === 0) return;
    const b = meshBounds(part.mesh);
    for (const x of [b.min[0], b.max[0]])
      for (const y of [b.min[1], b.max[1]])
        for (const z of [b.min[2], b.max[2]]) add(m[0] * x + m[4] * y + m[8] * z + m[12], m[1] * x + m[5] * y + m[9] * z + m[13], m[2] * x + m[6] * y + m[10] * z + m[14]);
  });
  return Number.isFinite(min[0]) ? { min, max } : null;
}

// Directions from the target to the camera, z up. Top looks almost straight down: exactly down
// would make the up vector parallel to the view and the orbit controls' roll undefined.
const DIRECTIONS: Record<CameraView, Vec3> = {
  fit: [0.7, -0.7, 0.45],
  front: [0, -1, 0],
  side: [1, 0, 0],
  top: [0, -1e-3, 1],
};

/**
 * A camera pose that shows the whole box from `view`: the bounding sphere fits the narrower of
 * the vertical and horizontal field of view, with a small margin.
 */
export function framePose(box: Box, view: CameraView, fovDeg: number, aspect: number): { position: Vec3; target: Vec3 } {
  const target: Vec3 = [0, 1, 2].map((k) => (box.min[k] + box.max[k]) / 2) as Vec3;
  const radius = Math.max(1e-3, Math.hypot(box.max[0] - box.min[0], box.max[1] - box.min[1], box.max[2] - box.min[2]) / 2);
  const vHalf = (fovDeg * Math.PI) / 360;
  const hHalf = Math.atan(Math.tan(vHalf) * Math.max(aspect, 1e-3));
  const dist = (radius / Math.sin(Math.min(vHalf, hHalf))) * 1.05;
  const d = DIRECTIONS[view];
  const n = Math.hypot(...d);
  const position = [0, 1, 2].map((k) => Number((target[k] + (d[k] / n) * dist).toFixed(4))) as Vec3;
  return { position, target: target.map((v) => Number(v.toFixed(4))) as Vec3 };
}

/** Half the diagonal of the (scaled) object's box: what decides whether a new grasp shows "another object". */
export function objectRadius(object: TriMesh, objectScale: number): number {
  const b = meshBounds(object);
  return (Math.hypot(b.max[0] - b.min[0], b.max[1] - b.min[1], b.max[2] - b.min[2]) / 2) * objectScale;
}

/**
 * Whether the automatic fit should frame again: only when the object's size changed by more than
 * 5 %, so stepping through grasps of one object keeps the user's camera (comparing grasps needs a
 * steady view).
 */
export function isNewObjectSize(lastRadius: number | null, radius: number): boolean {
  return lastRadius === null || Math.abs(radius - lastRadius) >= 0.05 * Math.max(radius, 1e-6);
}
