import { BufferAttribute, BufferGeometry, Vector3 } from 'three';
import { MeshBVH, type HitPointInfo } from 'three-mesh-bvh';
import type { TriMesh } from '../mesh/triMesh';

/** A reference mesh ready for closest-point queries (three-mesh-bvh), built once per mesh object. */
export class ReferenceSurface {
  readonly bvh: MeshBVH;
  private q = new Vector3();
  private hit = { point: new Vector3(), distance: 0, faceIndex: 0 } as HitPointInfo;

  constructor(readonly mesh: TriMesh) {
    if (mesh.indices.length < 3) throw new Error('the reference mesh has no triangles');
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(mesh.positions, 3));
    g.setIndex(new BufferAttribute(mesh.indices.slice(), 1));
    this.bvh = new MeshBVH(g, { verbose: false });
  }

  /** Writes the closest surface point to (x, y, z) at out[o..o+2] and returns the distance. */
  closest(x: number, y: number, z: number, out: Float64Array, o: number): number {
    this.q.set(x, y, z);
    const h = this.bvh.closestPointToPoint(this.q, this.hit)!;
    out[o] = h.point.x;
    out[o + 1] = h.point.y;
    out[o + 2] = h.point.z;
    return h.distance;
  }
}

const cache = new WeakMap<TriMesh, ReferenceSurface>();

export function referenceSurface(mesh: TriMesh): ReferenceSurface {
  let s = cache.get(mesh);
  if (!s) cache.set(mesh, (s = new ReferenceSurface(mesh)));
  return s;
}
