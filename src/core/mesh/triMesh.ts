/**
 * The one mesh representation shared by loaders, metrics, workers and the viewer.
 * Plain typed arrays so a mesh crosses worker boundaries as transferables.
 * Units: meters.
 */
export interface TriMesh {
  /** xyz per vertex */
  positions: Float32Array;
  /** three vertex indices per triangle */
  indices: Uint32Array;
}

export function triangleCount(mesh: TriMesh): number {
  return mesh.indices.length / 3;
}

export function vertexCount(mesh: TriMesh): number {
  return mesh.positions.length / 3;
}

export interface Bounds {
  min: [number, number, number];
  max: [number, number, number];
}

export function meshBounds(mesh: TriMesh): Bounds {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  const p = mesh.positions;
  for (let i = 0; i < p.length; i += 3) {
    for (let k = 0; k < 3; k++) {
      const v = p[i + k];
      if (v < min[k]) min[k] = v;
      if (v > max[k]) max[k] = v;
    }
  }
  return { min, max };
}
