import { describe, expect, it } from 'vitest';
import { MergeError, mergeResults, type MergeInput } from './mergeResults';
import type { ResultsFile } from './resultsFile';
import { emptyMetrics, type GraspMetricsRow } from './types';

const row = (id: string, depth: number | null, error = ''): GraspMetricsRow => ({ id, ...emptyMetrics(error), penetration_depth_cm: depth });
const file = (rows: GraspMetricsRow[], extra: Partial<ResultsFile> = {}): ResultsFile => ({ rows, issues: [], ...extra });
const input = (name: string, f: ResultsFile): MergeInput => ({ name, file: f });

describe('merging results files', () => {
  it('joins disjoint files in input order and keeps identical repeats once', () => {
    const m = mergeResults([input('a.json', file([row('g1', 0.1), row('g2', null, 'object mesh: x.obj: cannot read')])), input('b.json', file([row('g3', 0.3), row('g1', 0.1)]))]);
    expect(m.rows.map((r) => r.id)).toEqual(['g1', 'g2', 'g3']);
    expect(m.duplicates).toBe(1);
    expect(m.rows[1].error).toContain('cannot read');
  });

  it('refuses an id whose values differ, naming both files', () => {
    expect(() => mergeResults([input('a.json', file([row('g1', 0.1)])), input('b.json', file([row('g1', 0.2)]))])).toThrow(/"g1" has different values in a.json and b.json/);
    expect(() => mergeResults([input('a.json', file([row('g1', 0.1)])), input('b.json', file([row('g1', 0.1, 'boom')]))])).toThrow(MergeError);
  });

  it('refuses files computed with different parameters or on different datasets', () => {
    const p = (seed: number) => ({ seed, samples: 2048 });
    expect(() => mergeResults([input('a.json', file([row('g1', 0)], { params: p(0) })), input('b.json', file([row('g2', 0)], { params: p(1) }))])).toThrow(
      /b.json was computed with other metric parameters/,
    );
    expect(() => mergeResults([input('a.json', file([row('g1', 0)], { dataset: 'x' })), input('b.json', file([row('g2', 0)], { dataset: 'y' }))])).toThrow(/different datasets/);
    // Same parameters in another key order are the same parameters.
    const ok = mergeResults([
      input('a.json', file([row('g1', 0)], { params: { seed: 0, samples: 1 } })),
      input('b.json', file([row('g2', 0)], { params: { samples: 1, seed: 0 } })),
    ]);
    expect(ok.rows).toHaveLength(2);
  });

  it('reports shards missing from a split and refuses mixed splits', () => {
    const s = (index: number, count: number) => ({ shard: { index, count } });
    const m = mergeResults([input('0.json', file([row('g1', 0)], s(0, 4))), input('2.json', file([row('g2', 0)], s(2, 4)))]);
    expect(m.missingShards).toEqual([1, 3]);
    expect(m.warnings.join('\n')).toMatch(/missing from the 4-way split: 1, 3/);
    expect(() => mergeResults([input('0.json', file([], s(0, 4))), input('1.json', file([], s(1, 3)))])).toThrow(/different splits/);
    expect(() => mergeResults([])).toThrow(/nothing to merge/);
  });
});
