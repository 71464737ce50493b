import type { TriMesh } from '../mesh/triMesh';
import { SurfaceSampler } from '../metrics/surfaceSampling';
import { makeMetricsRng } from '../metrics/rng';
import { fitSimilarity } from './fitSimilarity';
import { fitPointToPlane } from './fitPointToPlane';
import { pcaStarts } from './pcaStarts';
import { SurfacePointIndex, surfacePointIndex } from './surfacePointIndex';
import type { Vec3 } from '../hands/types';
import { applySimilarity, composeSimilarity, invertSimilarity, type Similarity } from './similarity';

export interface AlignOptions {
  /** reconstruction surface points used by ICP (area-weighted); default 1000 */
  samples?: number;
  /** points per side and start in the coarse round that ranks the PCA starts; default 100 */
  coarseSamples?: number;
  /** a point within this distance of the reference after alignment is an inlier [m]; default 0.005 */
  inlierDistance?: number;
  /** rounds of the final refinement on all points; default 12 */
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
  /** ICP rounds, all starts and stages together */
  iterations: number;
  /** closest-point queries, all rounds together: the work done, whatever the machine's load */
  queries: number;
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
  queries: number;
}

interface Side {
  /** surface points of this side, in its own frame */
  pts: Float64Array;
  /** the other side's surface */
  other: SurfacePointIndex;
  /** true: pts are reconstruction points matched on the reference; false: the reverse */
  forward: boolean;
  /** reverse side: the reference points' normals (point-to-plane pairs use the reference's planes both ways) */
  normals?: Float64Array;
}

/** Lower median of d, using `scratch` (at least as long) so the hot loop allocates nothing. */
function median(d: Float64Array, scratch: Float64Array): number {
  const s = scratch.subarray(0, d.length);
  s.set(d);
  return s.sort()[d.length >> 1];
}

/**
 * Symmetric trimmed ICP with scale. Each round pairs every reconstruction point with the closest
 * point of the reference surface and every reference point with the closest point of the
 * reconstruction (both directions, so a shrunken copy cannot hide inside a hollow object such as
 * a mug or a syringe barrel), drops pairs further than three times their direction's median
 * distance (outliers, a handle the reconstruction lost) but never those within the inlier
 * distance, and refits the similarity to the rest. Stops after `maxIterations` rounds or when a
 * round moves the points by less than `tolerance` (RMS, metres, reference frame).
 */
function icp(sides: [Side, Side], start: Similarity, inlier: number, maxIterations: number, tolerance: number, planes: boolean): Pass {
  const counts = sides.map((s) => s.pts.length / 3);
  const total = counts[0] + counts[1];
  const x = new Float64Array(3 * total); // reconstruction side of each pair, moved into the reference frame
  const y = new Float64Array(3 * total); // reference side
  const w = new Float64Array(total);
  const nv = new Float64Array(3 * total); // reference normal at each pair
  const dists = counts.map((n) => new Float64Array(n));
  const scratch = new Float64Array(Math.max(...counts));
  const q = new Float64Array(3);
  let T = start;
  let iterations = 0,
    rounds = 0;
  const pair = (t: Similarity) => {
    const inv = invertSimilarity(t);
    let o = 0;
    for (let si = 0; si < 2; si++) {
      const { pts, other, forward } = sides[si];
      const d = dists[si];
      const m = forward ? t : inv;
      const R = m.rotation,
        s = m.scale,
        [tx, ty, tz] = m.translation;
      const r0 = s * R[0],
        r1 = s * R[1],
        r2 = s * R[2],
        r3 = s * R[3],
        r4 = s * R[4],
        r5 = s * R[5],
        r6 = s * R[6],
        r7 = s * R[7],
        r8 = s * R[8];
      for (let i = 0; i < counts[si]; i++, o++) {
        const a = pts[3 * i],
          b = pts[3 * i + 1],
          c = pts[3 * i + 2];
        const px = r0 * a + r1 * b + r2 * c + tx,
          py = r3 * a + r4 * b + r5 * c + ty,
          pz = r6 * a + r7 * b + r8 * c + tz;
        if (forward) {
          x[3 * o] = px;
          x[3 * o + 1] = py;
          x[3 * o + 2] = pz;
          d[i] = other.closest(px, py, pz, y, 3 * o);
          other.lastNormal(nv, 3 * o);
        } else {
          // Matched in the reconstruction's frame, then the match is moved like the reconstruction.
          d[i] = other.closest(px, py, pz, q, 0) * t.scale;
          applySimilarity(t, q, P);
          x[3 * o] = P[0];
          x[3 * o + 1] = P[1];
          x[3 * o + 2] = P[2];
          y[3 * o] = a;
          y[3 * o + 1] = b;
          y[3 * o + 2] = c;
          nv.set(sides[si].normals!.subarray(3 * i, 3 * i + 3), 3 * o);
        }
      }
    }
  };
  // Truncated quadratic: every point counts, none more than an inlier at the threshold, so a
  // handle matched wrongly costs what it should, and outliers cannot dominate.
  const cap = inlier * inlier;
  const score = () => dists.reduce((k, d) => k + d.reduce((a, v) => a + Math.min(v * v, cap), 0) / d.length, 0);
  for (; iterations < maxIterations; iterations++) {
    pair(T);
    rounds++;
    let o = 0,
      used = 0;
    for (const d of dists) {
      const tau = Math.max(3 * median(d, scratch), inlier);
      for (let i = 0; i < d.length; i++, o++) used += w[o] = d[i] <= tau ? 1 : 0;
    }
    if (used < 6) break;
    // The fit is of the moved points, so it is composed after T.
    const step = (planes && fitPointToPlane(x, y, nv, w)) || fitSimilarity(x, y, w);
    T = composeSimilarity(step, T);
    if (rmsMotion(step, x, w) < tolerance) {
      iterations++;
      break;
    }
  }
  pair(T);
  return { transform: T, score: score(), iterations, queries: (rounds + 1) * total };
}
const P: Vec3 = [0, 0, 0];

