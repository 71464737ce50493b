import type { RenderedView } from './rasterize';
import type { View } from './views';
import type { TriMesh } from '../mesh/triMesh';
import { triangleCross } from '../math/triangle';

/**
 * Lifts each view's chosen mask onto the mesh: every masked pixel votes for the triangle the id
 * buffer shows there, but only after a depth check (the pixel's point, unprojected from the depth
 * buffer, must lie on that triangle's plane within `eps`), so a stale or mismatched id buffer
 * cannot paint a triangle the pixel does not see. A triangle is selected when at least one of
 * its visible pixels, and at least `minCoverage` of them over all views, are masked (0: any
 * masked pixel, right for fine meshes; 0.5 stops a mask that spills onto a large neighbouring
 * triangle from taking all of it).
 */
export function liftMasks(mesh: TriMesh, views: { view: View; render: RenderedView; mask: Uint8Array | null }[], eps: number, minCoverage = 0): Uint8Array {
  const nt = mesh.indices.length / 3;
  const seen = new Uint32Array(nt),
    hit = new Uint32Array(nt);
  for (const { view, render, mask } of views) {
    const { width, height, id, depth } = render;
    for (let i = 0; i < id.length; i++) {
      const t = id[i];
      if (t < 0) continue;
      seen[t]++;
      if (!mask || !mask[i]) continue;
      const p = view.unproject(((i % width) + 0.5) / width, (Math.floor(i / width) + 0.5) / height, depth[i]);
      if (planeDistance(mesh, t, p) <= eps) hit[t]++;
    }
  }
  const selected = new Uint8Array(nt);
  for (let t = 0; t < nt; t++) selected[t] = hit[t] > 0 && hit[t] >= minCoverage * seen[t] ? 1 : 0;
  return selected;
}

const normal = new Float64Array(3);

function planeDistance(mesh: TriMesh, t: number, q: [number, number, number]): number {
  const p = mesh.positions,
    idx = mesh.indices;
  const a = 3 * idx[3 * t];
  triangleCross(p, a, 3 * idx[3 * t + 1], 3 * idx[3 * t + 2], normal);
  const len = Math.hypot(normal[0], normal[1], normal[2]);
  if (len === 0) return Infinity;
  return Math.abs((q[0] - p[a]) * normal[0] + (q[1] - p[a + 1]) * normal[1] + (q[2] - p[a + 2]) * normal[2]) / len;
}
