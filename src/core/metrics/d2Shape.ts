import type { SurfaceSampler } from './surfaceSampling';
import type { Rng } from './rng';

/**
 * D2 shape distribution (Osada et al. 2002): distances between `pairs` random pairs of
 * area-weighted surface points, returned sorted (the empirical quantile function).
 */
export function d2Distances(sampler: SurfaceSampler, pairs: number, rng: Rng): Float64Array {
  const a = new Float64Array(3),
    b = new Float64Array(3);
  const out = new Float64Array(pairs);
  for (let i = 0; i < pairs; i++) {
    sampler.pointOnTriangle(sampler.pickTriangle(rng()), rng(), rng(), a, 0);
    sampler.pointOnTriangle(sampler.pickTriangle(rng()), rng(), rng(), b, 0);
    out[i] = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
  }
  return out.sort();
}

/**
 * 1-D Wasserstein-1 distance between two empirical distributions given as sorted samples:
 * the integral over u in [0,1] of |F^-1(u) - G^-1(u)|, exact for step quantile functions of any
 * two sample counts.
 */
export function wasserstein1Sorted(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length,
    m = b.length;
  if (n === 0 || m === 0) throw new RangeError('Wasserstein distance of an empty distribution');
  let i = 0,
    j = 0,
    u = 0,
    sum = 0;
  while (i < n && j < m) {
    const nextA = (i + 1) / n,
      nextB = (j + 1) / m;
    const next = Math.min(nextA, nextB);
    sum += (next - u) * Math.abs(a[i] - b[j]);
    u = next;
    if (nextA <= next) i++;
    if (nextB <= next) j++;
  }
  return sum;
}
