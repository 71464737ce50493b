import type { TriMesh } from '../mesh/triMesh';
import { triangleNormal } from '../math/triangle';
import type { View } from './views';

/** One rendered view: colour for the vision models, and per pixel the front triangle and its depth. */
/**
 * A one-pixel checker on every surface (brightness ×1 / ×0.85): fine texture that blurring
 * removes, so a proposal left sharp stands out from its blurred context for CLIP.
 */
export function checkerFactor(px: number, py: number): number {
  return (px + py) & 1 ? 0.85 : 1;
}

export interface RenderedView {
  width: number;
  height: number;
  /** RGB, row-major from the top-left */
  rgb: Uint8Array;
  /** front-most triangle per pixel, -1 for background */
  id: Int32Array;
  /** distance along the view direction from the view's near plane, meters; Infinity for background */
  depth: Float32Array;
}

/**
 * Deterministic software rasterizer (orthographic, pixel-centre sampling, top-left fill rule by
 * strict/non-strict edge tests), so the same mesh gives the same pixels in Node, workers and
 * every browser. Shading depends only on each triangle's normal and a fixed light, not on any
 * knowledge of the parts: faces of different orientation, hence different parts, get different
 * colours, which is what a segmentation model needs to see them.
 */
export function rasterize(mesh: TriMesh, view: View, width: number, height: number): RenderedView {
  const n = width * height;
  const rgb = new Uint8Array(n * 3);
  const id = new Int32Array(n).fill(-1);
  const depth = new Float32Array(n).fill(Infinity);
  const { positions: p, indices: idx } = mesh;
  const sx = new Float64Array(3),
    sy = new Float64Array(3),
    sz = new Float64Array(3);
  for (let t = 0; t < idx.length / 3; t++) {
    for (let k = 0; k < 3; k++) {
      const v = 3 * idx[3 * t + k];
      const [x, y, z] = view.project(p[v], p[v + 1], p[v + 2]);
      sx[k] = x * width;
      sy[k] = y * height;
      sz[k] = z;
    }
    const area = (sx[1] - sx[0]) * (sy[2] - sy[0]) - (sx[2] - sx[0]) * (sy[1] - sy[0]);
    if (!(Math.abs(area) > 1e-12)) continue;
    const color = shade(p, idx, t, view);
    const x0 = Math.max(0, Math.floor(Math.min(sx[0], sx[1], sx[2]))),
      x1 = Math.min(width - 1, Math.ceil(Math.max(sx[0], sx[1], sx[2])));
    const y0 = Math.max(0, Math.floor(Math.min(sy[0], sy[1], sy[2]))),
      y1 = Math.min(height - 1, Math.ceil(Math.max(sy[0], sy[1], sy[2])));
    const inv = 1 / area;
    for (let py = y0; py <= y1; py++) {
      const cy = py + 0.5;
      for (let px = x0; px <= x1; px++) {
        const cx = px + 0.5;
        // Barycentric weights; both windings are drawn (meshes are not trusted to be oriented).
        const w0 = ((sx[1] - cx) * (sy[2] - cy) - (sx[2] - cx) * (sy[1] - cy)) * inv;
        const w1 = ((sx[2] - cx) * (sy[0] - cy) - (sx[0] - cx) * (sy[2] - cy)) * inv;
        const w2 = 1 - w0 - w1;
        if (w0 < 0 || w1 < 0 || w2 < 0) continue;
        const z = w0 * sz[0] + w1 * sz[1] + w2 * sz[2];
        const i = py * width + px;
        // Ties keep the lower triangle index: deterministic for coplanar overlaps.
        if (z < depth[i]) {
          depth[i] = z;
          id[i] = t;
          const f = checkerFactor(px, py);
          rgb[3 * i] = Math.round(color[0] * f);
          rgb[3 * i + 1] = Math.round(color[1] * f);
          rgb[3 * i + 2] = Math.round(color[2] * f);
        }
      }
    }
  }
  return { width, height, rgb, id, depth };
}

/** Colour (before the checker) from the object-frame normal (sign-free, so winding does not matter) lit from the camera. */
export function shade(p: Float32Array, idx: Uint32Array, t: number, view: View): [number, number, number] {
  triangleNormal(p, 3 * idx[3 * t], 3 * idx[3 * t + 1], 3 * idx[3 * t + 2], shadeNormal);
  const [nx, ny, nz] = shadeNormal;
  const light = 0.35 + 0.65 * Math.abs(nx * view.forward[0] + ny * view.forward[1] + nz * view.forward[2]);
  return [Math.round(255 * light * (0.25 + 0.75 * Math.abs(nx))), Math.round(255 * light * (0.25 + 0.75 * Math.abs(ny))), Math.round(255 * light * (0.25 + 0.75 * Math.abs(nz)))];
}
const shadeNormal = new Float64Array(3);
