import { describe, expect, it } from 'vitest';
import { DECISION_CODE } from '../core/review/decisionStates';
import { EMPTY_RULES, type FilterRules } from '../core/review/filterRules';
import { tableOf } from '../core/review/testTable.testutil';
import { emptyMetrics } from '../core/metrics/types';
import {
  boundAt,
  boundsConflict,
  deriveView,
  followSelection,
  metricRowsFromStore,
  nextQueueRow,
  roundToStep,
  rulesActive,
  setBound,
  stepInRows,
  visibleRows,
} from './reviewDerive';
import { buildMetricTable } from '../core/review/metricTable';

const list = [
  { id: 'm1', category: 'mug', values: { penetration_depth_cm: 0.2 } },
  { id: 'm2', category: 'mug', values: { penetration_depth_cm: 0.6 } },
  { id: 'p1', category: 'pen', values: { penetration_depth_cm: 0.3 } },
  { id: 'p2', category: 'pen', values: { penetration_depth_cm: 0.9 } },
  { id: 'p3', category: 'pen', values: { penetration_depth_cm: 0.1 } },
];
const table = tableOf(list);
const undecided = new Uint8Array(list.length);
const ids = (rows: Int32Array) => [...rows].map((i) => table.ids[i]);

describe('setBound and per-category overrides', () => {
  it('writes global bounds and category overrides that the filter applies', () => {
    let rules = setBound(EMPTY_RULES, '', 'penetration_depth_cm', 'max', 0.5);
    expect(ids(deriveView(table, rules, undecided, { kind: 'dataset' }).rows)).toEqual(['m1', 'p1', 'p3']);
    // mugs may penetrate more: the override replaces the global max for mugs only
    rules = setBound(rules, 'mug', 'penetration_depth_cm', 'max', 0.7);
    expect(ids(deriveView(table, rules, undecided, { kind: 'dataset' }).rows)).toEqual(['m1', 'm2', 'p1', 'p3']);
    expect(boundAt(rules, 'mug', 'penetration_depth_cm', 'max')).toBe(0.7);
    expect(boundAt(rules, 'pen', 'penetration_depth_cm', 'max')).toBeUndefined();
    // null removes the global bound for pens
    rules = setBound(rules, 'pen', 'penetration_depth_cm', 'max', null);
    expect(deriveView(table, rules, undecided, { kind: 'dataset' }).result.passCount).toBe(5);
  });

  it('removing the last bound drops the empty objects', () => {
    let rules = setBound(EMPTY_RULES, 'mug', 'contact_ratio_pct', 'min', 5);
    expect(rulesActive(rules)).toBe(true);
    rules = setBound(rules, 'mug', 'contact_ratio_pct', 'min', undefined);
    expect(rules.perCategory).toEqual({});
    expect(rulesActive(rules)).toBe(false);
    rules = setBound(rules, '', 'contact_ratio_pct', 'min', null);
    expect(rules.metrics).toEqual({});
  });

  it('counts text, hand and decision filters as active', () => {
    expect(rulesActive({ ...EMPTY_RULES, text: '  ' })).toBe(false);
    expect(rulesActive({ ...EMPTY_RULES, text: 'mug' })).toBe(true);
    expect(rulesActive({ ...EMPTY_RULES, decisionStates: ['undecided'] })).toBe(true);
  });
});

describe('queue and list', () => {
  it('keeps decided grasps in the queue but hides them from the list under a decision filter', () => {
    const codes = new Uint8Array(list.length);
    codes[1] = DECISION_CODE.accept;
    const rules: FilterRules = { ...EMPTY_RULES, decisionStates: ['undecided'] };
    const v = deriveView(table, rules, codes, { kind: 'metric', metric: 'penetration_depth_cm', direction: 'asc' });
    expect(ids(v.queue)).toEqual(['p3', 'm1', 'p1', 'm2', 'p2']);
    expect(ids(v.rows)).toEqual(['p3', 'm1', 'p1', 'p2']);
    expect(ids(visibleRows(v.queue, v.result.pass))).toEqual(ids(v.rows));
  });

  it('moves to the next undecided grasp, wrapping to earlier ones, and reports the end', () => {
    const queue = Int32Array.from([4, 0, 2, 1, 3]);
    const codes = new Uint8Array(list.length);
    expect(nextQueueRow(queue, 0, codes)).toEqual({ row: 2, pos: 2 });
    codes[2] = codes[1] = DECISION_CODE.reject;
    expect(nextQueueRow(queue, 0, codes)).toEqual({ row: 3, pos: 4 });
    codes[3] = DECISION_CODE.skip;
    // nothing after: back to the undecided grasp before the current one
    expect(nextQueueRow(queue, 0, codes)).toEqual({ row: 4, pos: 0 });
    codes[4] = DECISION_CODE.accept;
    codes[0] = DECISION_CODE.accept;
    expect(nextQueueRow(queue, 0, codes)).toEqual({ row: -1, pos: -1 });
    // a grasp outside the queue starts at the queue's beginning
    codes.fill(0);
    expect(nextQueueRow(Int32Array.from([3, 1]), 0, codes)).toEqual({ row: 3, pos: 0 });
  });

  it('steps within the shown rows', () => {
    const rows = Int32Array.from([4, 0, 2]);
    expect(stepInRows(rows, 0, 1)).toBe(2);
    expect(stepInRows(rows, 2, 1)).toBe(2);
    expect(stepInRows(rows, 0, -1)).toBe(4);
    expect(stepInRows(rows, 3, 1)).toBe(4);
    expect(stepInRows(new Int32Array(0), 3, 1)).toBe(-1);
  });
});

