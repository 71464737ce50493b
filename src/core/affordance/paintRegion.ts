import type { TriMesh } from '../mesh/triMesh';
import { cross, dot, sub } from '../math/vec3';
import { makeRng, type Rng } from '../rng';
import { MAX_AVOID_POINTS } from '../dataset/schema';

export type RegionPoint = [number, number, number];

export interface BrushDab {
  /** on the surface, mesh frame (meters) */
  center: RegionPoint;
  /** meters */
  radius: number;
  mode: 'add' | 'erase';
  /** seeds the points an `add` dab samples, so a replayed stroke gives the same region */
  seed?: number;
}

/** Spacing of the points an `add` dab lays down: fine enough that no fingertip slips between them at a 2 cm threshold. */
export function brushSpacing(radius: number): number {
  return Math.max(0.001, radius / 5);
}

/** Upper bound on the candidate samples one dab draws, so a brush larger than the object stays cheap. */
const MAX_SAMPLES_PER_DAB = 20_000;

/**
 * One brush dab on a negative-affordance region kept as object-frame points (the manifest's
 * `avoid.points`). `erase` drops the points within the radius; `add` covers the surface inside
 * the brush sphere with points about `brushSpacing` apart, skipping places already covered.
 * Returns a new array; the input is not changed.
 */
export function paintRegion(mesh: TriMesh, points: readonly RegionPoint[], dab: BrushDab): RegionPoint[] {
  const { center, radius } = dab;
  if (!(radius > 0) || !Number.isFinite(radius) || !center.every(Number.isFinite)) return points.slice();
  const r2 = radius * radius;
  const inside = (p: readonly number[]) => (p[0] - center[0]) ** 2 + (p[1] - center[1]) ** 2 + (p[2] - center[2]) ** 2 <= r2;
  if (dab.mode === 'erase') return points.filter((p) => !inside(p));

  const spacing = brushSpacing(radius);
  const out = points.slice();
  const grid = new SpacingGrid(spacing / 2);
  for (const p of points) if (inside(p)) grid.add(p);
  const rng = makeRng(dab.seed ?? 1);
  // Density well above what the spacing keeps, so every spot of the painted surface gets a point
  // within one spacing (a spot is left bare with probability about e^(-4π)).
  const perArea = 16 / (spacing * spacing);
  let budget = MAX_SAMPLES_PER_DAB;
  const pos = mesh.positions,
    idx = mesh.indices;
  for (const t of trianglesNear(mesh, center, radius)) {
    const a = vertex(pos, idx[3 * t]),
      b = vertex(pos, idx[3 * t + 1]),
      c = vertex(pos, idx[3 * t + 2]);
    for (const p of samplesInSphere(a, b, c, center, radius, perArea, rng, budget)) {
      budget--;
      if (!inside(p) || grid.near(p) || out.length >= MAX_AVOID_POINTS) continue;
      grid.add(p);
      out.push(p);
    }
    if (budget <= 0) break;
  }
  return out;
}

const vertex = (p: Float32Array, i: number): RegionPoint => [p[3 * i], p[3 * i + 1], p[3 * i + 2]];

/**
 * Uniform samples (`perArea` per m²) of the part of triangle abc near the sphere: on the whole
 * triangle when it is smaller than the sphere's cross-section in its plane, else on that disc,
 * kept where they fall inside the triangle, so a huge triangle costs no more than a small one.
 */
