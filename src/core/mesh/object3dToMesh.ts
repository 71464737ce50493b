import type { BufferGeometry, Object3D } from 'three';
import { mergeMeshes } from './mergeMeshes';
import { transformMesh } from './transformMesh';
import type { TriMesh } from './triMesh';

/** Triangles of one geometry, with sequential indices when it has none. */
export function geometryToMesh(geometry: BufferGeometry): TriMesh {
  const attr = geometry.getAttribute('position');
  if (!attr) return { positions: new Float32Array(0), indices: new Uint32Array(0) };
  const n = attr.count;
  const positions = new Float32Array(n * 3);
  // getX/Y/Z handles interleaved and normalized attributes the loaders may return.
  for (let i = 0; i < n; i++) {
    positions[3 * i] = attr.getX(i);
    positions[3 * i + 1] = attr.getY(i);
    positions[3 * i + 2] = attr.getZ(i);
  }
  const index = geometry.getIndex();
  let indices: Uint32Array;
  if (index) {
    const count = index.count - (index.count % 3);
    indices = new Uint32Array(count);
    for (let i = 0; i < count; i++) indices[i] = index.getX(i);
  } else {
    const count = n - (n % 3);
    indices = new Uint32Array(count);
    for (let i = 0; i < count; i++) indices[i] = i;
  }
  return { positions, indices };
}

/** All triangle meshes under root, in root's frame (node transforms applied); lines and points are skipped. */
export function object3dToMesh(root: Object3D): TriMesh {
  root.updateMatrixWorld(true);
  const parts: TriMesh[] = [];
  root.traverse((obj) => {
    const mesh = obj as Object3D & { isMesh?: boolean; geometry?: BufferGeometry };
    if (!mesh.isMesh || !mesh.geometry) return;
    parts.push(transformMesh(geometryToMesh(mesh.geometry), obj.matrixWorld.elements as unknown as Float32Array & { length: 16 }));
  });
  return mergeMeshes(parts);
}
