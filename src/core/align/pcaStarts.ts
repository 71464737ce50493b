import type { Vec3 } from '../hands/types';
import { principalAxes } from '../math/principalAxes';
import { cross } from '../math/vec3';
import { mul3, type Similarity } from './similarity';

/** Centroid, principal axes (rows of a proper rotation, largest spread first) and spreads of xyz points. */
export function pointFrame(points: Float64Array): { centroid: Vec3; axes: number[]; spread: Vec3 } {
  const { centroid, axes, spread } = principalAxes({ positions: Float32Array.from(points) });
  const [a, b] = axes;
  const c: Vec3 = cross(a, b);
  return { centroid, axes: [...a, ...b, ...c], spread };
}

/** The 24 rotations that map the coordinate axes onto signed coordinate axes. */
function signedPermutations(): number[][] {
  const perms = [
    [0, 1, 2],
    [0, 2, 1],
    [1, 0, 2],
    [1, 2, 0],
    [2, 0, 1],
    [2, 1, 0],
  ];
  const out: number[][] = [];
  for (const p of perms) {
    for (let signs = 0; signs < 8; signs++) {
      const m = new Array(9).fill(0);
      for (let r = 0; r < 3; r++) m[3 * r + p[r]] = signs & (1 << r) ? -1 : 1;
      const det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
      if (det > 0) out.push(m);
    }
  }
  return out;
}
const PERMUTATIONS = signedPermutations();

/**
 * Initial similarities from the two point sets' centroids, principal axes and spreads. PCA fixes
 * the axes only up to sign (and up to order when two spreads are close), so every proper signed
 * permutation of the axes is a start; axis orders that contradict clearly different spreads are
 * dropped. Scale: ratio of the total spreads.
 */
export function pcaStarts(source: Float64Array, target: Float64Array): Similarity[] {
  const s = pointFrame(source),
    t = pointFrame(target);
  const scale = Math.hypot(...t.spread) / Math.max(1e-12, Math.hypot(...s.spread));
  const close = (i: number, j: number) => {
    const a = s.spread[i] / s.spread[0],
      b = s.spread[j] / s.spread[0];
    return Math.abs(a - b) < 0.2 || Math.abs(t.spread[i] / t.spread[0] - t.spread[j] / t.spread[0]) < 0.2;
  };
  const Tt = [t.axes[0], t.axes[3], t.axes[6], t.axes[1], t.axes[4], t.axes[7], t.axes[2], t.axes[5], t.axes[8]];
  const starts: Similarity[] = [];
  for (const P of PERMUTATIONS) {
    // P maps source axis j to target axis r where P[r][j] != 0; keep it only if those spreads may match.
    let plausible = true;
    for (let r = 0; r < 3; r++) for (let j = 0; j < 3; j++) if (P[3 * r + j] !== 0 && r !== j && !close(r, j)) plausible = false;
    if (!plausible) continue;
    // x -> Tt * P * S * (x - cs): source axes to the canonical frame, permute, canonical to target axes.
    const rotation = mul3(Tt, mul3(P, s.axes));
    const rc = [0, 1, 2].map((r) => rotation[3 * r] * s.centroid[0] + rotation[3 * r + 1] * s.centroid[1] + rotation[3 * r + 2] * s.centroid[2]);
    starts.push({ scale, rotation, translation: [0, 1, 2].map((k) => t.centroid[k] - scale * rc[k]) as Vec3 });
  }
  return starts;
}
