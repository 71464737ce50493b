import { inverse, Matrix } from 'ml-matrix';

/**
 * Robot point positions from their distances to the object points, by closed-form least squares.
 * |x - o_j|^2 = d_j^2 minus its mean over j is linear in x: 2 (o_j - o_mean) . x =
 * (|o_j|^2 - mean |o|^2) - (d_j^2 - mean d^2). The 3x3 normal matrix is the same for every robot
 * point, so it is inverted once.
 * `dist` is R x M row-major (metres), `object` M x 3; returns R x 3.
 */
export function multilaterate(dist: ArrayLike<number>, rows: number, object: ArrayLike<number>): Float64Array {
  const m = object.length / 3;
  if (dist.length !== rows * m) throw new Error(`multilaterate: ${dist.length} distances for ${rows} x ${m}`);
  let mx = 0,
    my = 0,
    mz = 0,
    mo2 = 0;
  for (let j = 0; j < m; j++) {
    const x = object[3 * j],
      y = object[3 * j + 1],
      z = object[3 * j + 2];
    mx += x;
    my += y;
    mz += z;
    mo2 += x * x + y * y + z * z;
  }
  mx /= m;
  my /= m;
  mz /= m;
  mo2 /= m;
  const a = new Float64Array(3 * m);
  const c = new Float64Array(m);
  const ata = Matrix.zeros(3, 3);
  for (let j = 0; j < m; j++) {
    const x = object[3 * j],
      y = object[3 * j + 1],
      z = object[3 * j + 2];
    const ax = 2 * (x - mx),
      ay = 2 * (y - my),
      az = 2 * (z - mz);
    a[3 * j] = ax;
    a[3 * j + 1] = ay;
    a[3 * j + 2] = az;
    c[j] = x * x + y * y + z * z - mo2;
    const r = [ax, ay, az];
    for (let p = 0; p < 3; p++) for (let q = 0; q < 3; q++) ata.set(p, q, ata.get(p, q) + r[p] * r[q]);
  }
  const inv = inverse(ata).to1DArray();
  const out = new Float64Array(3 * rows);
  for (let i = 0; i < rows; i++) {
    let md2 = 0;
    for (let j = 0; j < m; j++) md2 += dist[i * m + j] ** 2;
    md2 /= m;
    let bx = 0,
      by = 0,
      bz = 0;
    for (let j = 0; j < m; j++) {
      const b = c[j] - (dist[i * m + j] ** 2 - md2);
      bx += a[3 * j] * b;
      by += a[3 * j + 1] * b;
      bz += a[3 * j + 2] * b;
    }
    out[3 * i] = inv[0] * bx + inv[1] * by + inv[2] * bz;
    out[3 * i + 1] = inv[3] * bx + inv[4] * by + inv[5] * bz;
    out[3 * i + 2] = inv[6] * bx + inv[7] * by + inv[8] * bz;
  }
  return out;
}
