import { Box3, Matrix4, Vector3 } from 'three';
import { ExtendedTriangle, type MeshBVH } from 'three-mesh-bvh';

export interface TrianglePairResult {
  /** in the part's frame (meters) */
  distance: number;
  /** closest points, both in the part's frame */
  onPart: Vector3;
  onObject: Vector3;
}

const objTri = new ExtendedTriangle();
const near = new Box3();
const triBox = new Box3();
const p1 = new Vector3(),
  p2 = new Vector3();
const bestPart = new Vector3(),
  bestObj = new Vector3();

function boxDistance(a: Box3, b: Box3): number {
  const dx = Math.max(0, a.min.x - b.max.x, b.min.x - a.max.x);
  const dy = Math.max(0, a.min.y - b.max.y, b.min.y - a.max.y);
  const dz = Math.max(0, a.min.z - b.max.z, b.min.z - a.max.z);
  return Math.hypot(dx, dy, dz);
}

/**
 * Exact smallest distance between the triangles of a posed part and of the object, if it is
 * below `bound` (part frame, meters); null otherwise. The object BVH is walked nearest box first
 * (box-to-box distance to the part's box: a lower bound), skipping boxes that cannot beat the best
 * pair so far; each object triangle reached is moved into the part's frame and searched against
 * the part's BVH with the same box-to-box pruning. Every distance is measured in the part's frame, so a scaled object frame cannot
 * skew the pruning (three-mesh-bvh's `closestPointToGeometry` measures part of its pruning in the
 * other mesh's frame, and was also several times slower here).
 *
 * `objectToPart` maps the object BVH's frame to the part's; `partBoxInObject` is the part's
 * bounding box in the object BVH's frame and `scale` the length ratio part frame / object frame.
 */
export function closestTrianglePair(
  objBvh: MeshBVH,
  partBvh: MeshBVH,
  objectToPart: Matrix4,
  partBoxInObject: Box3,
  /** the part's own bounding box, in its frame */
  partBox: Box3,
  scale: number,
  bound: number,
  stopBelow: number,
): TrianglePairResult | null {
  let best = bound;
  let found = false;
  const partCast = {
    boundsTraverseOrder: (box: Box3) => boxDistance(box, near),
    intersectsBounds: (_box: Box3, _leaf: boolean, score: number | undefined) => (score ?? 0) < best,
    intersectsTriangle: (tri: ExtendedTriangle) => {
      // A leaf holds several triangles: a box test per triangle spares most exact tests.
      triBox.makeEmpty().expandByPoint(tri.a).expandByPoint(tri.b).expandByPoint(tri.c);
      if (boxDistance(triBox, near) >= best) return false;
      // three-mesh-bvh fills both closest points (its .d.ts lists only the first argument)
      const d = (tri.distanceToTriangle as (o: ExtendedTriangle, t1: Vector3, t2: Vector3) => number).call(tri, objTri, p1, p2);
      if (d < best) {
        best = d;
        found = true;
        bestPart.copy(p1);
        bestObj.copy(p2);
      }
      return d <= stopBelow;
    },
  };
  objBvh.shapecast({
    // Nearest object boxes first, so the best pair shrinks early and prunes the rest.
    boundsTraverseOrder: (box) => boxDistance(box, partBoxInObject),
    intersectsBounds: (_box, _leaf, score) => (score ?? 0) * scale < best,
    intersectsTriangle: (tri) => {
      objTri.a.copy(tri.a).applyMatrix4(objectToPart);
      objTri.b.copy(tri.b).applyMatrix4(objectToPart);
      objTri.c.copy(tri.c).applyMatrix4(objectToPart);
      objTri.needsUpdate = true;
      near.makeEmpty().expandByPoint(objTri.a).expandByPoint(objTri.b).expandByPoint(objTri.c);
      // Most triangles are rejected here, without a traversal's set-up cost.
      if (boxDistance(near, partBox) >= best) return false;
      partBvh.shapecast(partCast);
      return best <= stopBelow;
    },
  });
  return found ? { distance: best, onPart: bestPart.clone(), onObject: bestObj.clone() } : null;
}
