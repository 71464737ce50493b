import { triangleArea } from '../math/triangle';
import type { TriMesh } from '../mesh/triMesh';
import type { Rng } from './rng';

/** Cumulative triangle areas, so samples can be drawn area-weighted in O(log n) each. */
export class SurfaceSampler {
  readonly cumulative: Float64Array;
  readonly totalArea: number;

  constructor(readonly mesh: TriMesh) {
    const { positions: p, indices: ix } = mesh;
    const n = ix.length / 3;
    this.cumulative = new Float64Array(n);
    let sum = 0;
    for (let t = 0; t < n; t++) {
      const a = 3 * ix[3 * t],
        b = 3 * ix[3 * t + 1],
        c = 3 * ix[3 * t + 2];
      sum += triangleArea(p, a, b, c);
      this.cumulative[t] = sum;
    }
    this.totalArea = sum;
  }

  /** Index of the triangle whose cumulative-area interval contains u * totalArea. */
  pickTriangle(u: number): number {
    const target = u * this.totalArea;
    const c = this.cumulative;
    let lo = 0,
      hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (c[mid] <= target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Writes one uniform point of triangle t (square-root barycentric warp) at out[o..o+2]. */
  pointOnTriangle(t: number, r1: number, r2: number, out: Float32Array | Float64Array, o: number): void {
    const { positions: p, indices: ix } = this.mesh;
    const a = 3 * ix[3 * t],
      b = 3 * ix[3 * t + 1],
      c = 3 * ix[3 * t + 2];
    const s = Math.sqrt(r1);
    const wa = 1 - s,
      wb = s * (1 - r2),
      wc = s * r2;
    out[o] = wa * p[a] + wb * p[b] + wc * p[c];
    out[o + 1] = wa * p[a + 1] + wb * p[b + 1] + wc * p[c + 1];
    out[o + 2] = wa * p[a + 2] + wb * p[b + 2] + wc * p[c + 2];
  }

  /** n area-weighted uniform surface points, xyz interleaved. */
  sample(n: number, rng: Rng): Float64Array {
    const out = new Float64Array(3 * n);
    for (let i = 0; i < n; i++) this.pointOnTriangle(this.pickTriangle(rng()), rng(), rng(), out, 3 * i);
    return out;
  }
}

/**
 * Area-weighted samples over several meshes at once (a hand's links): returns, per mesh, the
 * samples that landed on it, so each part can transform its own samples with its own pose.
 */
export function sampleAcross(samplers: SurfaceSampler[], n: number, rng: Rng): Float64Array[] {
  const total = samplers.reduce((s, m) => s + m.totalArea, 0);
  const buckets: number[][] = samplers.map(() => []);
  if (total <= 0 || samplers.length === 0) return buckets.map(() => new Float64Array(0));
  const tmp = new Float64Array(3);
  for (let i = 0; i < n; i++) {
    let u = rng() * total;
    let k = 0;
    while (k < samplers.length - 1 && u >= samplers[k].totalArea) {
      u -= samplers[k].totalArea;
      k++;
    }
    const s = samplers[k];
    const t = s.pickTriangle(Math.min(u / s.totalArea, 1));
    s.pointOnTriangle(t, rng(), rng(), tmp, 0);
    buckets[k].push(tmp[0], tmp[1], tmp[2]);
  }
  return buckets.map((b) => Float64Array.from(b));
}
