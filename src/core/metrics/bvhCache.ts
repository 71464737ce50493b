import { BufferAttribute, BufferGeometry } from 'three';
import { MeshBVH } from 'three-mesh-bvh';
import type { TriMesh } from '../mesh/triMesh';
import { checkMesh, MetricsMeshError } from './meshChecks';
import { InsideField } from './insideField';
import { SurfaceSampler } from './surfaceSampling';
import { Hasher } from './hash';

let nextId = 1;

/**
 * A mesh made ready for metric queries: checked, optionally scaled (a URDF's mesh scale baked
 * in so the remaining pose is rigid and distances stay metric), with its BVH, inside-field and
 * area sampler built lazily and only once.
 */
export class PreparedMesh {
  readonly id = nextId++;
  readonly geometry: BufferGeometry;
  readonly bvh: MeshBVH;
  readonly min: Float64Array;
  readonly max: Float64Array;
  /** length scale used for tolerances */
  readonly size: number;
  private fieldCache = new Map<number, InsideField>();
  private samplerCache?: SurfaceSampler;
  private hashCache?: string;

  constructor(
    readonly mesh: TriMesh,
    readonly warnings: string[],
  ) {
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new BufferAttribute(mesh.positions, 3));
    // MeshBVH reorders the index buffer in place; give it a copy so triangle order (and with it
    // seeded sampling) never depends on whether a BVH was built first.
    geometry.setIndex(new BufferAttribute(mesh.indices.slice(), 1));
    this.bvh = new MeshBVH(geometry, { verbose: false });
    (geometry as unknown as { boundsTree: MeshBVH }).boundsTree = this.bvh;
    this.geometry = geometry;
    const { min, max } = referencedBounds(mesh);
    this.min = min;
    this.max = max;
    this.size = Math.max(max[0] - min[0], max[1] - min[1], max[2] - min[2], 1e-9);
  }

  /** Tolerance under which two ray hits count as one crossing. */
  get eps(): number {
    return this.size * 1e-7;
  }

  field(rays: number): InsideField {
    let f = this.fieldCache.get(rays);
    if (!f) {
      f = new InsideField(this.mesh, this.bvh, this.min, this.max, rays, this.eps);
      this.fieldCache.set(rays, f);
    }
    return f;
  }

  get sampler(): SurfaceSampler {
    return (this.samplerCache ??= new SurfaceSampler(this.mesh));
  }

  get contentHash(): string {
    return (this.hashCache ??= new Hasher().bytes(this.mesh.positions).bytes(this.mesh.indices).hex());
  }
}

function referencedBounds(mesh: TriMesh): { min: Float64Array; max: Float64Array } {
  const min = new Float64Array([Infinity, Infinity, Infinity]);
  const max = new Float64Array([-Infinity, -Infinity, -Infinity]);
  const { positions: p, indices: ix } = mesh;
  for (let t = 0; t < ix.length; t++) {
    const v = 3 * ix[t];
    for (let k = 0; k < 3; k++) {
      const x = p[v + k];
      if (x < min[k]) min[k] = x;
      if (x > max[k]) max[k] = x;
    }
  }
  return { min, max };
}

const cache = new WeakMap<TriMesh, Map<string, PreparedMesh | MetricsMeshError>>();

/**
 * The prepared form of `mesh` (with `scale` baked in), built on first use and then reused for as
 * long as the caller keeps the same TriMesh object alive: that is how a worker builds each object
 * and each hand link's BVH once for all grasps. Failures are cached too, as errors.
 */
export function prepareMesh(mesh: TriMesh, maxTriangles: number, scale: readonly [number, number, number] = [1, 1, 1]): PreparedMesh {
  // The size limit is checked before the cache: it depends on the limit in force, not on the mesh.
  const triangles = Math.floor(mesh.indices.length / 3);
  if (triangles > maxTriangles) {
    throw new MetricsMeshError(
      `has ${triangles.toLocaleString('en-US')} triangles, above the limit of ${maxTriangles.toLocaleString('en-US')} (decimate it or raise --max-triangles)`,
    );
  }
  let byScale = cache.get(mesh);
  if (!byScale) cache.set(mesh, (byScale = new Map()));
  const key = `${scale[0]},${scale[1]},${scale[2]}`;
  let entry = byScale.get(key);
  if (!entry) {
    try {
      const checked = checkMesh(mesh, maxTriangles);
      entry = new PreparedMesh(scaleMesh(checked.mesh, scale), checked.warnings);
    } catch (e) {
      if (!(e instanceof MetricsMeshError)) throw e;
      byScale.set(key, e);
      throw e;
    }
    byScale.set(key, entry);
  }
  if (entry instanceof MetricsMeshError) throw entry;
  return entry;
}

function scaleMesh(mesh: TriMesh, [sx, sy, sz]: readonly [number, number, number]): TriMesh {
  if (sx === 1 && sy === 1 && sz === 1) return mesh;
  const p = mesh.positions.slice();
  for (let i = 0; i < p.length; i += 3) {
    p[i] *= sx;
    p[i + 1] *= sy;
    p[i + 2] *= sz;
  }
  return { positions: p, indices: mesh.indices };
}
