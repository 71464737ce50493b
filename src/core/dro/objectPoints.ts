import type { TriMesh } from '../mesh/triMesh';
import { makeMetricsRng } from '../metrics/rng';
import { SurfaceSampler } from '../metrics/surfaceSampling';

/**
 * M area-weighted uniform surface points of the object (object frame, metres), the same for the
 * same seed; `scale` is the grasp's objectScale (the mesh as the hand sees it).
 */
export function objectPointsOf(mesh: TriMesh, count: number, seed: number, scale = 1): Float64Array {
  const sampler = new SurfaceSampler(mesh);
  if (!(sampler.totalArea > 0)) throw new Error('object mesh has no surface area to sample points from');
  const pts = sampler.sample(count, makeMetricsRng(seed));
  if (scale !== 1) for (let i = 0; i < pts.length; i++) pts[i] *= scale;
  return pts;
}
