import { makeRng } from '../rng';

/**
 * Metrics must be reproducible across runs, workers and machines, so every random choice flows
 * from the user's seed through the project's seeded generator, as a plain function.
 */
export type Rng = () => number;

export function makeMetricsRng(seed: number): Rng {
  const rng = makeRng(seed);
  return () => rng.next();
}

/** Derives independent streams (hand samples, object samples, D2 pairs) from one user seed. */
export function subSeed(seed: number, stream: number): number {
  let h = (Math.floor(seed) ^ Math.imul(stream + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
