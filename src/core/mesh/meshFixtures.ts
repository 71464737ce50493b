import type { TriMesh } from './triMesh';

/**
 * Axis-aligned closed box with outward winding, vertices shared (8 vertices, 12 triangles).
 * Used by tests across the repo as a mesh whose volume, area and topology are known exactly.
 */
export function boxMesh(sx = 1, sy = 1, sz = 1, center: [number, number, number] = [0, 0, 0]): TriMesh {
  const positions = new Float32Array(24);
  for (let i = 0; i < 8; i++) {
    positions[3 * i] = center[0] + (i & 1 ? sx / 2 : -sx / 2);
    positions[3 * i + 1] = center[1] + (i & 2 ? sy / 2 : -sy / 2);
    positions[3 * i + 2] = center[2] + (i & 4 ? sz / 2 : -sz / 2);
  }
  // prettier-ignore
  const indices = new Uint32Array([
    0, 2, 3, 0, 3, 1, // -z
    4, 5, 7, 4, 7, 6, // +z
    0, 1, 5, 0, 5, 4, // -y
    2, 6, 7, 2, 7, 3, // +y
    0, 4, 6, 0, 6, 2, // -x
    1, 3, 7, 1, 7, 5, // +x
  ]);
  return { positions, indices };
}

/** The same box as a triangle soup (no shared vertices), as STL or unindexed OBJ produce it. */
export function unweld(mesh: TriMesh): TriMesh {
  const positions = new Float32Array(mesh.indices.length * 3);
  const indices = new Uint32Array(mesh.indices.length);
  for (let i = 0; i < mesh.indices.length; i++) {
    positions.set(mesh.positions.subarray(3 * mesh.indices[i], 3 * mesh.indices[i] + 3), 3 * i);
    indices[i] = i;
  }
  return { positions, indices };
}
