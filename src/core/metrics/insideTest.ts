import { DoubleSide, Ray, Vector3 } from 'three';
import type { MeshBVH } from 'three-mesh-bvh';

/**
 * Inside/outside test that survives imperfect meshes: several rays along fixed, deliberately
 * non-axis-aligned directions each vote by crossing parity, and the majority wins.
 *
 * Why this rather than a single ray: real meshes (robot link meshes, reconstructions) have small
 * holes, duplicated or flipped faces. A hole only corrupts the rays that pass through it, so with
 * 5 rays a point is misclassified only if most of its rays hit defects. Hits closer than `eps`
 * along a ray count once, so a ray through a shared edge or vertex does not flip parity.
 * Orientation (winding) is never used, so flipped triangles are harmless.
 */
const RAW_DIRECTIONS: [number, number, number][] = [
  [0.2734, 0.8136, 0.5131],
  [-0.842, 0.2377, 0.4842],
  [0.5329, -0.6187, 0.5773],
  [-0.3511, -0.5423, -0.7634],
  [0.7801, 0.3303, -0.5313],
  [-0.1237, 0.9145, -0.3851],
  [0.6023, -0.1519, -0.7836],
  [-0.6661, -0.7113, 0.2245],
  [0.9312, -0.3076, 0.1955],
  [-0.2952, 0.1178, 0.9481],
  [0.0871, -0.9712, -0.2216],
  [-0.9123, 0.3344, -0.2361],
  [0.4404, 0.5236, -0.7293],
  [-0.5118, -0.1922, 0.8372],
  [0.1712, 0.2659, 0.9487],
];
export const RAY_DIRECTIONS: Vector3[] = RAW_DIRECTIONS.map(([x, y, z]) => new Vector3(x, y, z).normalize());

const ray = new Ray();
const dists: number[] = [];

/** Number of distinct surface crossings along the ray from (x,y,z) in direction d. */
export function crossingCount(bvh: MeshBVH, x: number, y: number, z: number, d: Vector3, eps: number): number {
  ray.origin.set(x, y, z);
  ray.direction.copy(d);
  const hits = bvh.raycast(ray, DoubleSide);
  if (hits.length <= 1) return hits.length;
  dists.length = 0;
  for (const h of hits) dists.push(h.distance);
  dists.sort((a, b) => a - b);
  let count = 1;
  for (let i = 1; i < dists.length; i++) if (dists[i] - dists[i - 1] > eps) count++;
  return count;
}

/** Majority of `rays` parity votes; stops as soon as the majority is decided. */
export function insideByRayVotes(bvh: MeshBVH, x: number, y: number, z: number, rays: number, eps: number): boolean {
  const need = (rays >> 1) + 1;
  let inside = 0,
    outside = 0;
  for (let i = 0; i < rays; i++) {
    if (crossingCount(bvh, x, y, z, RAY_DIRECTIONS[i % RAY_DIRECTIONS.length], eps) & 1) inside++;
    else outside++;
    if (inside >= need) return true;
    if (outside >= need) return false;
  }
  return inside > outside;
}

/**
 * Inside test for the union of a mesh's connected components. Parity is counted per component,
 * so a point in the overlap of two closed parts (two crossings along every ray, one per part) is
 * inside both rather than "outside" by whole-mesh parity. Each component gets its own majority
 * vote over the rays; the point is inside the union when any component's vote says inside.
 * With one component this is exactly `insideByRayVotes`.
 */
export class UnionVoter {
  private readonly votes: Int32Array;
  private readonly touched: number[] = [];
  private readonly order: number[] = [];
  private readonly hitComp: number[] = [];
  private readonly hitDist: number[] = [];

  constructor(
    private readonly bvh: MeshBVH,
    /** component of each triangle, in the BVH's triangle order */
    readonly faceComponent: Uint32Array,
    readonly components: number,
    private readonly eps: number,
  ) {
    this.votes = new Int32Array(Math.max(components, 1));
  }

  /** Inside component `only` alone (its own parity vote). */
  isInsideComponent(x: number, y: number, z: number, rays: number, only: number): boolean {
    return this.isInside(x, y, z, rays, -1, only);
  }

  /** Inside the union of all components, or of all but `exclude`, or of `only` alone. */
  isInside(x: number, y: number, z: number, rays: number, exclude = -1, only = -1): boolean {
    if (this.components <= 1 && exclude < 0) return insideByRayVotes(this.bvh, x, y, z, rays, this.eps);
    const { votes, touched, order, hitComp, hitDist, faceComponent, eps } = this;
    for (const c of touched) votes[c] = 0;
    touched.length = 0;
    const need = (rays >> 1) + 1;
    let best = 0;
    for (let i = 0; i < rays; i++) {
      ray.origin.set(x, y, z);
      ray.direction.copy(RAY_DIRECTIONS[i % RAY_DIRECTIONS.length]);
      const hits = this.bvh.raycast(ray, DoubleSide);
      hitComp.length = 0;
      hitDist.length = 0;
      order.length = 0;
      for (const h of hits) {
        const c = faceComponent[h.faceIndex ?? 0];
        if (c === exclude || (only >= 0 && c !== only)) continue;
        order.push(hitComp.length);
        hitComp.push(c);
        hitDist.push(h.distance);
      }
      order.sort((a, b) => hitComp[a] - hitComp[b] || hitDist[a] - hitDist[b]);
      for (let k = 0; k < order.length;) {
        const c = hitComp[order[k]];
        let crossings = 1;
        let last = hitDist[order[k]];
        k++;
        for (; k < order.length && hitComp[order[k]] === c; k++) {
          const d = hitDist[order[k]];
          if (d - last > eps) crossings++;
          last = d;
        }
        if (crossings & 1) {
          if (votes[c] === 0) touched.push(c);
          if (++votes[c] >= need) return true;
          if (votes[c] > best) best = votes[c];
        }
      }
      if (best + (rays - i - 1) < need) return false;
    }
    return false;
  }
}
