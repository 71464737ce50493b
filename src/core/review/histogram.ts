/**
 * Histograms of one metric column. The range is robust (it stops at a high quantile, default the
 * 99th percentile, with an overflow bin) because a few exploded grasps would otherwise squash
 * every useful value into the first bin. The range is computed once per column (it sorts); the
 * counts are recomputed cheaply on every filter change.
 */
export interface HistogramRange {
  lo: number;
  step: number;
  bins: number;
}

export interface HistogramCounts {
  all: Uint32Array;
  passing: Uint32Array;
  /** values below lo / above the last edge */
  underflow: { all: number; passing: number };
  overflow: { all: number; passing: number };
  /** NaN (missing) values */
  missing: { all: number; passing: number };
}

export interface Histogram extends HistogramRange, HistogramCounts {
  /** bins + 1 edges, lo first */
  edges: Float64Array;
}

export interface RangeOptions {
  bins?: number;
  /** default 0: the range starts at the smallest value */
  lowerQuantile?: number;
  /** default 0.99 */
  upperQuantile?: number;
  /** values to keep inside the range (the thresholds drawn on the histogram) */
  include?: (number | null | undefined)[];
}

export function histogramRange(column: Float64Array, opts: RangeOptions = {}): HistogramRange {
  const wantBins = Math.max(1, Math.floor(opts.bins ?? 40));
  const finite = column.filter((v) => Number.isFinite(v)).sort();
  let lo = finite.length ? quantile(finite, opts.lowerQuantile ?? 0) : 0;
  let hi = finite.length ? quantile(finite, opts.upperQuantile ?? 0.99) : 1;
  for (const t of opts.include ?? []) {
    if (typeof t === 'number' && Number.isFinite(t)) {
      lo = Math.min(lo, t);
      hi = Math.max(hi, t);
    }
  }
  if (hi <= lo) hi = lo + (lo !== 0 ? Math.abs(lo) * 0.1 : 1);
  const step = niceStep((hi - lo) / wantBins);
  const start = Number((Math.floor(lo / step) * step).toPrecision(12));
  // A value equal to hi must land in the last bin, not the overflow.
  const bins = Math.max(1, Math.ceil((hi - start) / step - 1e-9));
  return { lo: start, step, bins: start + bins * step < hi ? bins + 1 : bins };
}

/** Counts per bin for all grasps and for those with passing[i] = 1. */
export function histogramCounts(column: Float64Array, range: HistogramRange, passing?: Uint8Array): HistogramCounts {
  const { lo, step, bins } = range;
  const edges = histogramEdges(range);
  const top = edges[bins];
  const all = new Uint32Array(bins);
  const pass = new Uint32Array(bins);
  const under = { all: 0, passing: 0 };
  const over = { all: 0, passing: 0 };
  const missing = { all: 0, passing: 0 };
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    const p = passing ? passing[i] : 0;
    if (v !== v) {
      missing.all++;
      missing.passing += p;
    } else if (v < lo) {
      under.all++;
      under.passing += p;
    } else if (v > top) {
      over.all++;
      over.passing += p;
    } else {
      // Division alone puts 0.3 in [0.2, 0.3) for step 0.1; compare with the edges as drawn.
      let k = Math.max(0, Math.min(bins - 1, Math.floor((v - lo) / step)));
      if (k < bins - 1 && v >= edges[k + 1]) k++;
      else if (k > 0 && v < edges[k]) k--;
      all[k]++;
      pass[k] += p;
    }
  }
  return { all, passing: pass, underflow: under, overflow: over, missing };
}

export function histogram(column: Float64Array, passing?: Uint8Array, opts: RangeOptions = {}): Histogram {
  const range = histogramRange(column, opts);
  return { ...range, edges: histogramEdges(range), ...histogramCounts(column, range, passing) };
}

/** bins + 1 edges, rounded to 12 significant digits so 3 × 0.1 is the 0.3 users type as a threshold. */
export function histogramEdges(range: HistogramRange): Float64Array {
  return Float64Array.from({ length: range.bins + 1 }, (_, k) => Number((range.lo + k * range.step).toPrecision(12)));
}

/** Linear-interpolated quantile of sorted values. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = Math.min(1, Math.max(0, q)) * (sorted.length - 1);
  const a = Math.floor(pos);
  const b = Math.min(sorted.length - 1, a + 1);
  return sorted[a] + (sorted[b] - sorted[a]) * (pos - a);
}

/** 1, 2, 2.5 or 5 times a power of ten, at least `raw`: bin edges that read well on an axis. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const f of [1, 2, 2.5, 5, 10]) if (f * p >= raw * (1 - 1e-12)) return f * p;
  return 10 * p;
}
