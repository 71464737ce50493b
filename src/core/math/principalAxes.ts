export type V3 = [number, number, number];

/**
 * Centroid and principal axes (largest spread first) of a mesh's vertices, by Jacobi
 * eigen-decomposition of the 3x3 covariance. Used to grasp a part across its long axis.
 */
export function principalAxes(mesh: { positions: ArrayLike<number> }): { centroid: V3; axes: [V3, V3, V3]; spread: V3 } {
  const p = mesh.positions;
  const n = p.length / 3;
  const c: V3 = [0, 0, 0];
  for (let i = 0; i < p.length; i += 3) for (let k = 0; k < 3; k++) c[k] += p[i + k] / n;
  const a = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  for (let i = 0; i < p.length; i += 3) {
    const d = [p[i] - c[0], p[i + 1] - c[1], p[i + 2] - c[2]];
    for (let r = 0; r < 3; r++) for (let s = 0; s < 3; s++) a[r][s] += (d[r] * d[s]) / n;
  }
  const v = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ];
  for (let sweep = 0; sweep < 50; sweep++) {
    const off = Math.abs(a[0][1]) + Math.abs(a[0][2]) + Math.abs(a[1][2]);
    if (off < 1e-18) break;
    for (const [pp, q] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ]) {
      if (Math.abs(a[pp][q]) < 1e-30) continue;
      const theta = (a[q][q] - a[pp][pp]) / (2 * a[pp][q]);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const cs = 1 / Math.sqrt(t * t + 1);
      const sn = t * cs;
      for (let k = 0; k < 3; k++) {
        const akp = a[k][pp];
        const akq = a[k][q];
        a[k][pp] = cs * akp - sn * akq;
        a[k][q] = sn * akp + cs * akq;
      }
      for (let k = 0; k < 3; k++) {
        const apk = a[pp][k];
        const aqk = a[q][k];
        a[pp][k] = cs * apk - sn * aqk;
        a[q][k] = sn * apk + cs * aqk;
      }
      for (let k = 0; k < 3; k++) {
        const vkp = v[k][pp];
        const vkq = v[k][q];
        v[k][pp] = cs * vkp - sn * vkq;
        v[k][q] = sn * vkp + cs * vkq;
      }
    }
  }
  const order = [0, 1, 2].sort((i, j) => a[j][j] - a[i][i]);
  const axes = order.map((i) => [v[0][i], v[1][i], v[2][i]] as V3) as [V3, V3, V3];
  const spread = order.map((i) => Math.sqrt(Math.max(0, a[i][i]))) as V3;
  return { centroid: c, axes, spread };
}