function* samplesInSphere(a: RegionPoint, b: RegionPoint, c: RegionPoint, center: RegionPoint, radius: number, perArea: number, rng: Rng, budget: number): Generator<RegionPoint> {
  const ab = sub(b, a),
    ac = sub(c, a);
  const n = cross(ab, ac);
  const twice = Math.hypot(n[0], n[1], n[2]);
  if (!(twice > 0)) return;
  const unit: RegionPoint = [n[0] / twice, n[1] / twice, n[2] / twice];
  const h = dot(unit, sub(center, a));
  if (Math.abs(h) > radius) return;
  const rho = Math.sqrt(radius * radius - h * h);
  const area = twice / 2;
  const disc = Math.PI * rho * rho;
  const onTriangle = area <= disc;
  const count = Math.min(budget, Math.ceil((onTriangle ? area : disc) * perArea));
  if (onTriangle) {
    for (let k = 0; k < count; k++) {
      let u = rng.next(),
        v = rng.next();
      if (u + v > 1) {
        u = 1 - u;
        v = 1 - v;
      }
      yield [a[0] + u * ab[0] + v * ac[0], a[1] + u * ab[1] + v * ac[1], a[2] + u * ab[2] + v * ac[2]];
    }
    return;
  }
  // In-plane orthonormal basis around the centre's projection.
  const len = Math.hypot(ab[0], ab[1], ab[2]);
  const e1: RegionPoint = [ab[0] / len, ab[1] / len, ab[2] / len];
  const e2 = cross(unit, e1);
  const o: RegionPoint = [center[0] - h * unit[0], center[1] - h * unit[1], center[2] - h * unit[2]];
  for (let k = 0; k < count; k++) {
    const r = rho * Math.sqrt(rng.next());
    const th = 2 * Math.PI * rng.next();
    const x = r * Math.cos(th),
      y = r * Math.sin(th);
    const p: RegionPoint = [o[0] + x * e1[0] + y * e2[0], o[1] + x * e1[1] + y * e2[1], o[2] + x * e1[2] + y * e2[2]];
    if (inTriangle(p, a, ab, ac)) yield p;
  }
}

/** Barycentric test for a point already in the triangle's plane. */
function inTriangle(p: RegionPoint, a: RegionPoint, ab: RegionPoint, ac: RegionPoint): boolean {
  const ap = sub(p, a);
  const d00 = dot(ab, ab),
    d01 = dot(ab, ac),
    d11 = dot(ac, ac),
    d20 = dot(ap, ab),
    d21 = dot(ap, ac);
  const den = d00 * d11 - d01 * d01;
  const v = (d11 * d20 - d01 * d21) / den;
  const w = (d00 * d21 - d01 * d20) / den;
  const eps = -1e-9;
  return v >= eps && w >= eps && v + w <= 1 - eps;
}

/** Triangles whose bounding box reaches into the brush sphere: a superset of those it touches; samples outside the sphere are dropped later. */
function trianglesNear(mesh: TriMesh, c: RegionPoint, radius: number): number[] {
  const out: number[] = [];
  const p = mesh.positions,
    idx = mesh.indices;
  for (let t = 0; t < idx.length / 3; t++) {
    let d2 = 0;
    for (let d = 0; d < 3; d++) {
      const x = p[3 * idx[3 * t] + d],
        y = p[3 * idx[3 * t + 1] + d],
        z = p[3 * idx[3 * t + 2] + d];
      const lo = Math.min(x, y, z),
        hi = Math.max(x, y, z);
      const gap = c[d] < lo ? lo - c[d] : c[d] > hi ? c[d] - hi : 0;
      d2 += gap * gap;
    }
    if (d2 <= radius * radius) out.push(t);
  }
  return out;
}

/** Points hashed into cubes of the minimum gap, to answer "is there a point closer than the gap" in constant time. */
class SpacingGrid {
  private cells = new Map<string, RegionPoint[]>();
  constructor(private readonly gap: number) {}
  private key(i: number, j: number, k: number) {
    return `${i},${j},${k}`;
  }
  add(p: RegionPoint): void {
    const k = this.key(Math.floor(p[0] / this.gap), Math.floor(p[1] / this.gap), Math.floor(p[2] / this.gap));
    const cell = this.cells.get(k);
    if (cell) cell.push(p);
    else this.cells.set(k, [p]);
  }
  near(p: RegionPoint): boolean {
    const g = this.gap;
    const [ci, cj, ck] = [Math.floor(p[0] / g), Math.floor(p[1] / g), Math.floor(p[2] / g)];
    for (let i = ci - 1; i <= ci + 1; i++)
      for (let j = cj - 1; j <= cj + 1; j++)
        for (let k = ck - 1; k <= ck + 1; k++)
          for (const q of this.cells.get(this.key(i, j, k)) ?? []) if ((q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2 + (q[2] - p[2]) ** 2 < g * g) return true;
    return false;
  }
}
