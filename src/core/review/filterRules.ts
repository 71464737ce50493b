import { DECISION_CODE, type DecisionState } from './decisionStates';
import { METRIC_INFO, METRIC_NAMES, type MetricName } from './metricNames';
import type { MetricTable } from './metricTable';
import { ownEntry } from '../dataset/ownEntry';

/**
 * A bound of `null` in a per-category override removes the global bound for that category
 * (e.g. "no max contact ratio for mugs"); undefined leaves the global bound in force.
 */
export interface Bounds {
  min?: number | null;
  max?: number | null;
}
export type MetricBounds = Partial<Record<MetricName, Bounds>>;

export interface FilterRules {
  metrics: MetricBounds;
  /** category -> overrides; min and max each replace the global bound on their own */
  perCategory: Record<string, MetricBounds>;
  /** manifest hand ids to keep; empty or absent = all */
  hands?: string[];
  categories?: string[];
  decisionStates?: DecisionState[];
  /** whitespace-separated terms, all of which must occur (case-insensitive) in the id, object id or meta */
  text?: string;
}

export const EMPTY_RULES: FilterRules = { metrics: {}, perCategory: {} };

/*
 * Missing values (documented policy):
 * - A grasp with no value for a metric that has a bound in its category does NOT pass that rule
 *   (FAIL_MISSING): an uncomputed grasp must not slip into the kept set.
 * - Exception: D2 is only defined for grasps with a reconstruction. Grasps without one are not
 *   judged on D2, so a D2 bound neither passes nor fails them.
 * - A grasp whose metrics errored fails (FAIL_ERROR) as soon as any metric bound applies to its
 *   category, even if some of its values exist: its numbers cannot be trusted.
 * With no metric bounds at all, missing and errored grasps pass (only the other filters apply).
 */

const M = METRIC_NAMES.length;
/** Bit layout of FilterResult.failures: three bits per metric (min, max, missing), then the rest. */
export const failMinBit = (m: number) => 1 << (3 * m);
export const failMaxBit = (m: number) => 1 << (3 * m + 1);
export const failMissingBit = (m: number) => 1 << (3 * m + 2);
export const FAIL_ERROR = 1 << (3 * M);
export const FAIL_HAND = 1 << (3 * M + 1);
export const FAIL_CATEGORY = 1 << (3 * M + 2);
export const FAIL_DECISION = 1 << (3 * M + 3);
export const FAIL_TEXT = 1 << (3 * M + 4);
const D2 = METRIC_NAMES.indexOf('d2_wasserstein_cm');

export function metricMask(metric: MetricName): number {
  const m = METRIC_NAMES.indexOf(metric);
  return failMinBit(m) | failMaxBit(m) | failMissingBit(m);
}

export interface FilterResult {
  /** 1 = passes every rule */
  pass: Uint8Array;
  passCount: number;
  total: number;
  /** per grasp, the bits of the rules it fails (see fail*Bit, FAIL_*) */
  failures: Uint32Array;
  /** how many grasps each rule rejects; a grasp can count under several rules */
  failCounts: {
    metrics: Record<MetricName, { min: number; max: number; missing: number }>;
    error: number;
    hand: number;
    category: number;
    decision: number;
    text: number;
  };
}

/** The bounds in force for one category: global bounds with that category's overrides applied. */
export function effectiveBounds(rules: FilterRules, category: string): Record<MetricName, { min: number; max: number }> {
  const out = {} as Record<MetricName, { min: number; max: number }>;
  const over = ownEntry(rules.perCategory, category) ?? {};
  for (const m of METRIC_NAMES) {
    const g = rules.metrics[m] ?? {};
    const o = over[m] ?? {};
    const min = o.min !== undefined ? o.min : g.min;
    const max = o.max !== undefined ? o.max : g.max;
    out[m] = {
      min: typeof min === 'number' && !Number.isNaN(min) ? min : -Infinity,
      max: typeof max === 'number' && !Number.isNaN(max) ? max : Infinity,
    };
  }
  return out;
}

