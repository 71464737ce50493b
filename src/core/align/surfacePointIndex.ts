import { triangleNormal } from '../math/triangle';
import type { TriMesh } from '../mesh/triMesh';
import { SurfaceSampler } from '../metrics/surfaceSampling';
import { makeMetricsRng } from '../metrics/rng';

/** Samples per leaf: scanning a few contiguous points is cheaper than descending to each. */
const LEAF = 8;

/**
 * Dense area-weighted samples of a surface, each with its triangle's normal, in a k-d tree: the
 * nearest sample plus its tangent plane stands in for the closest surface point. ICP asks this
 * tens of thousands of times per alignment; an exact closest-point query on the mesh BVH
 * (three-mesh-bvh) costs tens of microseconds each, this about one.
 */
export class SurfacePointIndex {
  /** the samples in the order they were drawn (any prefix is an unbiased subsample), xyz interleaved */
  readonly points: Float64Array;
  readonly normals: Float64Array;
  /** mean spacing between samples [m] */
  readonly spacing: number;
  /** tree-ordered copies of points and normals: a node's samples are contiguous, so leaves scan memory in order */
  private tp: Float64Array;
  private tn: Float64Array;
  /** per node: split axis and value, bounding box (x0 y0 z0 x1 y1 z1) */
  private axis: Uint8Array;
  private split: Float64Array;
  private boxes: Float64Array;
  /** tree position -> index in `points` */
  private sampleOf: Int32Array;
  private stackNode = new Int32Array(128);
  private stackLo = new Int32Array(128);
  private stackHi = new Int32Array(128);
  /** tree position of the sample found by the last query */
  private lastNearest = -1;
  /** tree nodes and leaf samples visited since construction: a measure of work that does not depend on the machine's load */
  visits = 0;

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
      const a = 3 * ix[3 * t],
        b = 3 * ix[3 * t + 1],
        c = 3 * ix[3 * t + 2];
      triangleNormal(p, a, b, c, this.normals, 3 * i);
    }
    this.spacing = Math.sqrt(sampler.totalArea / n);
    const order = Int32Array.from({ length: n }, (_, i) => i);
    // Halving down to LEAF samples: heap numbers stay below 4n / LEAF.
    const nodes = 4 * Math.ceil(n / LEAF) + 4;
    this.axis = new Uint8Array(nodes);
    this.split = new Float64Array(nodes);
    this.boxes = new Float64Array(6 * nodes);
    this.build(order, 1, 0, n);
    this.sampleOf = order;
    this.tp = new Float64Array(3 * n);
    this.tn = new Float64Array(3 * n);
    for (let k = 0; k < n; k++) {
      const i = order[k];
      for (let c = 0; c < 3; c++) {
        this.tp[3 * k + c] = this.points[3 * i + c];
        this.tn[3 * k + c] = this.normals[3 * i + c];
      }
    }
  }

  // Implicit tree over order[lo..hi), nodes numbered as in a heap (children 2i and 2i + 1): split
  // at the middle along the widest axis of the node's bounding box, [lo, mid) below the split
  // value, [mid, hi) at or above it. Every node keeps its samples' tight bounding box, which
  // prunes far better than the split planes alone (surface samples leave most of a cell empty).
  private build(o: Int32Array, node: number, lo: number, hi: number): void {
    const P = this.points;
    let x0 = Infinity,
      y0 = Infinity,
      z0 = Infinity,
      x1 = -Infinity,
      y1 = -Infinity,
      z1 = -Infinity;
    for (let k = lo; k < hi; k++) {
      const i = 3 * o[k];
      const x = P[i],
        y = P[i + 1],
        z = P[i + 2];
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      if (z < z0) z0 = z;
      if (z > z1) z1 = z;
    }
    const B = this.boxes;
    B[6 * node] = x0;
    B[6 * node + 1] = y0;
    B[6 * node + 2] = z0;
    B[6 * node + 3] = x1;
    B[6 * node + 4] = y1;
    B[6 * node + 5] = z1;
    if (hi - lo <= LEAF) return;
    const ax = x1 - x0 >= y1 - y0 && x1 - x0 >= z1 - z0 ? 0 : y1 - y0 >= z1 - z0 ? 1 : 2;
    const mid = (lo + hi) >> 1;
    select(o, P, ax, lo, hi - 1, mid);
    this.axis[node] = ax;
    this.split[node] = P[3 * o[mid] + ax];
    this.build(o, 2 * node, lo, mid);
    this.build(o, 2 * node + 1, mid, hi);
  }

  /** Tree position of the sample nearest to (x, y, z) (exact). */
  private nearestPosition(x: number, y: number, z: number): number {
    const P = this.tp,
      A = this.axis,
      S = this.split,
      B = this.boxes;
    const sNode = this.stackNode,
      sLo = this.stackLo,
      sHi = this.stackHi;
    let best = -1,
      bestD = Infinity,
      visits = 0;
    sNode[0] = 1;
    sLo[0] = 0;
    sHi[0] = P.length / 3;
    let sp = 1;
    while (sp > 0) {
      sp--;
      const node = sNode[sp],
        lo = sLo[sp],
        hi = sHi[sp];
      const b = 6 * node;
      const ex = x < B[b] ? B[b] - x : x > B[b + 3] ? x - B[b + 3] : 0;
      const ey = y < B[b + 1] ? B[b + 1] - y : y > B[b + 4] ? y - B[b + 4] : 0;
      const ez = z < B[b + 2] ? B[b + 2] - z : z > B[b + 5] ? z - B[b + 5] : 0;
      visits++;
      if (ex * ex + ey * ey + ez * ez >= bestD) continue;
      if (hi - lo <= LEAF) {
        for (let k = lo; k < hi; k++) {
          const dx = P[3 * k] - x,
            dy = P[3 * k + 1] - y,
            dz = P[3 * k + 2] - z;
          const d = dx * dx + dy * dy + dz * dz;
          if (d < bestD) {
            bestD = d;
            best = k;
          }
        }
        visits += hi - lo;
        continue;
      }
      const mid = (lo + hi) >> 1;
      const ax = A[node];
      // Far side first on the stack, so the near side is searched first and tightens bestD.
      const below = (ax === 0 ? x : ax === 1 ? y : z) < S[node];
      sNode[sp] = below ? 2 * node + 1 : 2 * node;
      sLo[sp] = below ? mid : lo;
      sHi[sp] = below ? hi : mid;
      sp++;
      sNode[sp] = below ? 2 * node : 2 * node + 1;
      sLo[sp] = below ? lo : mid;
      sHi[sp] = below ? mid : hi;
      sp++;
    }
    this.visits += visits;
    this.lastNearest = best;
    return best;
  }

  /** Index (in `points`' order) of the sample nearest to (x, y, z). */
  nearest(x: number, y: number, z: number): number {
    return this.sampleOf[this.nearestPosition(x, y, z)];
  }

  /** Writes the normal of the sample the last query found at out[o..o+2]. */
  lastNormal(out: Float64Array, o: number): void {
    const k = 3 * this.lastNearest,
      N = this.tn;
    out[o] = N[k];
    out[o + 1] = N[k + 1];
    out[o + 2] = N[k + 2];
  }

  /**
   * The point of the nearest sample's tangent plane closest to (x, y, z), written at out[o..o+2]
   * (the sample itself when the foot would leave the sample's neighbourhood); returns the distance.
   */
  closest(x: number, y: number, z: number, out: Float64Array, o: number): number {
    const i = this.nearestPosition(x, y, z);
    const P = this.tp,
      N = this.tn;
    const px = P[3 * i],
      py = P[3 * i + 1],
      pz = P[3 * i + 2];
    const nx = N[3 * i],
      ny = N[3 * i + 1],
      nz = N[3 * i + 2];
    const h = (x - px) * nx + (y - py) * ny + (z - pz) * nz;
    const fx = x - h * nx,
      fy = y - h * ny,
      fz = z - h * nz;
    const tx = fx - px,
      ty = fy - py,
      tz = fz - pz;
    const reach = 2 * this.spacing;
    if (tx * tx + ty * ty + tz * tz <= reach * reach) {
      out[o] = fx;
      out[o + 1] = fy;
      out[o + 2] = fz;
      return Math.abs(h);
    }
    out[o] = px;
    out[o + 1] = py;
    out[o + 2] = pz;
    return Math.sqrt((x - px) * (x - px) + (y - py) * (y - py) + (z - pz) * (z - pz));
  }
}

/** Reorders o[lo..hi] so that o[k] holds the k-th smallest by coordinate `ax` (Hoare's quickselect). */
function select(o: Int32Array, P: Float64Array, ax: number, lo: number, hi: number, k: number): void {
  while (hi > lo) {
    const pivot = P[3 * o[(lo + hi) >> 1] + ax];
    let i = lo,
      j = hi;
    while (i <= j) {
      while (P[3 * o[i] + ax] < pivot) i++;
      while (P[3 * o[j] + ax] > pivot) j--;
      if (i <= j) {
        const t = o[i];
        o[i] = o[j];
        o[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

const cache = new WeakMap<TriMesh, SurfacePointIndex>();

export function surfacePointIndex(mesh: TriMesh): SurfacePointIndex {
  let s = cache.get(mesh);
  if (!s) cache.set(mesh, (s = new SurfacePointIndex(mesh)));
  return s;
}
