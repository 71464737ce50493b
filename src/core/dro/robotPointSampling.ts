import { linkTransforms } from '../hands/forwardKinematics';
import type { HandModel } from '../hands/handModel';

import { makeMetricsRng } from '../metrics/rng';
import { sampleAcross, SurfaceSampler } from '../metrics/surfaceSampling';
import { jointRecord, treeValues } from './handConfig';
import { transformPoints } from './kabsch';

export interface SampledRobotPoints {
  links: string[];
  local: [number, number, number][];
}

/**
 * DRO's robot cloud: `perLink` area-weighted surface samples on each link's geometry, placed at
 * the canonical pose q = 0.75*lower + 0.25*upper, then farthest point sampling down to `total`
 * points; each point keeps its link and link-frame position. The Python tools write the same
 * kind of cloud into dro.json; this one is for hands the tools have not seen and for tests.
 */
export function sampleRobotPoints(model: HandModel, opts: { total: number; perLink?: number; seed: number; exclude?: string[] }): SampledRobotPoints {
  const tree = model.kinematics;
  const parts = model.parts.visual ?? model.parts.collision ?? [];
  const exclude = new Set(opts.exclude ?? []);
  const perLink = opts.perLink ?? 512;
  const rng = makeMetricsRng(opts.seed);
  const canonical = tree.movable.map((ji) => {
    const j = tree.joints[ji];
    return Number.isFinite(j.lower) && Number.isFinite(j.upper) ? 0.75 * j.lower + 0.25 * j.upper : 0;
  });
  const frames = linkTransforms(tree, new Float64Array([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]), treeValues(tree, jointRecord(tree, canonical)));
  const links: string[] = [];
  const local: number[] = [];
  const world: number[] = [];
  for (const link of tree.links) {
    if (exclude.has(link)) continue;
    const own = parts.filter((p) => p.link === link && p.mesh.indices.length > 0);
    if (!own.length) continue;
    const samplers = own.map((p) => new SurfaceSampler(p.mesh));
    const buckets = sampleAcross(samplers, perLink, rng);
    const li = tree.linkIndex.get(link)!;
    own.forEach((p, k) => {
      const inLink = transformPoints(p.offset, buckets[k]);
      const inRoot = transformPoints(frames[li], inLink);
      for (let i = 0; i < inLink.length; i += 3) {
        links.push(link);
        local.push(inLink[i], inLink[i + 1], inLink[i + 2]);
        world.push(inRoot[i], inRoot[i + 1], inRoot[i + 2]);
      }
    });
  }
  const keep = farthestPointSampling(world, Math.min(opts.total, links.length));
  return {
    links: keep.map((i) => links[i]),
    local: keep.map((i) => [local[3 * i], local[3 * i + 1], local[3 * i + 2]]),
  };
}

/** Indices of k points chosen greedily, each the farthest from those already chosen (starting at point 0). */
export function farthestPointSampling(points: ArrayLike<number>, k: number): number[] {
  const n = points.length / 3;
  if (k <= 0 || n === 0) return [];
  const best = new Float64Array(n).fill(Infinity);
  const out = [0];
  let last = 0;
  while (out.length < k) {
    let far = -1,
      farD = -1;
    const lx = points[3 * last],
      ly = points[3 * last + 1],
      lz = points[3 * last + 2];
    for (let i = 0; i < n; i++) {
      const d = (points[3 * i] - lx) ** 2 + (points[3 * i + 1] - ly) ** 2 + (points[3 * i + 2] - lz) ** 2;
      if (d < best[i]) best[i] = d;
      if (best[i] > farD) {
        farD = best[i];
        far = i;
      }
    }
    out.push(far);
    last = far;
  }
  return out;
}
