import { DoubleSide, Ray, Vector3 } from 'three';
import type { TriMesh } from '../mesh/triMesh';
import { prepareMesh } from '../metrics/bvhCache';
import { DEFAULT_METRICS_PARAMS } from '../metrics/params';
import { boxContains } from '../metrics/scene';

/** What contact refinement asks of the object: the metrics' own inside test and outer surface. */
export interface ObjectSurface {
  isInside(x: number, y: number, z: number): boolean;
  /**
   * distance to the nearest point of the outer surface, written to `out` (object frame, metres);
   * Infinity (and `out` untouched) when there is none nearer than `within`
   */
  closest(x: number, y: number, z: number, out: Float64Array, within?: number): number;
  /** distance from (x, y, z) along the unit direction u to the first crossing of the outer surface; Infinity when none */
  exit(x: number, y: number, z: number, ux: number, uy: number, uz: number): number;
}

/**
 * The object as penetration_depth sees it (same inside field, same union boundary, same ray
 * count), so a refinement that clears this surface clears the metric too.
 */
export function objectSurfaceOf(mesh: TriMesh, opts: { rays?: number; maxTriangles?: number } = {}): ObjectSurface {
  const rays = opts.rays ?? DEFAULT_METRICS_PARAMS.insideRays;
  const prepared = prepareMesh(mesh, opts.maxTriangles ?? DEFAULT_METRICS_PARAMS.maxTriangles);
  const field = prepared.field(rays);
  const bvh = prepared.surface(rays).bvh;
  const { min, max } = prepared;
  const q = new Vector3();
  const hit = { point: new Vector3(), distance: 0, faceIndex: 0 };
  const ray = new Ray();
  return {
    isInside: (x, y, z) => boxContains(min, max, x, y, z) && field.isInside(x, y, z),
    closest(x, y, z, out, within = Infinity) {
      q.set(x, y, z);
      // maxThreshold only prunes the search: a hit beyond it can still come back, so check.
      const r = bvh.closestPointToPoint(q, hit, 0, within);
      if (!r || r.distance > within) return Infinity;
      out[0] = r.point.x;
      out[1] = r.point.y;
      out[2] = r.point.z;
      return r.distance;
    },
    exit(x, y, z, ux, uy, uz) {
      ray.origin.set(x, y, z);
      ray.direction.set(ux, uy, uz);
      return bvh.raycastFirst(ray, DoubleSide)?.distance ?? Infinity;
    },
  };
}
