import { describe, expect, it } from 'vitest';
import { histogram, histogramCounts, histogramRange, niceStep, quantile } from './histogram';

describe('histogram', () => {
  it('bins values up to the 99th percentile and puts outliers in the overflow bin', () => {
    // 0.00 .. 0.99 in steps of 0.01, plus one exploded grasp at 50
    const values = Float64Array.from({ length: 100 }, (_, i) => i / 100);
    const col = Float64Array.from([...values, 50, NaN, NaN]);
    const passing = Uint8Array.from(col, (v) => (v < 0.5 || Number.isNaN(v) ? 1 : 0));
    const h = histogram(col, passing, { bins: 10 });
    expect(h.lo).toBe(0);
    expect(h.step).toBeCloseTo(0.1, 12);
    expect(h.bins).toBe(10);
    expect(h.edges[h.bins]).toBeCloseTo(1, 12);
    expect(h.overflow).toEqual({ all: 1, passing: 0 });
    expect(h.missing).toEqual({ all: 2, passing: 2 });
    expect(h.underflow).toEqual({ all: 0, passing: 0 });
    const total = h.all.reduce((s, c) => s + c, 0);
    expect(total).toBe(100);
    expect(Array.from(h.passing).reduce((s, c) => s + c, 0)).toBe(50);
    for (const c of h.all) expect(c).toBe(10);
  });

  it('extends the range to include thresholds', () => {
    const col = Float64Array.from({ length: 50 }, (_, i) => 1 + i / 50);
    const r = histogramRange(col, { bins: 20, include: [0.2, 5, null] });
    expect(r.lo).toBeLessThanOrEqual(0.2);
    expect(r.lo + r.bins * r.step).toBeGreaterThanOrEqual(5);
    const counts = histogramCounts(col, r);
    expect(counts.all.reduce((s, c) => s + c, 0)).toBe(50);
  });

  it('handles constant and empty columns', () => {
    const h = histogram(Float64Array.from([3, 3, 3]));
    expect(h.all.reduce((s, c) => s + c, 0)).toBe(3);
    expect(h.overflow.all).toBe(0);
    const e = histogram(Float64Array.from([NaN]));
    expect(e.missing.all).toBe(1);
    expect(e.bins).toBeGreaterThan(0);
  });

  it('picks readable steps and interpolated quantiles', () => {
    expect(niceStep(0.013)).toBeCloseTo(0.02, 12);
    expect(niceStep(2.2)).toBe(2.5);
    expect(niceStep(7)).toBe(10);
    expect(quantile([0, 10], 0.25)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 1)).toBe(5);
  });
});
