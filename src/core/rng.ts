/** Seeded pseudo-random source; the same seed gives the same sequence on every platform. */
export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  /** standard normal (mean 0, sd 1) */
  gaussian(): number;
  /** uniform in [lo, hi) */
  range(lo: number, hi: number): number;
  /** integer in [0, n) */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
}

/**
 * mulberry32: 32-bit state, fast, good enough for procedural geometry and sampling (not crypto).
 * The seed is hashed first so nearby seeds (0, 1, 2...) give unrelated sequences.
 */
export function makeRng(seed: number): Rng {
  let s = hashSeed(seed);
  let spare: number | null = null;
  const next = (): number => {
    s = (s + 0x6d2b79f5) | 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const gaussian = (): number => {
    if (spare !== null) {
      const g = spare;
      spare = null;
      return g;
    }
    // Box-Muller; 1 - next() avoids log(0).
    const u = 1 - next();
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    gaussian,
    range: (lo, hi) => lo + (hi - lo) * next(),
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

function hashSeed(seed: number): number {
  // Fold in the fractional part and high bits so non-integer and large seeds still differ.
  let h = Math.floor(seed) ^ Math.floor((seed % 1) * 4294967296) ^ Math.floor(seed / 4294967296);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}
