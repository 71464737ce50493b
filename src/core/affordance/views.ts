import type { TriMesh } from '../mesh/triMesh';

export type Vec3 = [number, number, number];

/** An orthographic camera looking at the object along one axis. */
export interface View {
  name: string;
  /** unit direction the camera looks along (object frame) */
  forward: Vec3;
  right: Vec3;
  /** image "up" (rows grow the other way) */
  up: Vec3;
  /** object-frame point → [x in 0..1 from the left, y in 0..1 from the top, depth in meters from the near plane] */
  project(x: number, y: number, z: number): Vec3;
  /** pixel (in 0..1 units) and depth → object-frame point */
  unproject(u: number, v: number, depth: number): Vec3;
}

const AXES: { name: string; forward: Vec3; up: Vec3 }[] = [
  { name: '+x', forward: [-1, 0, 0], up: [0, 0, 1] }, // camera on +x looking back at the object
  { name: '-x', forward: [1, 0, 0], up: [0, 0, 1] },
  { name: '+y', forward: [0, -1, 0], up: [0, 0, 1] },
  { name: '-y', forward: [0, 1, 0], up: [0, 0, 1] },
  { name: '+z', forward: [0, 0, -1], up: [0, 1, 0] },
  { name: '-z', forward: [0, 0, 1], up: [0, 1, 0] },
];

/** The six views' names, in the order NAA renders them. */
export const VIEW_NAMES = AXES.map((a) => a.name);

/**
 * The six cardinal views of a mesh, each framing the whole bounding box (the same scale in every
 * view, with `margin` of the half-diagonal left around it), so a part has the same size in pixels
 * whichever side it is seen from.
 */
export function cardinalViews(mesh: TriMesh, margin = 0.1): View[] {
  const p = mesh.positions;
  const min = [Infinity, Infinity, Infinity],
    max = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < p.length; i += 3)
    for (let k = 0; k < 3; k++) {
      min[k] = Math.min(min[k], p[i + k]);
      max[k] = Math.max(max[k], p[i + k]);
    }
  const c: Vec3 = [0, 1, 2].map((k) => (min[k] + max[k]) / 2) as Vec3;
  const half = Math.max(1e-9, Math.hypot(max[0] - min[0], max[1] - min[1], max[2] - min[2]) / 2) * (1 + margin);
  return AXES.map(({ name, forward, up }) => {
    const right = cross(forward, up);
    const near = -half;
    return {
      name,
      forward,
      right,
      up,
      project(x, y, z) {
        const dx = x - c[0],
          dy = y - c[1],
          dz = z - c[2];
        return [(dot3(right, dx, dy, dz) / half + 1) / 2, (1 - dot3(up, dx, dy, dz) / half) / 2, dot3(forward, dx, dy, dz) - near];
      },
      unproject(u, v, depth) {
        const a = (2 * u - 1) * half,
          b = (1 - 2 * v) * half,
          d = depth + near;
        return [0, 1, 2].map((k) => c[k] + a * right[k] + b * up[k] + d * forward[k]) as Vec3;
      },
    };
  });
}

function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function dot3(a: Vec3, x: number, y: number, z: number): number {
  return a[0] * x + a[1] * y + a[2] * z;
}