/**
 * Evaluates the rules over the whole table. `decisions` holds each grasp's DECISION_CODE (absent =
 * all undecided). Allocation-free per grasp: bounds are resolved per category once, up front.
 */
export function evaluate(rules: FilterRules, table: MetricTable, decisions?: Uint8Array): FilterResult {
  const n = table.n;
  const nc = table.categories.length;
  const lo = new Float64Array(nc * M);
  const hi = new Float64Array(nc * M);
  const catHasRule = new Uint8Array(nc);
  // Per category, a bit per metric that has a bound there.
  const catMetricMask = new Uint32Array(nc);
  for (let c = 0; c < nc; c++) {
    const b = effectiveBounds(rules, table.categories[c]);
    for (let m = 0; m < M; m++) {
      const { min, max } = b[METRIC_NAMES[m]];
      lo[c * M + m] = min;
      hi[c * M + m] = max;
      if (min > -Infinity || max < Infinity) {
        catHasRule[c] = 1;
        catMetricMask[c] |= 1 << m;
      }
    }
  }
  const cols = METRIC_NAMES.map((m) => table.columns[m]);
  const handOk = allowMask(rules.hands, table.hands);
  const catOk = allowMask(rules.categories, table.categories);
  const decisionOk = rules.decisionStates && rules.decisionStates.length ? new Uint8Array(4) : null;
  if (decisionOk) for (const s of rules.decisionStates!) decisionOk[DECISION_CODE[s]] = 1;
  const terms = (rules.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);

  const pass = new Uint8Array(n);
  const failures = new Uint32Array(n);
  const minCount = new Uint32Array(M),
    maxCount = new Uint32Array(M),
    missCount = new Uint32Array(M);
  let errorCount = 0,
    handCount = 0,
    catCount = 0,
    decisionCount = 0,
    textCount = 0,
    passCount = 0;
  const { category, hand, errored, hasReconstruction, searchText } = table;

  for (let i = 0; i < n; i++) {
    let f = 0;
    const c = category[i];
    const mask = catMetricMask[c];
    if (mask) {
      if (errored[i]) {
        f |= FAIL_ERROR;
        errorCount++;
      }
      const base = c * M;
      for (let m = 0; m < M; m++) {
        if (!(mask & (1 << m))) continue;
        const v = cols[m][i];
        if (v !== v) {
          if (m === D2 && !hasReconstruction[i]) continue;
          f |= 1 << (3 * m + 2);
          missCount[m]++;
        } else if (v < lo[base + m]) {
          f |= 1 << (3 * m);
          minCount[m]++;
        } else if (v > hi[base + m]) {
          f |= 1 << (3 * m + 1);
          maxCount[m]++;
        }
      }
    }
    if (handOk && !handOk[hand[i]]) {
      f |= FAIL_HAND;
      handCount++;
    }
    if (catOk && !catOk[c]) {
      f |= FAIL_CATEGORY;
      catCount++;
    }
    if (decisionOk && !decisionOk[decisions ? decisions[i] : 0]) {
      f |= FAIL_DECISION;
      decisionCount++;
    }
    if (terms.length) {
      const s = searchText[i];
      for (let t = 0; t < terms.length; t++) {
        if (!s.includes(terms[t])) {
          f |= FAIL_TEXT;
          textCount++;
          break;
        }
      }
    }
    failures[i] = f;
    if (f === 0) {
      pass[i] = 1;
      passCount++;
    }
  }
  const metrics = {} as FilterResult['failCounts']['metrics'];
  METRIC_NAMES.forEach((m, k) => (metrics[m] = { min: minCount[k], max: maxCount[k], missing: missCount[k] }));
  return {
    pass,
    passCount,
    total: n,
    failures,
    failCounts: { metrics, error: errorCount, hand: handCount, category: catCount, decision: decisionCount, text: textCount },
  };
}

