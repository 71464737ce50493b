import type { Mat4, PosedHand } from '../hands/types';
import type { TriMesh } from '../mesh/triMesh';

/** Rigid motion + uniform scale helpers shared by the property tests and the benchmark. */
export function rotationMatrix(axis: [number, number, number], angle: number, t: [number, number, number] = [0, 0, 0], scale = 1): number[] {
  const n = Math.hypot(...axis);
  const [x, y, z] = axis.map((v) => v / n);
  const c = Math.cos(angle),
    s = Math.sin(angle),
    C = 1 - c;
  // column-major
  return [
    (x * x * C + c) * scale,
    (y * x * C + z * s) * scale,
    (z * x * C - y * s) * scale,
    0,
    (x * y * C - z * s) * scale,
    (y * y * C + c) * scale,
    (z * y * C + x * s) * scale,
    0,
    (x * z * C + y * s) * scale,
    (y * z * C - x * s) * scale,
    (z * z * C + c) * scale,
    0,
    t[0],
    t[1],
    t[2],
    1,
  ];
}

export function multiply(a: ArrayLike<number>, b: ArrayLike<number>): Mat4 {
  const out = new Array<number>(16).fill(0);
  for (let r = 0; r < 4; r++)
    for (let c = 0; c < 4; c++) {
      let s = 0;
      for (let k = 0; k < 4; k++) s += a[k * 4 + r] * b[c * 4 + k];
      out[c * 4 + r] = s;
    }
  return out as unknown as Mat4;
}

export function transformTriMesh(mesh: TriMesh, m: ArrayLike<number>): TriMesh {
  const p = new Float32Array(mesh.positions.length);
  const q = mesh.positions;
  for (let i = 0; i < q.length; i += 3) {
    const x = q[i],
      y = q[i + 1],
      z = q[i + 2];
    p[i] = m[0] * x + m[4] * y + m[8] * z + m[12];
    p[i + 1] = m[1] * x + m[5] * y + m[9] * z + m[13];
    p[i + 2] = m[2] * x + m[6] * y + m[10] * z + m[14];
  }
  return { positions: p, indices: mesh.indices };
}

/** The same hand with every part (and fingertip frame) moved by m. */
export function transformHand(hand: PosedHand, m: ArrayLike<number>): PosedHand {
  const linkMatrices: PosedHand['linkMatrices'] = {};
  for (const [k, v] of Object.entries(hand.linkMatrices)) linkMatrices[k] = multiply(m, v);
  return {
    ...hand,
    parts: hand.parts.map((p) => ({ ...p, matrix: multiply(m, p.matrix) })),
    linkMatrices,
    fingertips: hand.fingertips.map((f) => {
      const [x, y, z] = f.position;
      return { ...f, position: [m[0] * x + m[4] * y + m[8] * z + m[12], m[1] * x + m[5] * y + m[9] * z + m[13], m[2] * x + m[6] * y + m[10] * z + m[14]] };
    }),
  };
}
