import { BufferAttribute, BufferGeometry, Matrix4, Vector3, Sphere, Box3 } from 'three';
import { MeshBVH } from 'three-mesh-bvh';
import type { TriMesh } from '../mesh/triMesh';
import type { Mat4 } from '../hands/types';
import { SurfaceSampler } from '../metrics/surfaceSampling';
import { makeMetricsRng } from '../metrics/rng';

/** A hand part as the probe sees it: surface points and a bounding sphere for cheap rejection. */
export interface ProbePart {
  link: string;
  vertices: Float32Array;
  sphere: Sphere;
}

/** Surface samples every ~4 mm besides the vertices: a large flat face has no vertex where an object corner pokes through it. */
const SAMPLE_SPACING = 0.004;

export function probePart(link: string, mesh: TriMesh): ProbePart {
  const sampler = new SurfaceSampler(mesh);
  const n = Math.min(20_000, Math.ceil(sampler.totalArea / SAMPLE_SPACING ** 2));
  const vertices = new Float32Array(mesh.positions.length + 3 * n);
  vertices.set(mesh.positions);
  vertices.set(sampler.sample(n, makeMetricsRng(n)), mesh.positions.length);
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(mesh.positions, 3));
  g.computeBoundingSphere();
  return { link, vertices, sphere: g.boundingSphere!.clone() };
}

/**
 * Answers "is this posed hand part within `gap` of the object's surface?" for the sample
 * generator. Parts are checked point by point; bounding spheres skip parts far from the object.
 */
export class ContactProbe {
  private bvh: MeshBVH;
  private box = new Box3();
  private m = new Matrix4();
  private v = new Vector3();
  private s = new Sphere();
  private hit = { point: new Vector3(), distance: 0, faceIndex: 0 };

  constructor(mesh: TriMesh) {
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(mesh.positions, 3));
    g.setIndex(new BufferAttribute(mesh.indices, 1));
    this.bvh = new MeshBVH(g);
    g.computeBoundingBox();
    this.box.copy(g.boundingBox!);
  }

  /** True when any surface point of the part lies within `gap` of the object's surface. */
  touches(part: ProbePart, matrix: Mat4, gap: number): boolean {
    this.m.fromArray(Array.from(matrix));
    this.s.copy(part.sphere).applyMatrix4(this.m);
    if (this.box.distanceToPoint(this.s.center) > this.s.radius + gap) return false;
    const p = part.vertices;
    for (let i = 0; i < p.length; i += 3) {
      this.v.set(p[i], p[i + 1], p[i + 2]).applyMatrix4(this.m);
      if (this.box.distanceToPoint(this.v) > gap) continue;
      // maxThreshold only prunes bounding boxes: the nearest triangle found can still be beyond it.
      const hit = this.bvh.closestPointToPoint(this.v, this.hit, 0, gap);
      if (hit && hit.distance <= gap) return true;
    }
    return false;
  }
}
