import { triangleCross } from '../math/triangle';
import { MeshParseError } from './meshParseError';
import type { TriMesh } from './triMesh';

/**
 * Rejects meshes that downstream metrics cannot use. Rejection (rather than silent repair) keeps
 * a broken download visible to the annotator; callers who want repair use sanitizeMesh.
 */
export function validateMesh(mesh: TriMesh, fileName: string): void {
  const { positions, indices } = mesh;
  if (indices.length % 3 !== 0) {
    throw new MeshParseError(fileName, `index count ${indices.length} is not a multiple of 3`);
  }
  if (indices.length === 0) throw new MeshParseError(fileName, 'contains no triangles');
  const nv = positions.length / 3;
  let outOfRange = 0;
  for (let i = 0; i < indices.length; i++) if (indices[i] >= nv) outOfRange++;
  if (outOfRange > 0) {
    throw new MeshParseError(fileName, `${outOfRange} triangle indices are out of range (mesh has ${nv} vertices)`);
  }
  const bad = nonFiniteVertices(positions);
  if (bad.count > 0) {
    let affected = 0;
    for (let t = 0; t < indices.length; t += 3) {
      if (bad.flags[indices[t]] || bad.flags[indices[t + 1]] || bad.flags[indices[t + 2]]) affected++;
    }
    throw new MeshParseError(fileName, `${bad.count} vertices have NaN/Infinity coordinates (${affected} triangles affected); ` + 'use sanitizeMesh to drop them');
  }
}

function nonFiniteVertices(positions: Float32Array): { count: number; flags: Uint8Array } {
  const n = positions.length / 3;
  const flags = new Uint8Array(n);
  let count = 0;
  for (let v = 0; v < n; v++) {
    if (!Number.isFinite(positions[3 * v]) || !Number.isFinite(positions[3 * v + 1]) || !Number.isFinite(positions[3 * v + 2])) {
      flags[v] = 1;
      count++;
    }
  }
  return { count, flags };
}

export interface SanitizeReport {
  /** triangles touching a NaN/Infinity vertex */
  nonFinite: number;
  /** triangles with an index past the vertex array */
  outOfRange: number;
  /** triangles with repeated vertices or (numerically) zero area */
  degenerate: number;
  /** vertices no surviving triangle uses */
  unusedVertices: number;
}

/** Drops unusable triangles and the vertices they leave behind, reporting what went. */
export function sanitizeMesh(mesh: TriMesh): { mesh: TriMesh; dropped: SanitizeReport } {
  const { positions, indices } = mesh;
  const nv = positions.length / 3;
  const bad = nonFiniteVertices(positions);
  const dropped: SanitizeReport = { nonFinite: 0, outOfRange: 0, degenerate: 0, unusedVertices: 0 };
  const keep: number[] = [];
  const usedV = new Uint8Array(nv);
  const whole = indices.length - (indices.length % 3);
  for (let t = 0; t < whole; t += 3) {
    const a = indices[t],
      b = indices[t + 1],
      c = indices[t + 2];
    if (a >= nv || b >= nv || c >= nv) dropped.outOfRange++;
    else if (bad.flags[a] || bad.flags[b] || bad.flags[c]) dropped.nonFinite++;
    else if (a === b || b === c || a === c || isZeroArea(positions, a, b, c)) dropped.degenerate++;
    else {
      keep.push(a, b, c);
      usedV[a] = usedV[b] = usedV[c] = 1;
    }
  }
  const remap = new Uint32Array(nv);
  let count = 0;
  for (let v = 0; v < nv; v++) if (usedV[v]) remap[v] = count++;
  dropped.unusedVertices = nv - count;
  const out = new Float32Array(count * 3);
  for (let v = 0; v < nv; v++) {
    if (!usedV[v]) continue;
    out.set(positions.subarray(3 * v, 3 * v + 3), 3 * remap[v]);
  }
  const newIdx = new Uint32Array(keep.length);
  for (let i = 0; i < keep.length; i++) newIdx[i] = remap[keep[i]];
  return { mesh: { positions: out, indices: newIdx }, dropped };
}

const n = new Float64Array(3);

function isZeroArea(p: Float32Array, a: number, b: number, c: number): boolean {
  triangleCross(p, 3 * a, 3 * b, 3 * c, n);
  const cross2 = n[0] * n[0] + n[1] * n[1] + n[2] * n[2];
  const ux = p[3 * b] - p[3 * a],
    uy = p[3 * b + 1] - p[3 * a + 1],
    uz = p[3 * b + 2] - p[3 * a + 2];
  const vx = p[3 * c] - p[3 * a],
    vy = p[3 * c + 1] - p[3 * a + 1],
    vz = p[3 * c + 2] - p[3 * a + 2];
  const scale = Math.max(ux * ux + uy * uy + uz * uz, vx * vx + vy * vy + vz * vz);
  // Relative threshold: float32 rounding makes exactly collinear points rarely give exactly 0.
  return cross2 <= 1e-14 * scale * scale;
}
