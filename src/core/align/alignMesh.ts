import type { TriMesh } from '../mesh/triMesh';
import { SurfaceSampler } from '../metrics/surfaceSampling';
import { makeMetricsRng } from '../metrics/rng';
import { fitSimilarity } from './fitSimilarity';
import { pcaStarts } from './pcaStarts';
import { SurfacePointIndex, surfacePointIndex } from './surfacePointIndex';
import type { Vec3 } from '../hands/types';
import { applySimilarity, composeSimilarity, IDENTITY_SIMILARITY, invertSimilarity, rotationAngleBetween, type Similarity } from './similarity';

export interface AlignOptions {
  /** reconstruction surface points used by ICP (area-weighted); default 1000 */
  samples?: number;
  /** points per side and start in the coarse round that ranks the PCA starts; default 150 */
  coarseSamples?: number;
  /** a point within this distance of the reference after alignment is an inlier [m]; default 0.005 */
  inlierDistance?: number;
  maxIterations?: number;
  seed?: number;
}

export interface AlignResult {
  /** reconstruction frame -> reference frame */
  transform: Similarity;
  /** RMS distance of the inliers to the reference surface (tangent planes of 6,000 samples) [mm, reference frame] */
  rmsMm: number;
  /** fraction of reconstruction surface points within `inlierDistance` of the reference */
  inliers: number;
  starts: number;
  iterations: number;
}

function samplePoints(mesh: TriMesh, n: number, seed: number): Float64Array {
  if (mesh.indices.length < 3) throw new Error('the reconstruction mesh has no triangles');
  const sampler = new SurfaceSampler(mesh);
  if (!(sampler.totalArea > 0)) throw new Error('the reconstruction mesh has zero area');
  return sampler.sample(n, makeMetricsRng(seed));
}

interface Pass {
  transform: Similarity;
  /** mean truncated squared distance, both directions: a score comparable between starts */
  score: number;
  iterations: number;
}

interface Side {
  /** surface points of this side, in its own frame */
  pts: Float64Array;
  /** the other side's surface */
  other: SurfacePointIndex;
  /** true: pts are reconstruction points matched on the reference; false: the reverse */
  forward: boolean;
}

const median = (d: Float64Array) => Float64Array.from(d).sort()[d.length >> 1];

/**
 * Symmetric trimmed ICP with scale. Each round pairs every reconstruction point with the closest
 * point of the reference surface and every reference point with the closest point of the
 * reconstruction (both directions, so a shrunken copy cannot hide inside a hollow object such as
 * a mug or a syringe barrel), drops pairs further than three times their direction's median
 * distance (outliers, a handle the reconstruction lost) but never those within the inlier
 * distance, and refits the similarity to the rest.
 */
