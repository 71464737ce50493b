import type { TriMesh } from '../mesh/triMesh';
import type { Mat4, PosedHand, Vec3 } from '../hands/types';

/** Closed UV sphere (outward winding); vertices lie exactly on the sphere. */
export function uvSphere(radius: number, segments = 64, rings = 32, center: Vec3 = [0, 0, 0]): TriMesh {
  const pos: number[] = [];
  const idx: number[] = [];
  pos.push(center[0], center[1], center[2] + radius);
  for (let r = 1; r < rings; r++) {
    const th = (Math.PI * r) / rings;
    for (let s = 0; s < segments; s++) {
      const ph = (2 * Math.PI * s) / segments;
      pos.push(center[0] + radius * Math.sin(th) * Math.cos(ph), center[1] + radius * Math.sin(th) * Math.sin(ph), center[2] + radius * Math.cos(th));
    }
  }
  pos.push(center[0], center[1], center[2] - radius);
  const south = 1 + (rings - 1) * segments;
  const v = (r: number, s: number) => 1 + (r - 1) * segments + (s % segments);
  for (let s = 0; s < segments; s++) idx.push(0, v(1, s), v(1, s + 1));
  for (let r = 1; r < rings - 1; r++) {
    for (let s = 0; s < segments; s++) {
      idx.push(v(r, s), v(r + 1, s), v(r + 1, s + 1));
      idx.push(v(r, s), v(r + 1, s + 1), v(r, s + 1));
    }
  }
  for (let s = 0; s < segments; s++) idx.push(v(rings - 1, s), south, v(rings - 1, s + 1));
  return { positions: Float32Array.from(pos), indices: Uint32Array.from(idx) };
}

/** Segments/rings of a UV sphere with about `triangles` triangles. */
export function uvSphereWithTriangles(radius: number, triangles: number): TriMesh {
  const rings = Math.max(3, Math.round(Math.sqrt(triangles / 4)));
  return uvSphere(radius, 2 * rings, rings);
}

/** Closed axis-aligned box from min to max, each face split into n x n quads. */
export function box(min: Vec3, max: Vec3, n = 1): TriMesh {
  const pos: number[] = [];
  const idx: number[] = [];
  const face = (o: Vec3, u: Vec3, v: Vec3) => {
    const base = pos.length / 3;
    for (let j = 0; j <= n; j++)
      for (let i = 0; i <= n; i++) pos.push(o[0] + (u[0] * i) / n + (v[0] * j) / n, o[1] + (u[1] * i) / n + (v[1] * j) / n, o[2] + (u[2] * i) / n + (v[2] * j) / n);
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) {
        const a = base + j * (n + 1) + i;
        idx.push(a, a + 1, a + n + 2, a, a + n + 2, a + n + 1);
      }
  };
  const [x0, y0, z0] = min;
  const [x1, y1, z1] = max;
  const dx = x1 - x0,
    dy = y1 - y0,
    dz = z1 - z0;
  face([x0, y0, z0], [0, dy, 0], [dx, 0, 0]);
  face([x0, y0, z1], [dx, 0, 0], [0, dy, 0]);
  face([x0, y0, z0], [dx, 0, 0], [0, 0, dz]);
  face([x0, y1, z0], [0, 0, dz], [dx, 0, 0]);
  face([x0, y0, z0], [0, 0, dz], [0, dy, 0]);
  face([x1, y0, z0], [0, dy, 0], [0, 0, dz]);
  return { positions: Float32Array.from(pos), indices: Uint32Array.from(idx) };
}

export const IDENTITY: Mat4 = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1] as unknown as Mat4;

export function translation(x: number, y: number, z: number): Mat4 {
  return [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, x, y, z, 1] as unknown as Mat4;
}

/** A PosedHand from ready-placed link meshes, for tests and benchmarks without a URDF. */
export function handFromParts(parts: { link: string; mesh: TriMesh; matrix?: Mat4 }[], fingertips: { name: string; geometryLink: string; position?: Vec3 }[] = []): PosedHand {
  const linkMatrices: Record<string, Mat4> = {};
  for (const p of parts) linkMatrices[p.link] = p.matrix ?? IDENTITY;
  return {
    parts: parts.map((p) => ({ link: p.link, mesh: p.mesh, matrix: p.matrix ?? IDENTITY })),
    linkMatrices,
    fingertips: fingertips.map((f) => ({ name: f.name, geometryLink: f.geometryLink, position: f.position ?? [0, 0, 0] })),
    report: { clamped: [], unknown: [], missing: [], invalid: [] },
  };
}
