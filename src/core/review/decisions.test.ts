import { describe, expect, it } from 'vitest';
import { DecisionLog, effectiveRecords, makeBatch, makeDecision, makeUndo, makeUndos, type DecisionRecord } from './decisions';
import { decisionsToJson, parseDecisionsFile } from './exportDecisions';
import { normalizeReasons, renameReason, addReason, removeReason, DEFAULT_REASONS } from './reasons';
import { decisionsPerMinute } from './throughput';

const t0 = Date.parse('2025-03-01T10:00:00Z');
const at = (s: number) => new Date(t0 + s * 1000);
const dec = (grasp: string, decision: 'accept' | 'reject' | 'skip', annotator = 'ann', s = 0) => makeDecision({ grasp, decision, annotator, time: at(s) });

describe('decision records', () => {
  it('record what was shown and refuse an unnamed annotator', () => {
    const r = makeDecision({
      grasp: 'g1',
      decision: 'reject',
      annotator: 'Ana',
      reasons: ['penetration'],
      note: 'thumb in mug',
      metrics: { penetration_depth_cm: 1.2 },
      time: at(5),
    });
    expect(r).toMatchObject({
      grasp: 'g1',
      decision: 'reject',
      annotator: 'Ana',
      time: '2025-03-01T10:00:05.000Z',
      reasons: ['penetration'],
      note: 'thumb in mug',
      metrics: { penetration_depth_cm: 1.2 },
    });
    expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(makeDecision({ grasp: 'g1', decision: 'accept', annotator: 'Ana' }).id).not.toBe(r.id);
    expect(() => makeDecision({ grasp: 'g1', decision: 'accept', annotator: '  ' })).toThrow(/annotator/);
  });

  it('undo appends a record that withdraws its target; nothing is removed', () => {
    const a = dec('g1', 'accept', 'ann', 0);
    const b = dec('g1', 'reject', 'ann', 1);
    const u = makeUndo(b, 'ann', at(2));
    expect(u).toMatchObject({ decision: 'undo', undoes: b.id, grasp: 'g1' });
    expect(effectiveRecords([a, b, u])).toEqual([a]);
    const log = new DecisionLog([a, b, u]);
    expect(log.history('g1')).toEqual([a, b, u]);
    expect(log.latest('g1')).toBe(a);
    expect(log.state('g1')).toBe('accept');
    expect(log.isWithdrawn(b)).toBe(true);
    expect(() => makeUndo(u, 'ann')).toThrow();
  });

  it("backspace walks back through the annotator's own decisions, across grasps", () => {
    const log = new DecisionLog([dec('g1', 'accept', 'ann', 0), dec('g2', 'reject', 'ann', 1), dec('g3', 'skip', 'bob', 2)]);
    const first = log.lastUndoable('ann')!;
    expect(first.grasp).toBe('g2');
    log.add([makeUndo(first, 'ann')]);
    expect(log.state('g2')).toBe('undecided');
    const second = log.lastUndoable('ann')!;
    expect(second.grasp).toBe('g1');
    log.add([makeUndo(second, 'ann')]);
    expect(log.lastUndoable('ann')).toBeUndefined();
    expect(log.state('g3')).toBe('skip');
    expect(log.size).toBe(5);
  });

  it('adding is idempotent and an undo arriving before its target still applies', () => {
    const a = dec('g1', 'accept');
    const u = makeUndo(a, 'ann');
    const log = new DecisionLog([u]);
    expect(log.add([a, a]).size).toBe(1);
    expect(log.size).toBe(2);
    expect(log.state('g1')).toBe('undecided');
    expect(log.add([a]).size).toBe(0);
  });

  it('gives decision codes per table row', () => {
    const log = new DecisionLog([dec('b', 'reject'), dec('c', 'accept'), dec('c', 'skip')]);
    expect(Array.from(log.codes(['a', 'b', 'c']))).toEqual([0, 2, 3]);
    expect([...log.latestAll().keys()].sort()).toEqual(['b', 'c']);
  });
});

