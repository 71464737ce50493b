import { Box3, Vector3 } from 'three';
import { ExtendedTriangle, type MeshBVH } from 'three-mesh-bvh';
import type { TriMesh } from '../mesh/triMesh';
import type { MeshComponents } from './meshComponents';

export interface ExposedSurface {
  /** the union's outer boundary: the mesh minus walls buried inside other components */
  mesh: TriMesh;
  /** triangles (whole or pieces) dropped as buried */
  buriedPieces: number;
}

/** Pieces a mesh may be cut into near intersection curves before the rest is classified whole. */
const PIECE_BUDGET = 100_000;
/** Times a crossing triangle is cut in four: pieces are 1/8 of its size or `size` x 5e-3 at least. */
const MAX_LEVEL = 3;

/**
 * The outer boundary of the union of a mesh's components, as a triangle mesh: every triangle of
 * component i that lies inside another component is dropped. A triangle that crosses another
 * component's surface is cut into four, up to MAX_LEVEL times and no smaller than `size` × 5e-3,
 * and each piece is then classified by its centre, so the boundary is exact away from
 * intersection curves and within one piece (1/8 of the triangle) of them. A triangle that crosses nothing is wholly inside or wholly
 * outside every other component, so one inside test (at a vertex, shared by its neighbours)
 * decides it. Faces of two parts lying in one plane are kept where one side of them is outside
 * the union, and only once: a contact face between two parts stacked face to face is dropped, and
 * a wall shared by two parts (flush faces, coincident duplicates) is kept on the lower-numbered
 * part only, so area-weighted samples do not count it twice.
 *
 * With one component the mesh is returned unchanged.
 */
export interface UnionQueries {
  /** inside the union of every component */
  inside(x: number, y: number, z: number): boolean;
  /** inside the union of every component but `exclude` */
  insideOthers(x: number, y: number, z: number, exclude: number): boolean;
  /** component of each triangle of `bvh`, in the BVH's order */
  faceComponent: Uint32Array;
}

