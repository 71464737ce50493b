import { weldVertices } from '../../../mesh/weldVertices';
import type { TriMesh } from '../../../mesh/triMesh';
import { orientOutward, type Vec3 } from './loft';

export interface RoundedBoxOptions {
  /** edge/corner radius, clamped below the smallest half-extent */
  radius: number;
  /** segments per 45 degrees of rounding (default 3) */
  cornerSegments?: number;
  /** divisions of the flat middle along x, y, z (default 1 each) */
  flatSegments?: Vec3;
}

/**
 * Axis ticks whose rounded-zone spacing follows tan(angle): mapping a cube grid built on these
 * ticks onto the rounded box gives evenly spaced angles around every edge and corner.
 */
function ticks(half: number, radius: number, k: number, flat: number): number[] {
  const inner = half - radius;
  const out: number[] = [];
  for (let j = k; j >= 1; j--) out.push(-(inner + radius * Math.tan((Math.PI / 4) * (j / k))));
  for (let j = 0; j <= flat; j++) out.push(-inner + (2 * inner * j) / flat);
  for (let j = 1; j <= k; j++) out.push(inner + radius * Math.tan((Math.PI / 4) * (j / k)));
  return out;
}

/** Closed box with rounded edges and corners, centred at the origin, sized size[0..2] in x, y, z. */
export function roundedBox(size: Vec3, opts: RoundedBoxOptions): TriMesh {
  const half: Vec3 = [size[0] / 2, size[1] / 2, size[2] / 2];
  const r = Math.min(opts.radius, 0.95 * Math.min(...half));
  const k = opts.cornerSegments ?? 3;
  const flat = opts.flatSegments ?? [1, 1, 1];
  const t = [0, 1, 2].map((a) => ticks(half[a], r, k, Math.max(1, flat[a])));
  const pos: number[] = [];
  const idx: number[] = [];
  for (let a = 0; a < 3; a++) {
    const u = (a + 1) % 3,
      v = (a + 2) % 3; // (u, v, a) right-handed, so the grid faces +a
    for (const sign of [1, -1]) {
      const base = pos.length / 3;
      const tu = t[u],
        tv = t[v];
      for (let i = 0; i < tu.length; i++) {
        for (let j = 0; j < tv.length; j++) {
          const p: Vec3 = [0, 0, 0];
          p[a] = sign * half[a];
          p[u] = tu[i];
          p[v] = tv[j];
          pos.push(p[0], p[1], p[2]);
        }
      }
      const at = (i: number, j: number) => base + i * tv.length + j;
      for (let i = 0; i + 1 < tu.length; i++) {
        for (let j = 0; j + 1 < tv.length; j++) {
          const q = [at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1)];
          if (sign > 0) idx.push(q[0], q[1], q[2], q[0], q[2], q[3]);
          else idx.push(q[0], q[2], q[1], q[0], q[3], q[2]);
        }
      }
    }
  }
  const cube = weldVertices({ positions: new Float32Array(pos), indices: new Uint32Array(idx) });
  const p = cube.positions;
  const inner = half.map((h) => h - r);
  for (let i = 0; i < p.length; i += 3) {
    const c = [0, 1, 2].map((k2) => Math.max(-inner[k2], Math.min(inner[k2], p[i + k2])));
    const d = [p[i] - c[0], p[i + 1] - c[1], p[i + 2] - c[2]];
    const len = Math.hypot(d[0], d[1], d[2]);
    for (let k2 = 0; k2 < 3; k2++) p[i + k2] = c[k2] + (r * d[k2]) / len;
  }
  return orientOutward(cube);
}