function icp(sides: [Side, Side], start: Similarity, inlier: number, maxIterations: number): Pass {
  const total = sides.reduce((k, s) => k + s.pts.length / 3, 0);
  const x = new Float64Array(3 * total); // reconstruction side of each pair, moved into the reference frame
  const y = new Float64Array(3 * total); // reference side
  const w = new Float64Array(total);
  const dists = sides.map((s) => new Float64Array(s.pts.length / 3));
  const p: Vec3 = [0, 0, 0];
  const q = new Float64Array(3);
  let T = start;
  let iterations = 0;
  const pair = (t: Similarity) => {
    const inv = invertSimilarity(t);
    let o = 0;
    sides.forEach((side, si) => {
      const n = side.pts.length / 3, d = dists[si];
      for (let i = 0; i < n; i++, o++) {
        const own = side.pts.subarray(3 * i, 3 * i + 3);
        if (side.forward) {
          applySimilarity(t, own, p);
          x.set(p, 3 * o);
          d[i] = side.other.closest(p[0], p[1], p[2], y, 3 * o);
        } else {
          applySimilarity(inv, own, p);
          d[i] = side.other.closest(p[0], p[1], p[2], q, 0) * t.scale;
          x.set(applySimilarity(t, q, p), 3 * o);
          y.set(own, 3 * o);
        }
      }
    });
  };
  // Truncated quadratic: every point counts, none more than an inlier at the threshold, so a
  // handle matched wrongly costs what it should, and outliers cannot dominate.
  const cap = inlier * inlier;
  const score = () => dists.reduce((k, d) => k + d.reduce((a, v) => a + Math.min(v * v, cap), 0) / d.length, 0);
  for (; iterations < maxIterations; iterations++) {
    pair(T);
    let o = 0, used = 0;
    for (const d of dists) {
      const tau = Math.max(3 * median(d), inlier);
      for (let i = 0; i < d.length; i++, o++) used += w[o] = d[i] <= tau ? 1 : 0;
    }
    if (used < 6) break;
    // The fit is of the moved points, so it is composed after T.
    const step = fitSimilarity(x, y, w);
    T = composeSimilarity(step, T);
    if (Math.abs(step.scale - 1) < 1e-5 && rotationAngleBetween(step.rotation, IDENTITY_SIMILARITY.rotation) < 1e-5 && Math.hypot(...step.translation) < 1e-6) {
      iterations++;
      break;
    }
  }
  pair(T);
  return { transform: T, score: score(), iterations };
}

/**
 * The similarity (scale, rotation, translation) mapping `reconstruction` onto `reference`: every
 * PCA-based start is refined briefly on a few points, the best few are refined on all points,
 * and the best of those is kept.
 */
export function alignToReference(reconstruction: TriMesh, reference: TriMesh, opts: AlignOptions = {}): AlignResult {
  const inlier = opts.inlierDistance ?? 0.005;
  if (reference.indices.length < 3) throw new Error('the reference mesh has no triangles');
  const index = surfacePointIndex(reference);
  const seed = opts.seed ?? 1;
  const pts = samplePoints(reconstruction, opts.samples ?? 1000, seed);
  const reconIndex = new SurfacePointIndex(reconstruction, 3000, seed + 2);
  const refPts = index.points;
  const sidesOf = (count: number): [Side, Side] => [
    { pts: pts.subarray(0, 3 * Math.min(count, pts.length / 3)), other: index, forward: true },
    { pts: refPts.subarray(0, 3 * Math.min(count, refPts.length / 3)), other: reconIndex, forward: false },
  ];
  const starts = pcaStarts(pts, refPts);
  const coarse = sidesOf(opts.coarseSamples ?? 150);
  const ranked = starts.map((s) => icp(coarse, s, inlier, 8)).sort((a, b) => a.score - b.score);
  let iterations = ranked.reduce((k, r) => k + r.iterations, 0);
  const medium = sidesOf(300);
  const finalists = ranked.slice(0, 3).map((r) => icp(medium, r.transform, inlier, 10)).sort((a, b) => a.score - b.score);
  iterations += finalists.reduce((k, r) => k + r.iterations, 0);
  const best = icp(sidesOf(pts.length / 3), finalists[0].transform, inlier, opts.maxIterations ?? 25);
  iterations += best.iterations;
  const T = best.transform;
  // Residuals against the reference surface as ICP sees it (nearest sample's tangent plane): an
  // exact three-mesh-bvh closest-point query costs ~100 us here, the whole ICP about as much as 1,000 of them.
  const out = new Float64Array(3);
  const p: [number, number, number] = [0, 0, 0];
  let inliers = 0, ss = 0;
  const n = pts.length / 3;
  for (let i = 0; i < n; i++) {
    applySimilarity(T, pts.subarray(3 * i, 3 * i + 3), p);
    const d = index.closest(p[0], p[1], p[2], out, 0);
    if (d <= inlier) {
      inliers++;
      ss += d * d;
    }
  }
  return { transform: T, rmsMm: inliers ? Math.sqrt(ss / inliers) * 1000 : NaN, inliers: inliers / n, starts: starts.length, iterations };
}