/** RMS distance the weighted points x move under `step` [m]. */
function rmsMotion(step: Similarity, x: Float64Array, w: Float64Array): number {
  let ss = 0,
    W = 0;
  for (let i = 0; i < w.length; i++) {
    if (!w[i]) continue;
    applySimilarity(step, x.subarray(3 * i, 3 * i + 3), P);
    ss += (P[0] - x[3 * i]) ** 2 + (P[1] - x[3 * i + 1]) ** 2 + (P[2] - x[3 * i + 2]) ** 2;
    W++;
  }
  return W ? Math.sqrt(ss / W) : 0;
}

interface Stage {
  /** points per side */
  points: number;
  rounds: number;
  /** stop when a round moves the points less than this (RMS) [m] */
  tolerance: number;
  /** how many of the best go on to the next stage */
  keep: number;
  /** point-to-plane steps (else point-to-point) */
  planes: boolean;
}
// Coarse: every PCA start, point-to-point (robust far from the fit), enough rounds that a long
// object (the sample's sword) has slid into place before starts are ranked. Medium and fine:
// point-to-plane Gauss-Newton steps, which converge in a few rounds where point-to-point creeps,
// so they stop early on the motion tolerance. Queries per alignment (8 starts): ~17k + ~20k + ~13k.
const COARSE: Stage = { points: 100, rounds: 10, tolerance: 0, keep: 0, planes: false };
const MEDIUM: Stage = { points: 300, rounds: 8, tolerance: 2e-5, keep: 3, planes: true };
const FINE: Stage = { points: 0, rounds: 12, tolerance: 5e-6, keep: 1, planes: true };

/**
 * The similarity (scale, rotation, translation) mapping `reconstruction` onto `reference`: every
 * PCA-based start is refined briefly on a few points, the best few on more, and the best of
 * those on all points.
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
    { pts: refPts.subarray(0, 3 * Math.min(count, refPts.length / 3)), other: reconIndex, forward: false, normals: index.normals },
  ];
  const starts = pcaStarts(pts, refPts);
  const passes: Pass[] = [];
  const run = (sides: [Side, Side], from: Similarity, stage: Stage) => {
    const r = icp(sides, from, inlier, stage.rounds, stage.tolerance, stage.planes);
    passes.push(r);
    return r;
  };
  const byScore = (a: Pass, b: Pass) => a.score - b.score;
  const coarse = sidesOf(opts.coarseSamples ?? COARSE.points);
  const ranked = starts.map((s) => run(coarse, s, COARSE)).sort(byScore);
  const medium = sidesOf(MEDIUM.points);
  const finalists = ranked
    .slice(0, MEDIUM.keep)
    .map((r) => run(medium, r.transform, MEDIUM))
    .sort(byScore);
  const best = run(sidesOf(pts.length / 3), finalists[0].transform, { ...FINE, rounds: opts.maxIterations ?? FINE.rounds });
  const iterations = passes.reduce((k, r) => k + r.iterations, 0);
  let queries = passes.reduce((k, r) => k + r.queries, 0);
  const T = best.transform;
  // Residuals against the reference surface as ICP sees it (nearest sample's tangent plane): an
  // exact three-mesh-bvh closest-point query costs ~100 us here, the whole ICP about as much as 1,000 of them.
  const out = new Float64Array(3);
  const p: [number, number, number] = [0, 0, 0];
  let inliers = 0,
    ss = 0;
  const n = pts.length / 3;
  for (let i = 0; i < n; i++) {
    applySimilarity(T, pts.subarray(3 * i, 3 * i + 3), p);
    const d = index.closest(p[0], p[1], p[2], out, 0);
    if (d <= inlier) {
      inliers++;
      ss += d * d;
    }
  }
  queries += n;
  return { transform: T, rmsMm: inliers ? Math.sqrt(ss / inliers) * 1000 : NaN, inliers: inliers / n, starts: starts.length, iterations, queries };
}
