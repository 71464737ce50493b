import type { TriMesh } from './triMesh';

export interface EdgeStats {
  /** edges used by exactly one triangle (holes) */
  boundary: number;
  /** edges used by three or more triangles */
  nonManifold: number;
  /** edges whose two triangles traverse them in the same direction (inconsistent winding) */
  misoriented: number;
}

/** Counts edge-sharing defects by vertex index (weld first if the mesh came from a per-face format). */
export function edgeStats(mesh: TriMesh): EdgeStats {
  const idx = mesh.indices;
  // key: undirected edge; value: count and signed direction tally
  const counts = new Map<number, number>();
  const dirs = new Map<number, number>();
  const nv = mesh.positions.length / 3;
  for (let t = 0; t < idx.length; t += 3) {
    for (let k = 0; k < 3; k++) {
      const a = idx[t + k],
        b = idx[t + ((k + 1) % 3)];
      const lo = a < b ? a : b,
        hi = a < b ? b : a;
      const key = lo * nv + hi;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      dirs.set(key, (dirs.get(key) ?? 0) + (a < b ? 1 : -1));
    }
  }
  let boundary = 0,
    nonManifold = 0,
    misoriented = 0;
  for (const [key, c] of counts) {
    if (c === 1) boundary++;
    else if (c > 2) nonManifold++;
    else if (dirs.get(key) !== 0) misoriented++;
  }
  return { boundary, nonManifold, misoriented };
}

/** Every edge shared by exactly two triangles that traverse it in opposite directions. */
export function isClosedMesh(mesh: TriMesh): boolean {
  const s = edgeStats(mesh);
  return mesh.indices.length > 0 && s.boundary === 0 && s.nonManifold === 0 && s.misoriented === 0;
}
