import { describe, expect, it } from 'vitest';
import { syntheticReviewTable } from './benchFilters';
import { DECISION_CODE } from './decisionStates';
import {
  EMPTY_RULES,
  FAIL_DECISION,
  FAIL_ERROR,
  FAIL_TEXT,
  effectiveBounds,
  evaluate,
  failMaxBit,
  failMinBit,
  failMissingBit,
  failureReasons,
  passSummary,
  passingExcept,
  validateRules,
  type FilterRules,
} from './filterRules';
import { METRIC_NAMES, type MetricName } from './metricNames';
import { tableOf } from './testTable.testutil';

const PD = METRIC_NAMES.indexOf('penetration_depth_cm');
const CR = METRIC_NAMES.indexOf('contact_ratio_pct');
const D2 = METRIC_NAMES.indexOf('d2_wasserstein_cm');
const passing = (r: ReturnType<typeof evaluate>, ids: string[]) => ids.filter((_, i) => r.pass[i]);

describe('metric rules', () => {
  const list = [
    { id: 'a', category: 'mug', values: { penetration_depth_cm: 0.2, contact_ratio_pct: 40 } },
    { id: 'b', category: 'mug', values: { penetration_depth_cm: 0.8, contact_ratio_pct: 40 } },
    { id: 'c', category: 'ball', values: { penetration_depth_cm: 0.8, contact_ratio_pct: 5 } },
    { id: 'd', category: 'ball', values: { penetration_depth_cm: 0.5, contact_ratio_pct: 20 } },
  ];
  const table = tableOf(list);
  const ids = list.map((g) => g.id);

  it('applies min and max inclusively and records which bound failed', () => {
    const rules: FilterRules = { metrics: { penetration_depth_cm: { max: 0.5 }, contact_ratio_pct: { min: 20 } }, perCategory: {} };
    const r = evaluate(rules, table);
    expect(passing(r, ids)).toEqual(['a', 'd']);
    expect(r.passCount).toBe(2);
    expect(r.failures[1]).toBe(failMaxBit(PD));
    expect(r.failures[2]).toBe(failMaxBit(PD) | failMinBit(CR));
    expect(r.failCounts.metrics.penetration_depth_cm).toEqual({ min: 0, max: 2, missing: 0 });
    expect(r.failCounts.metrics.contact_ratio_pct.min).toBe(1);
  });

  it('lets a category override replace min and max independently', () => {
    const rules: FilterRules = {
      metrics: { penetration_depth_cm: { min: 0.3, max: 0.5 } },
      // balls may penetrate up to 1 cm; their min stays the global 0.3
      perCategory: { ball: { penetration_depth_cm: { max: 1 } } },
    };
    const r = evaluate(rules, table);
    expect(passing(r, ids)).toEqual(['c', 'd']);
    expect(r.failures[0]).toBe(failMinBit(PD)); // mug 0.2 < global min 0.3
    expect(effectiveBounds(rules, 'ball').penetration_depth_cm).toEqual({ min: 0.3, max: 1 });
    expect(effectiveBounds(rules, 'mug').penetration_depth_cm).toEqual({ min: 0.3, max: 0.5 });
  });

  it('treats null in an override as removing the global bound for that category', () => {
    const rules: FilterRules = { metrics: { contact_ratio_pct: { min: 30 } }, perCategory: { ball: { contact_ratio_pct: { min: null } } } };
    expect(passing(evaluate(rules, table), ids)).toEqual(['a', 'b', 'c', 'd']);
    const noOverride = evaluate({ ...rules, perCategory: {} }, table);
    expect(passing(noOverride, ids)).toEqual(['a', 'b']);
  });

  it('a category override alone constrains only that category', () => {
    const rules: FilterRules = { metrics: {}, perCategory: { mug: { penetration_depth_cm: { max: 0.5 } } } };
    expect(passing(evaluate(rules, table), ids)).toEqual(['a', 'c', 'd']);
  });
});

