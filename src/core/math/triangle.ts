// Triangle helpers on flat xyz arrays (TriMesh.positions), taking vertex offsets (3 * vertex index)
// and writing into caller-owned arrays: mesh loops call them once per triangle without allocating.

type Positions = ArrayLike<number>;

/** (b - a) x (c - a) into out[o..o+2]: the normal scaled by twice the area (counter-clockwise = front). */
export function triangleCross(p: Positions, a: number, b: number, c: number, out: Float64Array | number[], o = 0): void {
  const ux = p[b] - p[a],
    uy = p[b + 1] - p[a + 1],
    uz = p[b + 2] - p[a + 2];
  const vx = p[c] - p[a],
    vy = p[c + 1] - p[a + 1],
    vz = p[c + 2] - p[a + 2];
  out[o] = uy * vz - uz * vy;
  out[o + 1] = uz * vx - ux * vz;
  out[o + 2] = ux * vy - uy * vx;
}

const scratch = new Float64Array(3);

export function triangleArea(p: Positions, a: number, b: number, c: number): number {
  triangleCross(p, a, b, c, scratch);
  return 0.5 * Math.hypot(scratch[0], scratch[1], scratch[2]);
}

/** Unit normal into out[o..o+2]; a degenerate triangle gives the zero vector. */
export function triangleNormal(p: Positions, a: number, b: number, c: number, out: Float64Array | number[], o = 0): void {
  triangleCross(p, a, b, c, out, o);
  const l = Math.hypot(out[o], out[o + 1], out[o + 2]) || 1;
  out[o] /= l;
  out[o + 1] /= l;
  out[o + 2] /= l;
}
