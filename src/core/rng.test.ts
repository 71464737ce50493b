import { describe, expect, it } from 'vitest';
import { makeRng } from './rng';

describe('makeRng', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = makeRng(42),
      b = makeRng(42),
      c = makeRng(43);
    const sa = Array.from({ length: 20 }, () => a.next());
    const sb = Array.from({ length: 20 }, () => b.next());
    const sc = Array.from({ length: 20 }, () => c.next());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
    expect(makeRng(0.5).next()).not.toBe(makeRng(0).next());
  });

  it('gives uniform values in [0,1) and standard-normal gaussians', () => {
    const r = makeRng(7);
    const n = 20000;
    let sum = 0,
      min = 1,
      max = 0;
    for (let i = 0; i < n; i++) {
      const x = r.next();
      sum += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / n).toBeCloseTo(0.5, 1);
    let g1 = 0,
      g2 = 0;
    for (let i = 0; i < n; i++) {
      const g = r.gaussian();
      g1 += g;
      g2 += g * g;
    }
    expect(Math.abs(g1 / n)).toBeLessThan(0.05);
    expect(g2 / n).toBeGreaterThan(0.93);
    expect(g2 / n).toBeLessThan(1.07);
  });

  it('int and pick stay in range and cover it', () => {
    const r = makeRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) {
      const k = r.int(5);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThan(5);
      seen.add(k);
    }
    expect(seen.size).toBe(5);
    expect(['a', 'b']).toContain(r.pick(['a', 'b']));
  });
});
