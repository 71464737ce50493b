import type { Mesh, Object3D } from 'three';
import type { URDFRobot } from 'urdf-loader';
import type { TriMesh } from '../mesh/triMesh';
import { transformMesh } from '../mesh/transformMesh';
import { boxMesh, cylinderMesh, sphereMesh } from '../urdf/primitiveMesh';
import type { UrdfXmlElement } from '../urdf/xmlDom';
import { asMat4, fromPositionQuaternion } from '../math/mat4';
import type { GeometryKind, LinkGeometryPart, Mat4 } from './types';

function numbers(attr: string | null, count: number, fallback: number): number[] {
  const v = (attr ?? '').trim().split(/\s+/).filter(Boolean).map(Number);
  if (v.length === 1 && count > 1) return new Array(count).fill(v[0]);
  return Array.from({ length: count }, (_, i) => (Number.isFinite(v[i]) ? v[i] : fallback));
}

function scaled(mesh: TriMesh, s: number[]): TriMesh {
  if (s[0] === 1 && s[1] === 1 && s[2] === 1) return mesh;
  return transformMesh(mesh, [s[0], 0, 0, 0, 0, s[1], 0, 0, 0, 0, s[2], 0, 0, 0, 0, 1] as unknown as Mat4);
}

/**
 * Every visual (or collision) element of every link as a TriMesh in meters plus its rigid
 * offset in the link frame. Primitives are tessellated here; URDF mesh `scale` is baked into
 * the vertices so `offset` stays rigid (distances measured in the mesh frame are meters).
 * `loaded` maps each mesh placeholder to its parsed file; placeholders missing from it failed.
 */
export function extractGeometryParts(robot: URDFRobot, kind: GeometryKind, loaded: Map<Mesh, TriMesh>): LinkGeometryPart[] {
  const parts: LinkGeometryPart[] = [];
  const scaledCache = new Map<string, TriMesh>();
  for (const [linkName, link] of Object.entries(robot.links)) {
    for (const group of link.children as (Object3D & { isURDFVisual?: true; isURDFCollider?: true; urdfNode?: unknown })[]) {
      if (!(kind === 'visual' ? group.isURDFVisual : group.isURDFCollider)) continue;
      const node = group.urdfNode as UrdfXmlElement | null;
      const shape = node?.children.find((c) => c.nodeName === 'geometry')?.children[0];
      if (!shape) continue;
      let mesh: TriMesh | undefined;
      switch (shape.nodeName) {
        case 'box': {
          const [x, y, z] = numbers(shape.getAttribute('size'), 3, 0);
          mesh = boxMesh(x, y, z);
          break;
        }
        case 'cylinder':
          mesh = cylinderMesh(Number(shape.getAttribute('radius')) || 0, Number(shape.getAttribute('length')) || 0);
          break;
        case 'sphere':
          mesh = sphereMesh(Number(shape.getAttribute('radius')) || 0);
          break;
        case 'mesh': {
          const placeholder = group.children.find((c) => loaded.has(c as Mesh)) as Mesh | undefined;
          const raw = placeholder && loaded.get(placeholder);
          if (!raw) break;
          const s = numbers(shape.getAttribute('scale'), 3, 1);
          const key = `${placeholder.name}|${s.join(',')}`;
          mesh = scaledCache.get(key) ?? scaled(raw, s);
          scaledCache.set(key, mesh);
          break;
        }
      }
      if (!mesh || mesh.indices.length === 0) continue;
      const p = group.position,
        q = group.quaternion;
      parts.push({ link: linkName, mesh, offset: asMat4(fromPositionQuaternion([p.x, p.y, p.z], [q.x, q.y, q.z, q.w])) });
    }
  }
  return parts;
}