describe('missing values and errors', () => {
  const list = [
    { id: 'ok', category: 'x', values: { penetration_depth_cm: 0.1, d2_wasserstein_cm: 1 } },
    { id: 'noPd', category: 'x', values: { d2_wasserstein_cm: 1 } },
    { id: 'noRecon', category: 'x', recon: false, values: { penetration_depth_cm: 0.1, d2_wasserstein_cm: null } },
    { id: 'reconNoD2', category: 'x', values: { penetration_depth_cm: 0.1, d2_wasserstein_cm: null } },
    { id: 'err', category: 'x', values: { penetration_depth_cm: 0.1, d2_wasserstein_cm: 1 }, error: 'mesh failed; warning: thin' },
    { id: 'warnOnly', category: 'x', values: { penetration_depth_cm: 0.1, d2_wasserstein_cm: 1 }, error: 'warning: open mesh' },
    { id: 'uncomputed', category: 'x', uncomputed: true },
  ];
  const table = tableOf(list);
  const ids = list.map((g) => g.id);

  it('fails grasps missing a value that has a rule, except D2 without a reconstruction', () => {
    const r = evaluate({ metrics: { penetration_depth_cm: { max: 1 }, d2_wasserstein_cm: { max: 2 } }, perCategory: {} }, table);
    expect(passing(r, ids)).toEqual(['ok', 'noRecon', 'warnOnly']);
    expect(r.failures[ids.indexOf('noPd')]).toBe(failMissingBit(PD));
    expect(r.failures[ids.indexOf('reconNoD2')]).toBe(failMissingBit(D2));
    expect(r.failures[ids.indexOf('err')]).toBe(FAIL_ERROR);
    expect(r.failures[ids.indexOf('uncomputed')]).toBe(failMissingBit(PD) | failMissingBit(D2));
    expect(failureReasons({ metrics: {}, perCategory: {} }, table, r, ids.indexOf('err'))).toEqual(['metrics failed: mesh failed']);
  });

  it('with no metric rules, missing and errored grasps pass', () => {
    const r = evaluate(EMPTY_RULES, table);
    expect(r.passCount).toBe(list.length);
  });
});

describe('other filters', () => {
  const list = [
    { id: 'mug-1', category: 'mug', hand: 'shadow', meta: { source: 'YouTube clip' } },
    { id: 'mug-2', category: 'mug', hand: 'leap', meta: { source: 'lab' } },
    { id: 'ball-1', category: 'ball', hand: 'shadow' },
  ];
  const table = tableOf(list);
  const ids = list.map((g) => g.id);

  it('filters by hand, category, decision state and text (all terms, case-insensitive, id and meta)', () => {
    expect(passing(evaluate({ ...EMPTY_RULES, hands: ['leap'] }, table), ids)).toEqual(['mug-2']);
    expect(passing(evaluate({ ...EMPTY_RULES, categories: ['ball', 'cup'] }, table), ids)).toEqual(['ball-1']);
    const codes = Uint8Array.from([DECISION_CODE.accept, 0, DECISION_CODE.skip]);
    const byDecision = evaluate({ ...EMPTY_RULES, decisionStates: ['undecided', 'skip'] }, table, codes);
    expect(passing(byDecision, ids)).toEqual(['mug-2', 'ball-1']);
    expect(byDecision.failures[0]).toBe(FAIL_DECISION);
    expect(passing(evaluate({ ...EMPTY_RULES, text: 'youtube' }, table), ids)).toEqual(['mug-1']);
    expect(passing(evaluate({ ...EMPTY_RULES, text: 'MUG lab' }, table), ids)).toEqual(['mug-2']);
    const none = evaluate({ ...EMPTY_RULES, text: 'mug zebra' }, table);
    expect(none.passCount).toBe(0);
    expect(none.failCounts.text).toBe(3);
    expect(none.failures[2]).toBe(FAIL_TEXT);
  });

  it('an empty list means no filter', () => {
    expect(evaluate({ ...EMPTY_RULES, hands: [], categories: [], decisionStates: [] }, table).passCount).toBe(3);
  });
});

