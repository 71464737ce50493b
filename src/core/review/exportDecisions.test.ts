import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv } from '../csv';
import { DecisionLog, makeDecision, makeUndo } from './decisions';
import { DECISIONS_CSV_COLUMNS, DECISIONS_FORMAT, DecisionFileError, decisionsToCsv, decisionsToJson, parseDecisionsFile } from './exportDecisions';

const time = (s: number) => new Date(Date.parse('2025-03-01T10:00:00Z') + s * 1000);
const a = makeDecision({
  grasp: 'g1',
  decision: 'reject',
  annotator: 'Ana',
  reasons: ['penetration', 'wrong contact'],
  note: 'thumb "inside", see\nframe 3',
  metrics: { penetration_depth_cm: 1.25, contact_ratio_pct: -0.5 },
  time: time(0),
});
const b = makeDecision({ grasp: 'g1', decision: 'accept', annotator: 'Ana', time: time(1) });
const u = makeUndo(b, 'Ana', time(2));
const c = makeDecision({ grasp: '=HYPERLINK("x")', decision: 'accept', annotator: '@ana', note: '+1 good', time: time(3) });
const records = [a, b, u, c];

describe('decisions JSON', () => {
  it('holds the full history in the documented shape and reads back identically', () => {
    const text = decisionsToJson({ name: 'demo', manifest: 'https://x.org/demo/manifest.json' }, records, time(10));
    const raw = JSON.parse(text);
    expect(raw.format).toBe(DECISIONS_FORMAT);
    expect(raw.dataset).toEqual({ name: 'demo', manifest: 'https://x.org/demo/manifest.json' });
    expect(raw.decisions).toHaveLength(4);
    expect(Object.keys(raw.decisions[0]).slice(0, 6)).toEqual(['grasp', 'decision', 'annotator', 'time', 'reasons', 'note']);
    expect(raw.decisions[2]).toMatchObject({ decision: 'undo', undoes: b.id });
    const back = parseDecisionsFile(text, 'ana.json');
    expect(back.records).toEqual(records);
    expect(back.dataset.name).toBe('demo');
    const effective = JSON.parse(decisionsToJson({ name: 'demo' }, records, time(10), { effectiveOnly: true }));
    expect(effective.decisions.map((x: { id: string }) => x.id)).toEqual([a.id, c.id]);
  });

  it('reads the plain shape (dataset as a string, no ids) with stable derived ids', () => {
    const plain = JSON.stringify({
      dataset: 'demo',
      decisions: [
        { grasp: 'g1', decision: 'accept', annotator: 'Bo', time: '2025-03-01T10:00:00Z', reasons: [], note: null },
        { grasp: 'g1', decision: 'accept', annotator: 'Bo', time: '2025-03-01T10:00:00Z', reasons: [], note: '' },
      ],
    });
    const once = parseDecisionsFile(plain, 'bo.json');
    expect(once.dataset).toEqual({ name: 'demo' });
    expect(once.records[0].time).toBe('2025-03-01T10:00:00.000Z');
    expect(once.records[0].note).toBe('');
    expect(once.records[0].id).not.toBe(once.records[1].id);
    expect(parseDecisionsFile(plain, 'bo.json').records.map((r) => r.id)).toEqual(once.records.map((r) => r.id));
  });

  it('rejects bad files with errors naming the file and the entries', () => {
    const wrap = (decisions: unknown[]) => JSON.stringify({ format: DECISIONS_FORMAT, dataset: { name: 'demo' }, decisions });
    expect(() => parseDecisionsFile('{"dataset":', 'x.json')).toThrow(/^x\.json: not valid JSON/);
    expect(() => parseDecisionsFile('grasp,decision,annotator\n', 'x.csv')).toThrow(/x\.csv: this is the CSV export/);
    expect(() => parseDecisionsFile(JSON.stringify({ format: 'hoi-studio/decisions@9', dataset: 'd', decisions: [] }), 'x.json')).toThrow(/decisions@9/);
    expect(() => parseDecisionsFile(JSON.stringify({ decisions: [] }), 'x.json')).toThrow(/x\.json: dataset/);
    let err: unknown;
    try {
      parseDecisionsFile(
        wrap([
          { grasp: 'g1', decision: 'accept', annotator: 'A', time: '2025-03-01T10:00:00Z' },
          { grasp: 'g2', decision: 'maybe', annotator: 'A', time: '2025-03-01T10:00:00Z' },
          { grasp: 'g3', decision: 'accept', annotator: 'A', time: 'yesterday' },
          { grasp: 'g4', decision: 'undo', annotator: 'A', time: '2025-03-01T10:00:00Z' },
        ]),
        'ana.json',
      );
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DecisionFileError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/^ana\.json: 3 bad entries/);
    expect(msg).toMatch(/decisions\[1\]: decision/);
    expect(msg).toMatch(/decisions\[2\]: time: must be an ISO-8601 date-time/);
    expect(msg).toMatch(/decisions\[3\].*undoes/);
  });
});

describe('decisions CSV', () => {
  it('has one row per grasp with its latest decision, RFC 4180 quoted and formula-guarded', () => {
    const text = decisionsToCsv(records);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...DECISIONS_CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    const g1 = rows.find((r) => r[0] === 'g1')!;
    // b was undone, so a (reject) is in force
    expect(g1.slice(1, 6)).toEqual(['reject', 'Ana', a.time, 'penetration; wrong contact', 'thumb "inside", see\nframe 3']);
    expect(g1[DECISIONS_CSV_COLUMNS.indexOf('penetration_depth_cm')]).toBe('1.25');
    // numbers are never prefixed, negative or not
    expect(g1[DECISIONS_CSV_COLUMNS.indexOf('contact_ratio_pct')]).toBe('-0.5');
    const injected = rows[2];
    expect(injected[0]).toBe(`'=HYPERLINK("x")`);
    expect(injected[2]).toBe(`'@ana`);
    expect(injected[5]).toBe(`'+1 good`);
    expect(text).toContain('"thumb ""inside"", see\nframe 3"');
  });

  it('can list undecided grasps too', () => {
    const rows = parseCsv(decisionsToCsv(records, ['g0', 'g1']));
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['g0', 'undecided'],
      ['g1', 'reject'],
    ]);
  });

  it('quotes cells per RFC 4180', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\r\nbreak')).toBe('"line\r\nbreak"');
    expect(csvCell('-3')).toBe("'-3");
    expect(csvCell('=1+2,3')).toBe(`"'=1+2,3"`);
    expect(parseCsv('a,"b,c"\r\n"d""e",\n')).toEqual([
      ['a', 'b,c'],
      ['d"e', ''],
    ]);
  });

  it('agrees with the log on latest decisions', () => {
    const log = new DecisionLog(records);
    expect(log.latest('g1')).toBe(a);
  });
});