describe('batch decisions', () => {
  it('one undo withdraws the whole batch, and the undo after that the decision before it', () => {
    const before = makeDecision({ grasp: 'g0', decision: 'reject', annotator: 'ann' });
    const batch = makeBatch([{ grasp: 'g1' }, { grasp: 'g2' }, { grasp: 'g0' }], 'accept', 'ann');
    expect(new Set(batch.map((r) => r.batch)).size).toBe(1);
    const log = new DecisionLog([before, ...batch]);
    expect(['g0', 'g1', 'g2'].map((g) => log.state(g))).toEqual(['accept', 'accept', 'accept']);
    const targets = log.undoTargets('ann');
    expect(targets.map((r) => r.grasp)).toEqual(['g1', 'g2', 'g0']);
    log.add(makeUndos(targets, 'ann'));
    expect(['g0', 'g1', 'g2'].map((g) => log.state(g))).toEqual(['reject', 'undecided', 'undecided']);
    expect(log.undoTargets('ann')).toEqual([before]);
    expect(log.undoTargets('someone else')).toEqual([]);
  });
  it('survives an export and re-import with its batch id', () => {
    const batch = makeBatch([{ grasp: 'g1' }, { grasp: 'g2' }], 'reject', 'ann');
    const text = decisionsToJson({ name: 'set' }, [...batch]);
    const back = parseDecisionsFile(text, 'd.json').records;
    expect(back.map((r) => r.batch)).toEqual(batch.map((r) => r.batch));
    expect(new DecisionLog(back).undoTargets('ann')).toHaveLength(2);
  });
});

describe('reasons', () => {
  it('starts with the four reasons of the issue and stays clean when edited', () => {
    expect(DEFAULT_REASONS).toEqual(['penetration', 'wrong contact', 'non-functional grasp', 'bad reconstruction']);
    expect(normalizeReasons([' penetration ', 'Penetration', '', 'odd   pose'])).toEqual(['penetration', 'odd pose']);
    expect(addReason(DEFAULT_REASONS, 'Wrong Contact')).toEqual([...DEFAULT_REASONS]);
    expect(addReason(DEFAULT_REASONS, 'floating')).toHaveLength(5);
    expect(removeReason(DEFAULT_REASONS, 'WRONG CONTACT')).not.toContain('wrong contact');
    expect(renameReason(DEFAULT_REASONS, 'penetration', 'deep penetration')[0]).toBe('deep penetration');
  });
});

describe('throughput', () => {
  const records: DecisionRecord[] = [];
  // ann decides every 6 s for 10 minutes: 10 per minute; bob twice as fast for the last 2 minutes
  for (let s = 0; s < 600; s += 6) records.push(dec(`a${s}`, 'accept', 'ann', s));
  for (let s = 480; s < 600; s += 3) records.push(dec(`b${s}`, 'reject', 'bob', s));

  it('counts decisions per minute over a sliding window', () => {
    const now = t0 + 600_000;
    expect(decisionsPerMinute(records, { now, annotator: 'ann' })).toBeCloseTo(10, 0);
    expect(decisionsPerMinute(records, { now, annotator: 'bob' })).toBeCloseTo(20, 0);
    expect(decisionsPerMinute(records, { now, annotator: 'ann', windowMs: 60_000 })).toBeCloseTo(10, 0);
  });

  it('does not count undos, and idles to zero', () => {
    const withUndos = [...records, ...records.slice(-10).map((r) => makeUndo(r, r.annotator, new Date(t0 + 599_000)))];
    expect(decisionsPerMinute(withUndos, { now: t0 + 600_000, annotator: 'bob' })).toBeCloseTo(20, 0);
    expect(decisionsPerMinute(records, { now: t0 + 3_600_000 })).toBe(0);
    expect(decisionsPerMinute([], {})).toBe(0);
  });

  it('is not inflated by the first few decisions', () => {
    const burst = [dec('x', 'accept', 'ann', 0), dec('y', 'accept', 'ann', 1)];
    expect(decisionsPerMinute(burst, { now: t0 + 2000 })).toBeLessThanOrEqual(4);
  });
});
