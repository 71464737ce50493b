import type { TriMesh } from '../mesh/triMesh';

export interface MeshComponents {
  /** number of connected components */
  count: number;
  /** component of each vertex (vertices no triangle uses get their own, unused, label) */
  vertexComponent: Uint32Array;
}

/**
 * Connected components of a mesh: triangles sharing a vertex position belong together. Vertices
 * are welded by exact position first, so a triangle soup (STL, unwelded glTF) still splits into
 * its real parts rather than one component per triangle.
 */
export function meshComponents(mesh: TriMesh): MeshComponents {
  const { positions: p, indices: ix } = mesh;
  const nv = p.length / 3;
  const parent = new Int32Array(nv);
  for (let v = 0; v < nv; v++) parent[v] = v;
  const find = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  };
  const union = (a: number, b: number) => {
    const ra = find(a),
      rb = find(b);
    if (ra !== rb) parent[ra < rb ? rb : ra] = ra < rb ? ra : rb;
  };
  const byPosition = new Map<string, number>();
  for (let v = 0; v < nv; v++) {
    const key = `${p[3 * v]},${p[3 * v + 1]},${p[3 * v + 2]}`;
    const first = byPosition.get(key);
    if (first === undefined) byPosition.set(key, v);
    else union(first, v);
  }
  for (let t = 0; t < ix.length; t += 3) {
    union(ix[t], ix[t + 1]);
    union(ix[t], ix[t + 2]);
  }
  // Labels in order of first use by a triangle, so they do not depend on unused vertices.
  const label = new Int32Array(nv).fill(-1);
  let count = 0;
  for (let t = 0; t < ix.length; t++) {
    const r = find(ix[t]);
    if (label[r] < 0) label[r] = count++;
  }
  const vertexComponent = new Uint32Array(nv);
  for (let v = 0; v < nv; v++) {
    const l = label[find(v)];
    vertexComponent[v] = l < 0 ? 0 : l;
  }
  return { count, vertexComponent };
}
