import { evaluate, passingExcept, type FilterRules } from './filterRules';
import { histogramCounts, histogramRange } from './histogram';
import { METRIC_NAMES } from './metricNames';
import { buildMetricTable, type MetricRow, type MetricTable } from './metricTable';
import { summaryTable } from './summaryTable';

/** A synthetic table of `n` grasps over 20 objects in 5 categories, 2 hands, with metric-like spreads. */
export function syntheticReviewTable(n: number, seed = 1): MetricTable {
  let s = seed >>> 0 || 1;
  const rnd = () => ((s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 4294967296;
  const objects: Record<string, { spec: { category: string } }> = {};
  for (let k = 0; k < 20; k++) objects[`obj${k}`] = { spec: { category: `cat${k % 5}` } };
  const grasps = Array.from({ length: n }, (_, i) => ({
    id: `g${i}`,
    object: `obj${i % 20}`,
    hand: i % 3 ? 'shadow' : 'leap',
    meta: { source: i % 2 ? 'web' : 'video', take: i % 97 },
    reconstruction: i % 4 ? { mesh: `r${i}.obj` } : undefined,
  }));
  const rows: MetricRow[] = grasps.map((g, i) => ({
    id: g.id,
    values: {
      penetration_depth_cm: -Math.log(1 - rnd()) * 0.5,
      penetration_volume_cm3: -Math.log(1 - rnd()) * 2,
      disjoint_distance_cm: -Math.log(1 - rnd()) * 0.4,
      contact_ratio_pct: rnd() * 100,
      object_diagonal_cm: 10 + rnd() * 20,
      d2_wasserstein_cm: g.reconstruction ? rnd() * 3 : null,
    },
    error: i % 500 === 0 ? 'hand mesh failed to load' : '',
  }));
  return buildMetricTable({ grasps, objects }, rows);
}

const RULES: FilterRules = {
  metrics: {
    penetration_depth_cm: { max: 0.5 },
    penetration_volume_cm3: { max: 2 },
    disjoint_distance_cm: { max: 0.5 },
    contact_ratio_pct: { min: 20 },
    d2_wasserstein_cm: { max: 2 },
  },
  perCategory: { cat1: { penetration_depth_cm: { max: 1 } }, cat3: { contact_ratio_pct: { min: null, max: 90 } } },
  hands: ['shadow', 'leap'],
  decisionStates: ['undecided', 'accept'],
};

export interface FilterBenchResult {
  n: number;
  /** median ms of one evaluate() over the table */
  evaluateMs: number;
  /** the same with a text search term */
  evaluateWithTextMs: number;
  /** histogram counts for all six metrics (passing except each metric's own rules) */
  histogramsMs: number;
  summaryMs: number;
  passCount: number;
}

/** Times re-evaluating the filters over `n` grasps (npm run bench calls this; default 100,000). */
export function benchFilters(n = 100_000, log: (line: string) => void = console.log): FilterBenchResult {
  const table = syntheticReviewTable(n);
  const decisions = new Uint8Array(n);
  for (let i = 0; i < n; i += 7) decisions[i] = 1 + (i % 3);
  const time = (f: () => void, reps = 15) => {
    f();
    const ms: number[] = [];
    for (let r = 0; r < reps; r++) {
      const t = performance.now();
      f();
      ms.push(performance.now() - t);
    }
    return ms.sort((a, b) => a - b)[Math.floor(reps / 2)];
  };
  let result = evaluate(RULES, table, decisions);
  const evaluateMs = time(() => (result = evaluate(RULES, table, decisions)));
  const evaluateWithTextMs = time(() => evaluate({ ...RULES, text: 'web take":42' }, table, decisions));
  const ranges = METRIC_NAMES.map((m) => histogramRange(table.columns[m]));
  const histogramsMs = time(() => METRIC_NAMES.forEach((m, k) => histogramCounts(table.columns[m], ranges[k], passingExcept(result, m))));
  const accepted = Uint8Array.from(decisions, (d) => (d === 1 ? 1 : 0));
  const summaryMs = time(() => summaryTable(table, result.pass, accepted));
  const out = { n, evaluateMs, evaluateWithTextMs, histogramsMs, summaryMs, passCount: result.passCount };
  log(`review filters over ${n.toLocaleString('en-US')} grasps (median of 15):`);
  log(
    `  evaluate ${evaluateMs.toFixed(2)} ms; with text search ${evaluateWithTextMs.toFixed(2)} ms; 6 histograms ${histogramsMs.toFixed(2)} ms; summary table ${summaryMs.toFixed(2)} ms  (${result.passCount} pass)`,
  );
  return out;
}
