import type { TriMesh } from '../../mesh/triMesh';
import { transformMesh } from '../../mesh/transformMesh';
import type { Vec3 } from './primitives/loft';

export interface Placement {
  translate?: Vec3;
  /** intrinsic XYZ Euler angles in radians, applied before translation */
  rotate?: Vec3;
  scale?: Vec3;
}

/** Column-major matrix T * Rz * Ry * Rx * S (three's default 'XYZ' Euler order). */
export function placementMatrix(p: Placement): number[] {
  const [rx, ry, rz] = p.rotate ?? [0, 0, 0];
  const [sx, sy, sz] = p.scale ?? [1, 1, 1];
  const [tx, ty, tz] = p.translate ?? [0, 0, 0];
  const a = Math.cos(rx),
    b = Math.sin(rx),
    c = Math.cos(ry),
    d = Math.sin(ry),
    e = Math.cos(rz),
    f = Math.sin(rz);
  const ae = a * e,
    af = a * f,
    be = b * e,
    bf = b * f;
  // Rotation matrix for XYZ order, as in three's Matrix4.makeRotationFromEuler.
  const m = [c * e, af + be * d, bf - ae * d, -c * f, ae - bf * d, be + af * d, d, -b * c, a * c];
  return [m[0] * sx, m[1] * sx, m[2] * sx, 0, m[3] * sy, m[4] * sy, m[5] * sy, 0, m[6] * sz, m[7] * sz, m[8] * sz, 0, tx, ty, tz, 1];
}

export function place(mesh: TriMesh, p: Placement): TriMesh {
  return transformMesh(mesh, placementMatrix(p) as number[] & { length: 16 });
}
