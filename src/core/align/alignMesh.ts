import type { TriMesh } from '../mesh/triMesh';
import { SurfaceSampler } from '../metrics/surfaceSampling';
import { makeMetricsRng } from '../metrics/rng';
import { fitSimilarity } from './fitSimilarity';
import { pcaStarts } from './pcaStarts';
import { referenceSurface } from './referenceSurface';
import { surfacePointIndex, type SurfacePointIndex } from './surfacePointIndex';
import { applySimilarity, composeSimilarity, rotationAngleBetween, type Similarity } from './similarity';

export interface AlignOptions {
  /** reconstruction surface points used by ICP (area-weighted); default 1200 */
  samples?: number;
  /** points per start in the coarse round that ranks the PCA starts; default 150 */
  coarseSamples?: number;
  /** a point within this distance of the reference after alignment is an inlier [m]; default 0.005 */
  inlierDistance?: number;
  maxIterations?: number;
  seed?: number;
}

export interface AlignResult {
  /** reconstruction frame -> reference frame */
  transform: Similarity;
  /** RMS distance of the inliers to the reference surface [mm, reference frame] */
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
  /** mean squared distance of the best 80% of points: a score comparable between starts */
  score: number;
  iterations: number;
}

/**
 * Trimmed ICP with scale: each round pairs every transformed point with its closest point on the
 * reference surface, drops pairs further than three times the median distance (outliers, parts
 * the reference lacks) but never those within the inlier distance, and refits the similarity to
 * the rest. Pairs go from the reconstruction to the reference, so parts the reconstruction lost
 * (a missing handle) leave no unmatched pairs.
 */
function icp(surface: SurfacePointIndex, pts: Float64Array, start: Similarity, inlier: number, maxIterations: number): Pass {
  const n = pts.length / 3;
  const moved = new Float64Array(pts.length);
  const closest = new Float64Array(pts.length);
  const dist = new Float64Array(n);
  const w = new Float64Array(n);
  const p: [number, number, number] = [0, 0, 0];
  let T = start;
  let iterations = 0;
  const pair = (t: Similarity) => {
    for (let i = 0; i < n; i++) {
      applySimilarity(t, pts.subarray(3 * i, 3 * i + 3), p);
      moved.set(p, 3 * i);
      dist[i] = surface.closest(p[0], p[1], p[2], closest, 3 * i);
    }
  };
  for (; iterations < maxIterations; iterations++) {
    pair(T);
    const sorted = Float64Array.from(dist).sort();
    const tau = Math.max(3 * sorted[n >> 1], inlier);
    let used = 0;
    for (let i = 0; i < n; i++) used += w[i] = dist[i] <= tau ? 1 : 0;
    if (used < 6) break;
    // The fit is of the moved points, so it is composed after T.
    const step = fitSimilarity(moved, closest, w);
    T = composeSimilarity(step, T);
    const moveLen = Math.hypot(...step.translation);
    if (Math.abs(step.scale - 1) < 1e-5 && rotationAngleBetween(step.rotation, [1, 0, 0, 0, 1, 0, 0, 0, 1]) < 1e-5 && moveLen < 1e-6) {
      iterations++;
      break;
    }
  }
  pair(T);
  const sorted = Float64Array.from(dist).sort();
  const keep = Math.max(1, Math.floor(n * 0.8));
  let ss = 0;
  for (let i = 0; i < keep; i++) ss += sorted[i] * sorted[i];
  return { transform: T, score: ss / keep, iterations };
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
  const pts = samplePoints(reconstruction, opts.samples ?? 1200, seed);
  const coarse = pts.subarray(0, 3 * Math.min(opts.coarseSamples ?? 150, pts.length / 3));
  const starts = pcaStarts(pts, index.points);
  const ranked = starts.map((s) => icp(index, coarse, s, inlier, 8)).sort((a, b) => a.score - b.score);
  let iterations = ranked.reduce((k, r) => k + r.iterations, 0);
  let best: Pass | null = null;
  const medium = pts.subarray(0, 3 * Math.min(400, pts.length / 3));
  const finalists = ranked.slice(0, 3).map((r) => icp(index, medium, r.transform, inlier, 10)).sort((a, b) => a.score - b.score);
  for (const r of finalists.slice(0, 1)) {
    const fine = icp(index, pts, r.transform, inlier, opts.maxIterations ?? 30);
    iterations += fine.iterations;
    if (!best || fine.score < best.score) best = fine;
  }
  const T = best!.transform;
  // The residual is measured against the mesh itself (exact closest points), not the samples.
  const surface = referenceSurface(reference);
  const out = new Float64Array(3);
  const p: [number, number, number] = [0, 0, 0];
  let inliers = 0, ss = 0;
  const n = pts.length / 3;
  for (let i = 0; i < n; i++) {
    applySimilarity(T, pts.subarray(3 * i, 3 * i + 3), p);
    const d = surface.closest(p[0], p[1], p[2], out, 0);
    if (d <= inlier) {
      inliers++;
      ss += d * d;
    }
  }
  return { transform: T, rmsMm: inliers ? Math.sqrt(ss / inliers) * 1000 : NaN, inliers: inliers / n, starts: starts.length, iterations };
}
