import type { TriMesh } from './triMesh';

/** Concatenates meshes without welding, so each input keeps its own closed topology. */
export function mergeMeshes(list: readonly TriMesh[]): TriMesh {
  let nv = 0,
    ni = 0;
  for (const m of list) {
    nv += m.positions.length;
    ni += m.indices.length;
  }
  const positions = new Float32Array(nv);
  const indices = new Uint32Array(ni);
  let vo = 0,
    io = 0;
  for (const m of list) {
    positions.set(m.positions, vo);
    const base = vo / 3;
    for (let i = 0; i < m.indices.length; i++) indices[io + i] = m.indices[i] + base;
    vo += m.positions.length;
    io += m.indices.length;
  }
  return { positions, indices };
}
