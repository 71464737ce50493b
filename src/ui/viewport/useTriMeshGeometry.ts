import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry } from 'three';
import type { TriMesh } from '../../core/mesh/triMesh';

/** Wraps a core TriMesh for the GPU; normals are for shading only. */
export function useTriMeshGeometry(mesh: TriMesh | null): BufferGeometry | null {
  const geometry = useMemo(() => {
    if (!mesh) return null;
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(mesh.positions, 3));
    g.setIndex(new BufferAttribute(mesh.indices, 1));
    g.computeVertexNormals();
    g.computeBoundingSphere();
    return g;
  }, [mesh]);
  useEffect(() => () => geometry?.dispose(), [geometry]);
  return geometry;
}
