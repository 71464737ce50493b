import type { TriMesh } from './triMesh';

/**
 * Merges vertices with bit-identical positions and drops vertices no triangle uses.
 * Exact matching (not a tolerance) keeps distinct-but-close vertices apart, so welding never
 * collapses real geometry; it only restores the sharing that per-face formats (STL, OBJ
 * without shared indices) threw away. Surviving vertices keep their relative order.
 */
export function weldVertices(mesh: TriMesh): TriMesh {
  const { positions, indices } = mesh;
  const n = positions.length / 3;
  const bits = new Uint32Array(positions.buffer, positions.byteOffset, positions.length);
  const used = new Uint8Array(n);
  for (let i = 0; i < indices.length; i++) used[indices[i]] = 1;

  let cap = 16;
  while (cap < n * 2) cap <<= 1;
  const mask = cap - 1;
  const table = new Int32Array(cap).fill(-1);
  const remap = new Uint32Array(n);
  const out = new Float32Array(positions.length);
  const outBits = new Uint32Array(out.buffer);
  let count = 0;
  for (let v = 0; v < n; v++) {
    if (!used[v]) continue;
    const a = bits[3 * v],
      b = bits[3 * v + 1],
      c = bits[3 * v + 2];
    // -0 and +0 are the same position but differ in bits; fold them together.
    const x = fold(a),
      y = fold(b),
      z = fold(c);
    let h = (Math.imul(x, 73856093) ^ Math.imul(y, 19349663) ^ Math.imul(z, 83492791)) & mask;
    for (;;) {
      const slot = table[h];
      if (slot < 0) {
        table[h] = count;
        out[3 * count] = positions[3 * v];
        out[3 * count + 1] = positions[3 * v + 1];
        out[3 * count + 2] = positions[3 * v + 2];
        remap[v] = count++;
        break;
      }
      if (fold(outBits[3 * slot]) === x && fold(outBits[3 * slot + 1]) === y && fold(outBits[3 * slot + 2]) === z) {
        remap[v] = slot;
        break;
      }
      h = (h + 1) & mask;
    }
  }
  const newIndices = new Uint32Array(indices.length);
  for (let i = 0; i < indices.length; i++) newIndices[i] = remap[indices[i]];
  return { positions: out.slice(0, count * 3), indices: newIndices };
}

function fold(bits: number): number {
  return bits === 0x80000000 ? 0 : bits;
}
