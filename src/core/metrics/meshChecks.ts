import { triangleCross } from '../math/triangle';
import type { TriMesh } from '../mesh/triMesh';

/** A mesh no metric can use; the message names the problem so it can go to the `error` column. */
export class MetricsMeshError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MetricsMeshError';
  }
}

export interface CheckedMesh {
  mesh: TriMesh;
  /** repairs made (dropped triangles); the metrics still compute */
  warnings: string[];
}

/**
 * Makes a mesh safe for BVH queries: drops triangles with non-finite or out-of-range vertices and
 * zero-area triangles (they carry no surface but produce spurious ray hits), and rejects meshes
 * that are empty or larger than `maxTriangles`. Returns the input untouched when nothing is wrong.
 */
export function checkMesh(mesh: TriMesh, maxTriangles: number): CheckedMesh {
  const { positions, indices } = mesh;
  if (!(positions instanceof Float32Array) || !(indices instanceof Uint32Array)) {
    throw new MetricsMeshError('is not a TriMesh (positions must be a Float32Array, indices a Uint32Array)');
  }
  if (indices.length % 3 !== 0) throw new MetricsMeshError(`has ${indices.length} indices, not a multiple of 3`);
  const triCount = indices.length / 3;
  if (triCount === 0 || positions.length < 9) throw new MetricsMeshError('is empty (no triangles)');
  if (triCount > maxTriangles) {
    throw new MetricsMeshError(
      `has ${triCount.toLocaleString('en-US')} triangles, above the limit of ${maxTriangles.toLocaleString('en-US')} (decimate it or raise --max-triangles)`,
    );
  }
  const nv = positions.length / 3;
  const badVertex = new Uint8Array(nv);
  let badVertices = 0;
  for (let v = 0; v < nv; v++) {
    if (!Number.isFinite(positions[3 * v]) || !Number.isFinite(positions[3 * v + 1]) || !Number.isFinite(positions[3 * v + 2])) {
      badVertex[v] = 1;
      badVertices++;
    }
  }
  // Zero-area test relative to the mesh size so millimetre and metre meshes are treated alike.
  let scale = 0;
  for (let i = 0; i < positions.length; i++) if (Number.isFinite(positions[i])) scale = Math.max(scale, Math.abs(positions[i]));
  const areaEps = (scale * 1e-7) ** 2;

  const keep = new Uint8Array(triCount);
  let outOfRange = 0;
  let nonFinite = 0;
  let degenerate = 0;
  const n = new Float64Array(3);
  for (let t = 0; t < triCount; t++) {
    const a = indices[3 * t],
      b = indices[3 * t + 1],
      c = indices[3 * t + 2];
    if (a >= nv || b >= nv || c >= nv) {
      outOfRange++;
      continue;
    }
    if (badVertex[a] || badVertex[b] || badVertex[c]) {
      nonFinite++;
      continue;
    }
    triangleCross(positions, 3 * a, 3 * b, 3 * c, n);
    if (n[0] * n[0] + n[1] * n[1] + n[2] * n[2] <= areaEps * areaEps * 4) {
      degenerate++;
      continue;
    }
    keep[t] = 1;
  }
  const kept = triCount - outOfRange - nonFinite - degenerate;
  const warnings: string[] = [];
  if (outOfRange) warnings.push(`dropped ${outOfRange} triangles with out-of-range vertex indices`);
  if (nonFinite) warnings.push(`dropped ${nonFinite} triangles touching ${badVertices} non-finite (NaN/Infinity) vertices`);
  if (degenerate) warnings.push(`dropped ${degenerate} degenerate (zero-area) triangles`);
  if (kept === 0) throw new MetricsMeshError(`has no usable triangles (${warnings.join('; ')})`);
  if (kept === triCount) return { mesh, warnings };

  const out = new Uint32Array(kept * 3);
  let o = 0;
  for (let t = 0; t < triCount; t++) {
    if (!keep[t]) continue;
    out[o++] = indices[3 * t];
    out[o++] = indices[3 * t + 1];
    out[o++] = indices[3 * t + 2];
  }
  // NaN positions stay in the array but no kept triangle references them; replace them so that
  // bounding boxes computed over all vertices stay finite.
  let pos = positions;
  if (badVertices) {
    pos = positions.slice();
    const ref = out[0];
    for (let v = 0; v < nv; v++) {
      if (badVertex[v]) {
        pos[3 * v] = pos[3 * ref];
        pos[3 * v + 1] = pos[3 * ref + 1];
        pos[3 * v + 2] = pos[3 * ref + 2];
      }
    }
  }
  return { mesh: { positions: pos, indices: out }, warnings };
}
