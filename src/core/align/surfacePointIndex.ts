import { triangleNormal } from '../math/triangle';
import type { TriMesh } from '../mesh/triMesh';
import { SurfaceSampler } from '../metrics/surfaceSampling';
import { makeMetricsRng } from '../metrics/rng';

/**
 * Dense area-weighted samples of a surface, each with its triangle's normal, in a k-d tree: the
 * nearest sample plus its tangent plane stands in for the closest surface point. ICP asks this
 * tens of thousands of times per alignment; an exact closest-point query on the mesh BVH
 * (three-mesh-bvh) costs tens of microseconds each, this about one.
 */
export class SurfacePointIndex {
  readonly points: Float64Array;
  readonly normals: Float64Array;
  /** mean spacing between samples [m] */
  readonly spacing: number;
  private order: Int32Array;
  private axis: Uint8Array;

  constructor(mesh: TriMesh, count = 6000, seed = 7) {
    const sampler = new SurfaceSampler(mesh);
    const rng = makeMetricsRng(seed);
    const n = count;
    this.points = new Float64Array(3 * n);
    this.normals = new Float64Array(3 * n);
    const { positions: p, indices: ix } = mesh;
    for (let i = 0; i < n; i++) {
      const t = sampler.pickTriangle(rng());
      sampler.pointOnTriangle(t, rng(), rng(), this.points, 3 * i);
      const a = 3 * ix[3 * t], b = 3 * ix[3 * t + 1], c = 3 * ix[3 * t + 2];
      triangleNormal(p, a, b, c, this.normals, 3 * i);
    }
    this.spacing = Math.sqrt(sampler.totalArea / n);
    this.order = Int32Array.from({ length: n }, (_, i) => i);
    this.axis = new Uint8Array(n);
    this.build(0, n);
  }

  // Implicit tree: the median of order[lo..hi) is the node, left and right halves its subtrees.
  private build(lo: number, hi: number): void {
    if (hi - lo <= 1) return;
    const P = this.points, o = this.order;
    const min = [Infinity, Infinity, Infinity], max = [-Infinity, -Infinity, -Infinity];
    for (let i = lo; i < hi; i++) for (let k = 0; k < 3; k++) {
      const v = P[3 * o[i] + k];
      if (v < min[k]) min[k] = v;
      if (v > max[k]) max[k] = v;
    }
    const ax = max[0] - min[0] >= max[1] - min[1] && max[0] - min[0] >= max[2] - min[2] ? 0 : max[1] - min[1] >= max[2] - min[2] ? 1 : 2;
    const mid = (lo + hi) >> 1;
    const sorted = Array.from(o.subarray(lo, hi)).sort((a, b) => P[3 * a + ax] - P[3 * b + ax]);
    o.set(sorted, lo);
    this.axis[mid] = ax;
    this.build(lo, mid);
    this.build(mid + 1, hi);
  }

  /** Index of the sample nearest to (x, y, z). */
  nearest(x: number, y: number, z: number): number {
    const P = this.points, o = this.order, A = this.axis;
    let best = -1, bestD = Infinity;
    const q = [x, y, z];
    const visit = (lo: number, hi: number): void => {
      if (hi <= lo) return;
      const mid = (lo + hi) >> 1;
      const i = o[mid];
      const dx = P[3 * i] - x, dy = P[3 * i + 1] - y, dz = P[3 * i + 2] - z;
      const d = dx * dx + dy * dy + dz * dz;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
      if (hi - lo === 1) return;
      const diff = q[A[mid]] - P[3 * i + A[mid]];
      if (diff < 0) {
        visit(lo, mid);
        if (diff * diff < bestD) visit(mid + 1, hi);
      } else {
        visit(mid + 1, hi);
        if (diff * diff < bestD) visit(lo, mid);
      }
    };
    visit(0, o.length);
    return best;
  }

  /**
   * The point of the nearest sample's tangent plane closest to (x, y, z), written at out[o..o+2]
   * (the sample itself when the foot would leave the sample's neighbourhood); returns the distance.
   */
  closest(x: number, y: number, z: number, out: Float64Array, o: number): number {
    const i = this.nearest(x, y, z);
    const P = this.points, N = this.normals;
    const px = P[3 * i], py = P[3 * i + 1], pz = P[3 * i + 2];
    const nx = N[3 * i], ny = N[3 * i + 1], nz = N[3 * i + 2];
    const h = (x - px) * nx + (y - py) * ny + (z - pz) * nz;
    const fx = x - h * nx, fy = y - h * ny, fz = z - h * nz;
    const tangential = Math.hypot(fx - px, fy - py, fz - pz);
    if (tangential <= 2 * this.spacing) {
      out[o] = fx;
      out[o + 1] = fy;
      out[o + 2] = fz;
      return Math.abs(h);
    }
    out[o] = px;
    out[o + 1] = py;
    out[o + 2] = pz;
    return Math.hypot(x - px, y - py, z - pz);
  }
}

const cache = new WeakMap<TriMesh, SurfacePointIndex>();

export function surfacePointIndex(mesh: TriMesh): SurfacePointIndex {
  let s = cache.get(mesh);
  if (!s) cache.set(mesh, (s = new SurfacePointIndex(mesh)));
  return s;
}
