import { describe, expect, it } from 'vitest';
import { buildQueue, nextUndecided, queueProgress, toggleSort, upcoming } from './reviewQueue';
import { tableOf } from './testTable.testutil';

const list = [
  { id: 'g0', category: 'x', values: { penetration_depth_cm: 0.5 } },
  { id: 'g1', category: 'x', values: { penetration_depth_cm: 0.1 } },
  { id: 'g2', category: 'x', values: { penetration_depth_cm: null } },
  { id: 'g3', category: 'x', values: { penetration_depth_cm: 0.9 } },
  { id: 'g4', category: 'x', values: { penetration_depth_cm: 0.1 } },
  { id: 'g5', category: 'x', values: { penetration_depth_cm: 0.3 } },
];
const table = tableOf(list);
const all = new Uint8Array(table.n).fill(1);
const ids = (q: Int32Array) => Array.from(q, (i) => table.ids[i]);

describe('review queue', () => {
  it('orders by a metric either way, missing values last, ties in dataset order', () => {
    expect(ids(buildQueue(table, all, { kind: 'metric', metric: 'penetration_depth_cm', direction: 'asc' }))).toEqual(['g1', 'g4', 'g5', 'g0', 'g3', 'g2']);
    expect(ids(buildQueue(table, all, { kind: 'metric', metric: 'penetration_depth_cm', direction: 'desc' }))).toEqual(['g3', 'g0', 'g5', 'g1', 'g4', 'g2']);
    expect(ids(buildQueue(table, Uint8Array.from([1, 0, 1, 0, 1, 0]), { kind: 'dataset' }))).toEqual(['g0', 'g2', 'g4']);
  });

  it('shuffles reproducibly per seed, keeping relative order when the member set changes', () => {
    const big = tableOf(Array.from({ length: 200 }, (_, i) => ({ id: `grasp-${i}`, category: 'x' })));
    const every = new Uint8Array(big.n).fill(1);
    const a = Array.from(buildQueue(big, every, { kind: 'shuffle', seed: 42 }));
    expect(Array.from(buildQueue(big, every, { kind: 'shuffle', seed: 42 }))).toEqual(a);
    expect(Array.from(buildQueue(big, every, { kind: 'shuffle', seed: 43 }))).not.toEqual(a);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    // not the identity order: fewer than a fifth of the grasps stay where they were
    expect(a.filter((v, k) => v === k).length).toBeLessThan(40);
    const even = Uint8Array.from(every, (_, i) => (i % 2 === 0 ? 1 : 0));
    expect(Array.from(buildQueue(big, even, { kind: 'shuffle', seed: 42 }))).toEqual(a.filter((i) => i % 2 === 0));
  });

  it('moves to the next undecided grasp, prefetches ahead and reports progress', () => {
    const q = buildQueue(table, all, { kind: 'dataset' });
    const codes = Uint8Array.from([1, 0, 2, 0, 3, 0]);
    expect(nextUndecided(q, -1, codes)).toBe(1);
    expect(nextUndecided(q, 1, codes)).toBe(3);
    expect(nextUndecided(q, 5, codes)).toBe(-1);
    expect(upcoming(q, 1, codes, 2).map((i) => table.ids[i])).toEqual(['g3', 'g5']);
    expect(queueProgress(q, codes)).toEqual({ decided: 3, total: 6, fraction: 0.5 });
  });

  it('sorts by text columns and decisions either way, ties in dataset order', () => {
    const t = tableOf([
      { id: 'b', category: 'mug', values: {} },
      { id: 'a', category: 'drill', values: {} },
      { id: 'c', category: 'mug', values: {} },
      { id: 'a2', category: 'drill', values: {} },
    ]);
    const one = new Uint8Array(4).fill(1);
    const tid = (q: Int32Array) => Array.from(q, (i) => t.ids[i]);
    expect(tid(buildQueue(t, one, { kind: 'column', column: 'id', direction: 'asc' }))).toEqual(['a', 'a2', 'b', 'c']);
    expect(tid(buildQueue(t, one, { kind: 'column', column: 'id', direction: 'desc' }))).toEqual(['c', 'b', 'a2', 'a']);
    expect(tid(buildQueue(t, one, { kind: 'column', column: 'category', direction: 'asc' }))).toEqual(['a', 'a2', 'b', 'c']);
    expect(tid(buildQueue(t, one, { kind: 'column', column: 'category', direction: 'desc' }))).toEqual(['b', 'c', 'a', 'a2']);
    const codes = Uint8Array.from([0, 2, 1, 0]);
    expect(tid(buildQueue(t, one, { kind: 'column', column: 'decision', direction: 'desc' }, codes))).toEqual(['a', 'c', 'b', 'a2']);
  });

  it('cycles a heading through ascending, descending and dataset order', () => {
    let o = toggleSort({ kind: 'dataset' }, 'contact_ratio_pct');
    expect(o).toEqual({ kind: 'metric', metric: 'contact_ratio_pct', direction: 'asc' });
    o = toggleSort(o, 'contact_ratio_pct');
    expect(o).toEqual({ kind: 'metric', metric: 'contact_ratio_pct', direction: 'desc' });
    expect(toggleSort(o, 'contact_ratio_pct')).toEqual({ kind: 'dataset' });
    expect(toggleSort(o, 'hand')).toEqual({ kind: 'column', column: 'hand', direction: 'asc' });
    expect(toggleSort({ kind: 'shuffle', seed: 3 }, 'id')).toEqual({ kind: 'column', column: 'id', direction: 'asc' });
  });
});
