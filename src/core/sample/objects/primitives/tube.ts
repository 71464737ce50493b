import { cross, dot, normalize, sub } from '../../../math/vec3';
import type { TriMesh } from '../../../mesh/triMesh';
import { loft, type Vec3 } from './loft';

export interface TubeOptions {
  /** cross-section radii [along the normal (the `up` side), along the binormal]; a number for round tubes, or a function of path fraction */
  radius: number | [number, number] | ((t: number) => [number, number]);
  sides: number;
  /** the first ring's normal points as close to this as the tangent allows (default +Z) */
  up?: Vec3;
}

/** Capped tube swept along an open polyline with parallel-transport frames (no twisting). */
export function tube(path: Vec3[], opts: TubeOptions): TriMesh {
  const m = path.length;
  if (m < 2) throw new Error('tube path needs two points');
  const tangents = path.map((_, i) => normalize(sub(path[Math.min(i + 1, m - 1)], path[Math.max(i - 1, 0)])));
  const up = opts.up ?? [0, 0, 1];
  let normal = normalize(sub(up, scale(tangents[0], dot(up, tangents[0]))));
  if (Math.hypot(...normal) < 0.5 || !Number.isFinite(normal[0])) normal = normalize(cross(tangents[0], [1, 0, 0]));
  const radiusAt = (i: number): [number, number] => {
    const r = opts.radius;
    if (typeof r === 'number') return [r, r];
    if (Array.isArray(r)) return r;
    return r(i / (m - 1));
  };
  const rings: Vec3[][] = [];
  for (let i = 0; i < m; i++) {
    const t = tangents[i];
    // Transport: remove the normal's component along the new tangent.
    normal = normalize(sub(normal, scale(t, dot(normal, t))));
    const binormal = cross(t, normal);
    const [ra, rb] = radiusAt(i);
    const ring: Vec3[] = [];
    for (let s = 0; s < opts.sides; s++) {
      const a = (2 * Math.PI * s) / opts.sides;
      const ca = Math.cos(a) * ra,
        sa = Math.sin(a) * rb;
      ring.push([path[i][0] + ca * normal[0] + sa * binormal[0], path[i][1] + ca * normal[1] + sa * binormal[1], path[i][2] + ca * normal[2] + sa * binormal[2]]);
    }
    rings.push(ring);
  }
  return loft(rings);
}

function scale(a: Vec3, s: number): Vec3 {
  return [a[0] * s, a[1] * s, a[2] * s];
}
