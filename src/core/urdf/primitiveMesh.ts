import { BoxGeometry, CylinderGeometry, SphereGeometry, type BufferGeometry } from 'three';
import { geometryToMesh } from '../mesh/object3dToMesh';
import type { TriMesh } from '../mesh/triMesh';
import { weldVertices } from '../mesh/weldVertices';

const CYLINDER_SEGMENTS = 24;
const SPHERE_WIDTH_SEGMENTS = 20;
const SPHERE_HEIGHT_SEGMENTS = 14;

/**
 * three's primitives duplicate seam/pole/cap vertices with float noise (sin(2π) ≠ 0), so snap to
 * 0.1 µm before the exact weld; the result is a closed, consistently wound mesh.
 */
function closedMesh(geometry: BufferGeometry): TriMesh {
  const mesh = geometryToMesh(geometry);
  geometry.dispose();
  const p = mesh.positions;
  for (let i = 0; i < p.length; i++) p[i] = Math.round(p[i] * 1e7) / 1e7;
  const welded = weldVertices(mesh);
  return dropDegenerate(welded);
}

function dropDegenerate(mesh: TriMesh): TriMesh {
  const idx = mesh.indices;
  const keep: number[] = [];
  for (let t = 0; t < idx.length; t += 3) {
    const a = idx[t],
      b = idx[t + 1],
      c = idx[t + 2];
    if (a !== b && b !== c && a !== c) keep.push(a, b, c);
  }
  return keep.length === idx.length ? mesh : { positions: mesh.positions, indices: Uint32Array.from(keep) };
}

/** URDF `<box size>`: centred on the origin. */
export function boxMesh(sx: number, sy: number, sz: number): TriMesh {
  return closedMesh(new BoxGeometry(sx, sy, sz));
}

/** URDF `<cylinder>`: centred on the origin, axis along z (three's CylinderGeometry is along y). */
export function cylinderMesh(radius: number, length: number): TriMesh {
  const g = new CylinderGeometry(radius, radius, length, CYLINDER_SEGMENTS);
  g.rotateX(Math.PI / 2);
  return closedMesh(g);
}

/** URDF `<sphere radius>`. */
export function sphereMesh(radius: number): TriMesh {
  return closedMesh(new SphereGeometry(radius, SPHERE_WIDTH_SEGMENTS, SPHERE_HEIGHT_SEGMENTS));
}