function allowMask(wanted: string[] | undefined, present: string[]): Uint8Array | null {
  if (!wanted || wanted.length === 0) return null;
  const set = new Set(wanted);
  return Uint8Array.from(present, (p) => (set.has(p) ? 1 : 0));
}

/**
 * Grasps that pass every rule except those on `metric`: what a metric's histogram shows as
 * "passing" while its own thresholds are dragged.
 */
export function passingExcept(result: FilterResult, metric: MetricName): Uint8Array {
  const ignore = ~metricMask(metric);
  const out = new Uint8Array(result.total);
  for (let i = 0; i < result.total; i++) out[i] = (result.failures[i] & ignore) === 0 ? 1 : 0;
  return out;
}

/** "96 of 1,000 pass: 9.6%" */
export function passSummary(passCount: number, total: number): string {
  const pct = total ? (100 * passCount) / total : 0;
  // One decimal, except that a tiny non-zero share must not read as 0%.
  const pctText = pct > 0 && pct < 0.05 ? String(Number(pct.toPrecision(1))) : String(Number(pct.toFixed(1)));
  return `${passCount.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} pass: ${pctText}%`;
}

/** Human-readable reasons one grasp fails, for the grasp panel and tooltips. */
export function failureReasons(rules: FilterRules, table: MetricTable, result: FilterResult, i: number): string[] {
  const f = result.failures[i];
  if (!f) return [];
  const out: string[] = [];
  const category = table.categories[table.category[i]];
  const bounds = effectiveBounds(rules, category);
  METRIC_NAMES.forEach((m, k) => {
    const { label, unit } = METRIC_INFO[m];
    const v = table.columns[m][i];
    if (f & failMinBit(k)) out.push(`${label} ${fmt(v)} ${unit} < min ${fmt(bounds[m].min)} ${unit}`);
    if (f & failMaxBit(k)) out.push(`${label} ${fmt(v)} ${unit} > max ${fmt(bounds[m].max)} ${unit}`);
    if (f & failMissingBit(k)) out.push(`${label} missing (a rule applies to it)`);
  });
  if (f & FAIL_ERROR) out.push(`metrics failed: ${table.errors.get(i) ?? 'error'}`);
  if (f & FAIL_HAND) out.push(`hand "${table.hands[table.hand[i]]}" is filtered out`);
  if (f & FAIL_CATEGORY) out.push(`category "${category}" is filtered out`);
  if (f & FAIL_DECISION) out.push('decision state is filtered out');
  if (f & FAIL_TEXT) out.push('does not match the search text');
  return out;
}

const fmt = (v: number) => String(Number(v.toPrecision(4)));

/** Problems that make a rule set meaningless (min above max, non-finite bounds); empty when fine. */
export function validateRules(rules: FilterRules): string[] {
  const issues: string[] = [];
  const check = (where: string, b: Bounds | undefined) => {
    if (!b) return;
    for (const k of ['min', 'max'] as const) {
      const v = b[k];
      if (v !== undefined && v !== null && !Number.isFinite(v)) issues.push(`${where}.${k} must be a finite number`);
    }
  };
  for (const m of METRIC_NAMES) check(`metrics.${m}`, rules.metrics[m]);
  for (const [cat, over] of Object.entries(rules.perCategory)) for (const m of METRIC_NAMES) check(`perCategory.${cat}.${m}`, over[m]);
  const cats = ['', ...Object.keys(rules.perCategory)];
  for (const cat of cats) {
    const b = effectiveBounds(rules, cat);
    for (const m of METRIC_NAMES) {
      if (b[m].min > b[m].max) {
        issues.push(`${cat ? `category "${cat}"` : 'global'} ${METRIC_INFO[m].label}: min ${b[m].min} is above max ${b[m].max}, so nothing passes`);
      }
    }
  }
  return issues;
}
