import { triangleNormal } from '../math/triangle';
import type { TriMesh } from '../mesh/triMesh';

/** The exact (per-point) inside test the grid caches. */
export type InsideVote = (x: number, y: number, z: number) => boolean;

const OUT = 0;
const IN = 1;
/** near the surface, or in a region whose votes disagreed: ask the rays per point */
const ASK = 2;

/**
 * Caches inside/outside answers for a mesh on a voxel grid so most point queries cost one array
 * read. Cells touched by a triangle are marked ASK; the remaining cells split into connected
 * regions that no triangle crosses, so each region is wholly inside or wholly outside (of every
 * component, hence also of their union). A region is
 * labelled by ray votes at several of its cells; if those disagree (a mesh whose holes let the
 * inside leak to the outside) the region stays ASK and every point in it is voted on individually,
 * which gives exactly the behaviour of the plain per-point test.
 */
export class InsideField {
  readonly nx: number;
  readonly ny: number;
  readonly nz: number;
  readonly h: number;
  readonly ox: number;
  readonly oy: number;
  readonly oz: number;
  readonly state: Uint8Array;

  constructor(
    mesh: TriMesh,
    private readonly vote: InsideVote,
    min: ArrayLike<number>,
    max: ArrayLike<number>,
    targetCells = 1 << 17,
  ) {
    const ex = max[0] - min[0],
      ey = max[1] - min[1],
      ez = max[2] - min[2];
    const maxExt = Math.max(ex, ey, ez, 1e-9);
    let h = maxExt / 64;
    for (let it = 0; it < 3; it++) h = Math.cbrt((Math.max(ex, h) * Math.max(ey, h) * Math.max(ez, h)) / targetCells);
    h = Math.max(h, maxExt / 512);
    this.h = h;
    this.nx = Math.ceil(ex / h) + 3;
    this.ny = Math.ceil(ey / h) + 3;
    this.nz = Math.ceil(ez / h) + 3;
    this.ox = min[0] - h;
    this.oy = min[1] - h;
    this.oz = min[2] - h;
    this.state = new Uint8Array(this.nx * this.ny * this.nz);
    this.markSurface(mesh);
    this.labelRegions();
  }

  private markSurface(mesh: TriMesh): void {
    const { positions: p, indices: ix } = mesh;
    const { nx, ny, h, ox, oy, oz, state } = this;
    const pad = h * 1e-3;
    const halfDiag = h * 0.8661;
    const plane = new Float64Array(3);
    for (let t = 0; t < ix.length; t += 3) {
      const a = 3 * ix[t],
        b = 3 * ix[t + 1],
        c = 3 * ix[t + 2];
      const ax = p[a],
        ay = p[a + 1],
        az = p[a + 2];
      const i0 = Math.floor((Math.min(ax, p[b], p[c]) - pad - ox) / h),
        i1 = Math.floor((Math.max(ax, p[b], p[c]) + pad - ox) / h);
      const j0 = Math.floor((Math.min(ay, p[b + 1], p[c + 1]) - pad - oy) / h),
        j1 = Math.floor((Math.max(ay, p[b + 1], p[c + 1]) + pad - oy) / h);
      const k0 = Math.floor((Math.min(az, p[b + 2], p[c + 2]) - pad - oz) / h),
        k1 = Math.floor((Math.max(az, p[b + 2], p[c + 2]) + pad - oz) / h);
      const small = (i1 - i0 + 1) * (j1 - j0 + 1) * (k1 - k0 + 1) <= 8;
      // Plane normal for the slab test that keeps big slanted triangles from marking their whole box.
      triangleNormal(p, a, b, c, plane);
      const nX = plane[0],
        nY = plane[1],
        nZ = plane[2];
      for (let k = k0; k <= k1; k++) {
        const cz = oz + (k + 0.5) * h - az;
        for (let j = j0; j <= j1; j++) {
          const cy = oy + (j + 0.5) * h - ay;
          const row = (k * ny + j) * nx;
          for (let i = i0; i <= i1; i++) {
            if (!small) {
              const cx = ox + (i + 0.5) * h - ax;
              if (Math.abs(nX * cx + nY * cy + nZ * cz) > halfDiag) continue;
            }
            state[row + i] = ASK;
          }
        }
      }
    }
  }

  private labelRegions(): void {
    const { nx, ny, nz, state } = this;
    const n = state.length;
    const visited = new Uint8Array(n);
    const queue = new Int32Array(n);
    const plane = nx * ny;
    for (let seed = 0; seed < n; seed++) {
      if (state[seed] === ASK || visited[seed]) continue;
      let head = 0,
        tail = 0;
      queue[tail++] = seed;
      visited[seed] = 1;
      while (head < tail) {
        const c = queue[head++];
        const i = c % nx,
          j = ((c - i) / nx) % ny,
          k = Math.floor(c / plane);
        if (i > 0) tail = this.push(c - 1, visited, queue, tail);
        if (i < nx - 1) tail = this.push(c + 1, visited, queue, tail);
        if (j > 0) tail = this.push(c - nx, visited, queue, tail);
        if (j < ny - 1) tail = this.push(c + nx, visited, queue, tail);
        if (k > 0) tail = this.push(c - plane, visited, queue, tail);
        if (k < nz - 1) tail = this.push(c + plane, visited, queue, tail);
      }
      const votes = Math.min(5, tail);
      let inside = 0;
      for (let v = 0; v < votes; v++) {
        const c = queue[Math.floor(((v + 0.5) * tail) / votes)];
        const i = c % nx,
          j = ((c - i) / nx) % ny,
          k = Math.floor(c / plane);
        if (this.vote(this.ox + (i + 0.5) * this.h, this.oy + (j + 0.5) * this.h, this.oz + (k + 0.5) * this.h)) inside++;
      }
      const label = inside === votes ? IN : inside === 0 ? OUT : ASK;
      for (let q = 0; q < tail; q++) state[queue[q]] = label;
    }
  }

  private push(c: number, visited: Uint8Array, queue: Int32Array, tail: number): number {
    if (visited[c] || this.state[c] === ASK) return tail;
    visited[c] = 1;
    queue[tail] = c;
    return tail + 1;
  }

  /** Whether the point is inside the mesh (grid answer when certain, ray votes otherwise). */
  isInside(x: number, y: number, z: number): boolean {
    const i = Math.floor((x - this.ox) / this.h),
      j = Math.floor((y - this.oy) / this.h),
      k = Math.floor((z - this.oz) / this.h);
    if (i < 0 || j < 0 || k < 0 || i >= this.nx || j >= this.ny || k >= this.nz) return false;
    const s = this.state[(k * this.ny + j) * this.nx + i];
    if (s === OUT) return false;
    if (s === IN) return true;
    return this.vote(x, y, z);
  }
}
