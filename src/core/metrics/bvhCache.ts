import { BufferAttribute, BufferGeometry } from 'three';
import { MeshBVH } from 'three-mesh-bvh';
import type { TriMesh } from '../mesh/triMesh';
import { checkMesh, MetricsMeshError } from './meshChecks';
import { InsideField } from './insideField';
import { UnionVoter } from './insideTest';
import { meshComponents, type MeshComponents } from './meshComponents';
import { componentBoxes, exposedSurface, type UnionQueries } from './exposedSurface';
import { SurfaceSampler } from './surfaceSampling';
import { Hasher } from './hash';

/** The outer boundary of the union of a mesh's parts, ready for distance queries and sampling. */
export interface PreparedSurface {
  mesh: TriMesh;
  bvh: MeshBVH;
  sampler: SurfaceSampler;
  /** triangles or pieces of triangles dropped as buried inside other parts */
  buriedPieces: number;
}

let nextId = 1;

/** Above this many components, buried walls are found with per-point votes instead of per-component grids. */
const MAX_COMPONENT_FIELDS = 64;

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
  private surfaceCache = new Map<number, PreparedSurface>();
  private componentsCache?: MeshComponents;
  private voterCache?: UnionVoter;
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

  /** Connected components (welded by position); each closed part of a multi-part mesh is one. */
  get components(): MeshComponents {
    return (this.componentsCache ??= meshComponents(this.mesh));
  }

  /** Exact inside test for the union of the components (per-component ray-parity votes). */
  get voter(): UnionVoter {
    if (!this.voterCache) {
      const comps = this.components;
      const index = this.geometry.index!.array;
      const faceComponent = new Uint32Array(index.length / 3);
      for (let f = 0; f < faceComponent.length; f++) faceComponent[f] = comps.vertexComponent[index[3 * f]];
      this.voterCache = new UnionVoter(this.bvh, faceComponent, comps.count, this.eps);
    }
    return this.voterCache;
  }

  /** Inside test for the union of the mesh's parts, cached on a voxel grid. */
  field(rays: number): InsideField {
    let f = this.fieldCache.get(rays);
    if (!f) {
      const voter = this.voter;
      f = new InsideField(this.mesh, (x, y, z) => voter.isInside(x, y, z, rays), this.min, this.max);
      this.fieldCache.set(rays, f);
    }
    return f;
  }

  /**
   * Inside tests for cutting buried walls away. "Inside the other components" is asked for many
   * points on the surface, so each component gets its own cached grid (sized by its share of the
   * triangles) when there are few enough; beyond that, plain per-point votes.
   */
  private unionQueries(rays: number, cells: number): UnionQueries {
    const voter = this.voter;
    const comps = this.components;
    // The union grid is only needed for faces lying flat on another part's face.
    const inside = (x: number, y: number, z: number) => this.field(rays).isInside(x, y, z);
    if (comps.count > MAX_COMPONENT_FIELDS) {
      return { inside, insideOthers: (x, y, z, exclude) => voter.isInside(x, y, z, rays, exclude), faceComponent: voter.faceComponent };
    }
    const boxes = componentBoxes(this.mesh, comps);
    const { indices: ix } = this.mesh;
    const perComp: number[][] = Array.from({ length: comps.count }, () => []);
    for (let t = 0; t < ix.length; t += 3) perComp[comps.vertexComponent[ix[t]]].push(ix[t], ix[t + 1], ix[t + 2]);
    const fields = perComp.map((idx, c) => {
      const sub = { positions: this.mesh.positions, indices: Uint32Array.from(idx) };
      const share = Math.max(1 << 10, Math.round((cells * idx.length) / ix.length));
      return new InsideField(sub, (x, y, z) => voter.isInsideComponent(x, y, z, rays, c), boxes.subarray(6 * c, 6 * c + 3), boxes.subarray(6 * c + 3, 6 * c + 6), share);
    });
    const insideOthers = (x: number, y: number, z: number, exclude: number) => {
      for (let c = 0; c < fields.length; c++) {
        if (c === exclude) continue;
        const o = 6 * c;
        if (x < boxes[o] || y < boxes[o + 1] || z < boxes[o + 2] || x > boxes[o + 3] || y > boxes[o + 4] || z > boxes[o + 5]) continue;
        if (fields[c].isInside(x, y, z)) return true;
      }
      return false;
    };
    return { inside, insideOthers, faceComponent: voter.faceComponent };
  }

  /** The union's outer boundary (the mesh itself when it has one component). */
  surface(rays: number): PreparedSurface {
    let s = this.surfaceCache.get(rays);
    if (!s) {
      const exposed = exposedSurface(this.mesh, this.components, this.unionQueries(rays, 1 << 17), this.bvh, this.size);
      let bvh = this.bvh;
      if (exposed.mesh !== this.mesh) {
        const g = new BufferGeometry();
        g.setAttribute('position', new BufferAttribute(exposed.mesh.positions, 3));
        g.setIndex(new BufferAttribute(exposed.mesh.indices.slice(), 1));
        bvh = new MeshBVH(g, { verbose: false });
      }
      s = { mesh: exposed.mesh, bvh, sampler: new SurfaceSampler(exposed.mesh), buriedPieces: exposed.buriedPieces };
      this.surfaceCache.set(rays, s);
    }
    return s;
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