export function exposedSurface(mesh: TriMesh, comps: MeshComponents, union: UnionQueries, bvh: MeshBVH, size: number): ExposedSurface {
  if (comps.count <= 1) return { mesh, buriedPieces: 0 };
  const { positions: p, indices: ix } = mesh;
  const vc = comps.vertexComponent;
  const boxes = componentBoxes(mesh, comps);
  const pad = size * 1e-6;
  const hMin = size * 5e-3;
  const delta = size * 1e-5;
  const faceComp = union.faceComponent;

  const keptIdx: number[] = [];
  const extra: number[] = [];
  const base = p.length / 3;
  let budget = PIECE_BUDGET;
  let buriedPieces = 0;
  // Per vertex: 0 unknown, 1 outside the other components, 2 inside one of them.
  const vertexState = new Uint8Array(base);

  const tri = new ExtendedTriangle();
  const box = new Box3();
  const g = new Vector3();
  const n = new Vector3();
  const planeN = new Vector3();

  const NONE = 0,
    CROSSES = 1,
    FLAT = 2,
    FLAT_ON_LOWER = 3;
  /**
   * How the piece in `tri` meets other components: crosses one's surface, only lies flat on a
   * face of one (coplanar contact; FLAT_ON_LOWER when one such component has a lower index), or
   * touches none.
   */
  // Callbacks are built once and read the piece from `tri`, `box`, `current`: pieces are many.
  let current = 0,
    flat = NONE;
  const contactCast = {
    intersectsBounds: (b: Box3) => b.intersectsBox(box),
    intersectsTriangle: (other: ExtendedTriangle, idx: number) => {
      const oc = faceComp[idx];
      if (oc === current || !tri.intersectsTriangle(other)) return false;
      other.getNormal(planeN);
      const o = other.a;
      const da = Math.abs(planeN.dot(n.subVectors(tri.a, o))),
        db = Math.abs(planeN.dot(n.subVectors(tri.b, o))),
        dc = Math.abs(planeN.dot(n.subVectors(tri.c, o)));
      if (da < pad && db < pad && dc < pad) {
        if (oc < current) flat = FLAT_ON_LOWER;
        else if (flat === NONE) flat = FLAT;
        return false;
      }
      return true;
    },
  };
  const contactWith = (comp: number): number => {
    box.makeEmpty().expandByPoint(tri.a).expandByPoint(tri.b).expandByPoint(tri.c).expandByScalar(pad);
    current = comp;
    flat = NONE;
    return bvh.shapecast(contactCast) ? CROSSES : flat;
  };

  /** Whether (x,y,z) lies on a face of a component with a lower index than `comp`. */
  const lowerCast = {
    intersectsBounds: (b: Box3) => b.intersectsBox(box),
    intersectsTriangle: (other: ExtendedTriangle, idx: number) => faceComp[idx] < current && other.closestPointToPoint(g, planeN).distanceTo(g) < pad,
  };
  const onLowerFace = (x: number, y: number, z: number, comp: number): boolean => {
    g.set(x, y, z);
    box.makeEmpty().expandByPoint(g).expandByScalar(pad);
    current = comp;
    return bvh.shapecast(lowerCast);
  };

  /** Whether the piece in `tri` lies on the union's boundary: one side of it is outside every component. */
  const twoSided = (): boolean => {
    tri.getMidpoint(g);
    tri.getNormal(n);
    if (n.lengthSq() === 0) return false;
    return !union.inside(g.x + delta * n.x, g.y + delta * n.y, g.z + delta * n.z) || !union.inside(g.x - delta * n.x, g.y - delta * n.y, g.z - delta * n.z);
  };

  const pushPiece = (a: number[], b: number[], c: number[]) => {
    const v = base + extra.length / 3;
    extra.push(a[0], a[1], a[2], b[0], b[1], b[2], c[0], c[1], c[2]);
    keptIdx.push(v, v + 1, v + 2);
  };

  const setTri = (a: number[], b: number[], c: number[]) => {
    tri.a.set(a[0], a[1], a[2]);
    tri.b.set(b[0], b[1], b[2]);
    tri.c.set(c[0], c[1], c[2]);
    tri.needsUpdate = true;
  };

  /**
   * Classifies a piece of a triangle of component `comp` (`whole` = the triangle's index offset
   * when the piece is the whole triangle), cutting it where the answer changes across it.
   */
  const piece = (a: number[], b: number[], c: number[], comp: number, whole: number, level: number): void => {
    setTri(a, b, c);
    const contact = contactWith(comp);
    let keep: boolean;
    let split = false;
    if (contact === NONE) {
      if (whole >= 0) {
        const v = ix[whole];
        if (vertexState[v] === 0) vertexState[v] = union.insideOthers(p[3 * v], p[3 * v + 1], p[3 * v + 2], comp) ? 2 : 1;
        keep = vertexState[v] === 1;
      } else {
        tri.getMidpoint(g);
        keep = !union.insideOthers(g.x, g.y, g.z, comp);
      }
    } else if (contact === FLAT) {
      keep = twoSided();
    } else {
      // Crossing another part, or lying on a lower-numbered part's face (coincident walls are
      // kept once: on the lower-numbered part).
      let on = 0;
      if (contact === FLAT_ON_LOWER) on = +onLowerFace(a[0], a[1], a[2], comp) + +onLowerFace(b[0], b[1], b[2], comp) + +onLowerFace(c[0], c[1], c[2], comp);
      const uniform = contact === FLAT_ON_LOWER && (on === 3 || on === 0);
      split = !uniform && level < MAX_LEVEL && Math.max(dist(a, b), dist(b, c), dist(a, c)) > hMin && budget > 0;
      if (split) keep = false;
      else if (contact === FLAT_ON_LOWER && on === 3) keep = false;
      else {
        setTri(a, b, c);
        tri.getMidpoint(g);
        const cx = g.x,
          cy = g.y,
          cz = g.z;
        if (onLowerFace(cx, cy, cz, comp)) keep = false;
        else if (contact === CROSSES) keep = !union.insideOthers(cx, cy, cz, comp);
        else keep = twoSided();
      }
    }
    if (split) {
      budget -= 4;
      const ab = mid(a, b),
        bc = mid(b, c),
        ca = mid(c, a);
      piece(a, ab, ca, comp, -1, level + 1);
      piece(ab, b, bc, comp, -1, level + 1);
      piece(ca, bc, c, comp, -1, level + 1);
      piece(ab, bc, ca, comp, -1, level + 1);
      return;
    }
    if (!keep) buriedPieces++;
    else if (whole >= 0) keptIdx.push(ix[whole], ix[whole + 1], ix[whole + 2]);
    else pushPiece(a, b, c);
  };

  for (let t = 0; t < ix.length; t += 3) {
    const ia = 3 * ix[t],
      ib = 3 * ix[t + 1],
      ic = 3 * ix[t + 2];
    const comp = vc[ix[t]];
    const lo = [Math.min(p[ia], p[ib], p[ic]), Math.min(p[ia + 1], p[ib + 1], p[ic + 1]), Math.min(p[ia + 2], p[ib + 2], p[ic + 2])];
    const hi = [Math.max(p[ia], p[ib], p[ic]), Math.max(p[ia + 1], p[ib + 1], p[ic + 1]), Math.max(p[ia + 2], p[ib + 2], p[ic + 2])];
    let nearOther = false;
    for (let k = 0; k < comps.count && !nearOther; k++) {
      if (k === comp) continue;
      const o = 6 * k;
      nearOther =
        lo[0] <= boxes[o + 3] + pad &&
        hi[0] >= boxes[o] - pad &&
        lo[1] <= boxes[o + 4] + pad &&
        hi[1] >= boxes[o + 1] - pad &&
        lo[2] <= boxes[o + 5] + pad &&
        hi[2] >= boxes[o + 2] - pad;
    }
    if (!nearOther) {
      keptIdx.push(ix[t], ix[t + 1], ix[t + 2]);
      continue;
    }
    piece([p[ia], p[ia + 1], p[ia + 2]], [p[ib], p[ib + 1], p[ib + 2]], [p[ic], p[ic + 1], p[ic + 2]], comp, t, 0);
  }

  // Something odd (every wall buried, e.g. an open mesh misread): measure against the whole mesh.
  if (keptIdx.length === 0) return { mesh, buriedPieces: 0 };
  const positions = new Float32Array(p.length + extra.length);
  positions.set(p);
  positions.set(extra, p.length);
  return { mesh: { positions, indices: Uint32Array.from(keptIdx) }, buriedPieces };
}

export function componentBoxes(mesh: TriMesh, comps: MeshComponents): Float64Array {
  const b = new Float64Array(6 * comps.count);
  for (let k = 0; k < comps.count; k++) b.set([Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity], 6 * k);
  const { positions: p, indices: ix } = mesh;
  for (let t = 0; t < ix.length; t++) {
    const v = ix[t],
      o = 6 * comps.vertexComponent[v];
    for (let d = 0; d < 3; d++) {
      const x = p[3 * v + d];
      if (x < b[o + d]) b[o + d] = x;
      if (x > b[o + 3 + d]) b[o + 3 + d] = x;
    }
  }
  return b;
}

function mid(a: number[], b: number[]): number[] {
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];
}

function dist(a: number[], b: number[]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}