describe('metric rows from the metrics store', () => {
  it('carries values and errors into the table', () => {
    const rows = [
      { ...emptyMetrics(''), id: 'a', penetration_depth_cm: 0.4, contact_ratio_pct: 12 },
      { ...emptyMetrics('mesh failed'), id: 'b' },
    ];
    const t = buildMetricTable(
      {
        grasps: [
          { id: 'a', object: 'o', hand: 'h' },
          { id: 'b', object: 'o', hand: 'h' },
        ],
        objects: { o: { spec: { category: 'mug' } } },
      },
      metricRowsFromStore(rows),
    );
    expect(t.columns.penetration_depth_cm[0]).toBe(0.4);
    expect(t.columns.contact_ratio_pct[0]).toBe(12);
    expect(Number.isNaN(t.columns.penetration_depth_cm[1])).toBe(true);
    expect(t.errored[1]).toBe(1);
    expect(t.errored[0]).toBe(0);
  });

  it('rounds dragged values to a tenth of the bin width', () => {
    expect(roundToStep(0.23456, 0.05)).toBe(0.235);
    expect(roundToStep(12.34, 1)).toBe(12.3);
  });
});

describe('the list when filters change', () => {
  const rules: FilterRules = { ...EMPTY_RULES, metrics: { penetration_depth_cm: { max: 0.5 } } };
  it('holds every grasp in the sort order with Show all, and only passing ones without', () => {
    const order = { kind: 'metric', metric: 'penetration_depth_cm', direction: 'desc' } as const;
    expect(ids(deriveView(table, rules, undecided, order).rows)).toEqual(['p1', 'm1', 'p3']);
    expect(ids(deriveView(table, rules, undecided, order, { showAll: true }).rows)).toEqual(['p2', 'm2', 'p1', 'm1', 'p3']);
  });
  it('moves the selection to the next listed grasp when its grasp leaves the list, and to none when nothing is listed', () => {
    const all = Int32Array.from([0, 1, 2, 3, 4]);
    expect(followSelection(all, Int32Array.from([0, 2, 4]), 2)).toBe(2);
    expect(followSelection(all, Int32Array.from([0, 2, 4]), 1)).toBe(2);
    expect(followSelection(all, Int32Array.from([0, 2]), 3)).toBe(2);
    expect(followSelection(Int32Array.from([]), Int32Array.from([4, 2]), 1)).toBe(4);
    expect(followSelection(all, Int32Array.from([]), 1)).toBe(-1);
  });
});

describe('bounds that let nothing pass', () => {
  it('flags min above max, globally and where a category override makes it so', () => {
    let rules = setBound(EMPTY_RULES, '', 'penetration_depth_cm', 'min', 0.4);
    expect(boundsConflict(rules, '', 'penetration_depth_cm')).toBe(false);
    rules = setBound(rules, 'mug', 'penetration_depth_cm', 'max', 0.3);
    expect(boundsConflict(rules, '', 'penetration_depth_cm')).toBe(false);
    expect(boundsConflict(rules, 'mug', 'penetration_depth_cm')).toBe(true);
    rules = setBound(rules, '', 'penetration_depth_cm', 'max', 0.2);
    expect(boundsConflict(rules, '', 'penetration_depth_cm')).toBe(true);
    expect(boundsConflict(rules, 'pen', 'penetration_depth_cm')).toBe(true);
  });
});