/** The rules spelled out one grasp at a time, to check the columnar loop against. */
function reference(rules: FilterRules, table: ReturnType<typeof syntheticReviewTable>, codes: Uint8Array): boolean[] {
  return table.ids.map((_, i) => {
    const cat = table.categories[table.category[i]];
    const b = effectiveBounds(rules, cat);
    const active = METRIC_NAMES.filter((m) => b[m].min > -Infinity || b[m].max < Infinity);
    if (active.length && table.errored[i]) return false;
    for (const m of active as MetricName[]) {
      const v = table.columns[m][i];
      if (Number.isNaN(v)) {
        if (m === 'd2_wasserstein_cm' && !table.hasReconstruction[i]) continue;
        return false;
      }
      if (v < b[m].min || v > b[m].max) return false;
    }
    if (rules.hands?.length && !rules.hands.includes(table.hands[table.hand[i]])) return false;
    if (rules.decisionStates?.length && !rules.decisionStates.includes((['undecided', 'accept', 'reject', 'skip'] as const)[codes[i]])) return false;
    return true;
  });
}

describe('on a large synthetic table', () => {
  const table = syntheticReviewTable(20_000, 7);
  const codes = Uint8Array.from(table.ids, (_, i) => i % 4);
  const rules: FilterRules = {
    metrics: { penetration_depth_cm: { max: 0.6 }, contact_ratio_pct: { min: 15, max: 95 }, d2_wasserstein_cm: { max: 2.5 } },
    perCategory: { cat2: { penetration_depth_cm: { max: 1.2 }, contact_ratio_pct: { min: null } }, cat4: { d2_wasserstein_cm: { min: 0.5 } } },
    hands: ['shadow'],
    decisionStates: ['undecided', 'accept'],
  };

  it('agrees with a grasp-by-grasp reference implementation', () => {
    const r = evaluate(rules, table, codes);
    const ref = reference(rules, table, codes);
    expect(Array.from(r.pass, (p) => p === 1)).toEqual(ref);
    expect(r.passCount).toBe(ref.filter(Boolean).length);
    expect(r.passCount).toBeGreaterThan(100);
    expect(r.passCount).toBeLessThan(table.n / 2);
  });

  it('passingExcept ignores only the named metric', () => {
    const r = evaluate(rules, table, codes);
    const exceptPd = passingExcept(r, 'penetration_depth_cm');
    const withoutPd = evaluate(
      { ...rules, metrics: { ...rules.metrics, penetration_depth_cm: undefined }, perCategory: { cat2: { contact_ratio_pct: { min: null } }, cat4: rules.perCategory.cat4 } },
      table,
      codes,
    );
    expect(Array.from(exceptPd)).toEqual(Array.from(withoutPd.pass));
  });
  // Its speed over 100,000 grasps is measured by `npm run bench` (scripts/bench-large.ts), not asserted here.
});

describe('summaries and validation', () => {
  it('formats live counts', () => {
    expect(passSummary(96, 1000)).toBe('96 of 1,000 pass: 9.6%');
    expect(passSummary(0, 0)).toBe('0 of 0 pass: 0%');
    expect(passSummary(1, 100_000)).toBe('1 of 100,000 pass: 0.001%');
    expect(passSummary(1, 3)).toBe('1 of 3 pass: 33.3%');
  });

  it('flags min above max, also once a category override is applied', () => {
    expect(validateRules({ metrics: { penetration_depth_cm: { min: 0, max: 1 } }, perCategory: {} })).toEqual([]);
    const issues = validateRules({ metrics: { penetration_depth_cm: { min: 0.5, max: 1 } }, perCategory: { mug: { penetration_depth_cm: { max: 0.2 } } } });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/category "mug" Penetration depth: min 0.5 is above max 0.2/);
  });

  it('explains failures with values and bounds', () => {
    const table = tableOf([{ id: 'a', category: 'mug', values: { penetration_depth_cm: 0.8 } }]);
    const rules: FilterRules = { metrics: { penetration_depth_cm: { max: 0.5 } }, perCategory: {} };
    expect(failureReasons(rules, table, evaluate(rules, table), 0)).toEqual(['Penetration depth 0.8 cm > max 0.5 cm']);
  });
});
