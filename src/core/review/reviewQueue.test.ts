import { describe, expect, it } from 'vitest';
import { buildQueue, nextUndecided, queueProgress, upcoming } from './reviewQueue';
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
});
