import { describe, expect, it } from 'vitest';
import { agreement } from './agreement';
import { makeDecision, makeUndo, type Decision, type DecisionRecord } from './decisions';

const t0 = Date.parse('2025-03-01T10:00:00Z');
let tick = 0;
const d = (annotator: string, grasp: string, decision: Decision) => makeDecision({ annotator, grasp, decision, time: new Date(t0 + tick++ * 1000) });
const labels = (annotator: string, seq: string) => [...seq].map((c, i) => d(annotator, `g${i + 1}`, c === 'a' ? 'accept' : c === 'r' ? 'reject' : 'skip'));

describe('agreement', () => {
  it("computes Cohen's kappa as by hand", () => {
    // g1..g10 both decided: agree on 8 (po = 0.8); each accepts 6 and rejects 4,
    // so pe = 0.6·0.6 + 0.4·0.4 = 0.52 and kappa = (0.8 − 0.52) / (1 − 0.52) = 0.58333…
    // g11: ana skips (not a judgement); g12: only ana decided.
    const ana = labels('ana', 'aaaaaarrrrsa');
    const ben = labels('ben', 'aaaaararrra');
    const { annotators, pairs, disagreements } = agreement([...ana, ...ben]);
    expect(annotators).toEqual(['ana', 'ben']);
    expect(pairs).toHaveLength(1);
    const p = pairs[0];
    expect(p.n).toBe(10);
    expect(p.observed).toBeCloseTo(0.8, 12);
    expect(p.expected).toBeCloseTo(0.52, 12);
    expect(p.kappa).toBeCloseTo(0.28 / 0.48, 12);
    expect(disagreements).toEqual([
      { grasp: 'g6', decisions: { ana: 'accept', ben: 'reject' } },
      { grasp: 'g7', decisions: { ana: 'reject', ben: 'accept' } },
    ]);
  });

  it("uses each annotator's latest decision with their undos applied", () => {
    const first = d('ana', 'g1', 'reject');
    const records: DecisionRecord[] = [first, makeUndo(first, 'ana'), d('ana', 'g1', 'accept'), d('ana', 'g2', 'reject'), d('ana', 'g2', 'accept')];
    records.push(d('ben', 'g1', 'accept'), d('ben', 'g2', 'accept'), d('ben', 'g3', 'reject'), d('ana', 'g3', 'accept'));
    const { pairs, disagreements } = agreement(records);
    expect(pairs[0].n).toBe(3);
    expect(pairs[0].observed).toBeCloseTo(2 / 3, 12);
    expect(disagreements.map((x) => x.grasp)).toEqual(['g3']);
  });

  it('reports perfect agreement on a single label as 1, and no overlap as NaN with a note', () => {
    const { pairs } = agreement([...labels('ana', 'aaa'), ...labels('ben', 'aaa'), d('cy', 'other', 'reject')]);
    const ab = pairs.find((p) => p.a === 'ana' && p.b === 'ben')!;
    expect(ab.expected).toBe(1);
    expect(ab.kappa).toBe(1);
    expect(ab.note).toMatch(/undefined/);
    const ac = pairs.find((p) => p.a === 'ana' && p.b === 'cy')!;
    expect(ac.n).toBe(0);
    expect(Number.isNaN(ac.kappa)).toBe(true);
    expect(ac.note).toMatch(/no grasps decided by both/);
    expect(pairs).toHaveLength(3);
  });

  it('gives kappa −1-ish for systematic disagreement and counts skip when asked', () => {
    const { pairs } = agreement([...labels('ana', 'aarr'), ...labels('ben', 'rraa')]);
    expect(pairs[0].kappa).toBeCloseTo(-1, 12);
    const withSkip = agreement([...labels('ana', 'as'), ...labels('ben', 'as')], { labels: ['accept', 'reject', 'skip'] });
    expect(withSkip.pairs[0].n).toBe(2);
    expect(withSkip.pairs[0].kappa).toBeCloseTo(1, 12);
  });
});
