import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange as FakeKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DecisionLog, makeDecision } from '../core/review/decisions';
import { datasetKey } from './datasetKey';
import { appendRecords, loadDecisions, loadImports, loadLatest, recordDecision, removeImport, saveImport, subscribeDecisions, undoLast, undoRecord } from './decisionStore';
import { listReviewDatasets, openReviewDb, type ReviewDb } from './reviewDb';
import { StorageError } from './storageError';

let n = 0;
const freshKey = () => datasetKey(`https://data.org/set${n++}/manifest.json`, 'test set');
const opened: ReviewDb[] = [];
async function open(key: string) {
  const db = await openReviewDb(key);
  opened.push(db);
  return db;
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const db of opened.splice(0)) db.close();
});

describe('datasetKey', () => {
  it('is stable under URL spelling, query and fragment, and separates names', () => {
    const k = datasetKey('https://data.org/a/manifest.json', 'Web Grasps v1');
    expect(k).toMatch(/^web-grasps-v1-[0-9a-f]{16}$/);
    expect(datasetKey('HTTPS://DATA.org:443/a/./manifest.json?sig=abc#top', 'Web Grasps v1')).toBe(k);
    expect(datasetKey('https://data.org/a/manifest.json', 'Web Grasps v2')).not.toBe(k);
    expect(datasetKey('https://data.org/b/manifest.json', 'Web Grasps v1')).not.toBe(k);
  });
});

describe('decision store', () => {
  it('keeps decisions, undos and history across a reload', async () => {
    const key = freshKey();
    const db = await open(key);
    await recordDecision(db, { grasp: 'g1', decision: 'reject', annotator: 'ana', reasons: ['penetration'], note: 'deep', metrics: { penetration_depth_cm: 1.4 } });
    await recordDecision(db, { grasp: 'g2', decision: 'accept', annotator: 'ana' });
    await recordDecision(db, { grasp: 'g1', decision: 'accept', annotator: 'ana' });
    const undone = await undoLast(db, 'ana');
    expect(undone).toMatchObject({ grasp: 'g1', decision: 'accept' });
    db.close();

    const reloaded = await open(key);
    const records = await loadDecisions(reloaded);
    expect(records.map((r) => `${r.grasp}:${r.decision}`)).toEqual(['g1:reject', 'g2:accept', 'g1:accept', 'g1:undo']);
    expect(records[0]).toMatchObject({ annotator: 'ana', reasons: ['penetration'], note: 'deep', metrics: { penetration_depth_cm: 1.4 } });
    expect(records[0]).not.toHaveProperty('seq');
    const latest = await loadLatest(reloaded);
    expect(latest.get('g1')).toMatchObject({ decision: 'reject', recordId: records[0].id });
    expect(latest.get('g2')?.decision).toBe('accept');
    const log = new DecisionLog(records);
    expect(log.state('g1')).toBe('reject');

    // undo keeps walking back; the index follows
    expect((await undoLast(reloaded, 'ana'))?.grasp).toBe('g2');
    expect((await undoLast(reloaded, 'ana'))?.grasp).toBe('g1');
    expect(await undoLast(reloaded, 'ana')).toBeNull();
    expect((await loadLatest(reloaded)).size).toBe(0);
    expect(await loadDecisions(reloaded)).toHaveLength(6);
    expect(await listReviewDatasets()).toContain(key);
  });

  it('undoes one chosen record and ignores a record sent twice', async () => {
    const db = await open(freshKey());
    const r = makeDecision({ grasp: 'g1', decision: 'skip', annotator: 'ana' });
    await recordDecision(db, r);
    expect(await appendRecords(db, [r])).toBe(0);
    await undoRecord(db, r.id, 'ana');
    expect((await loadDecisions(db)).map((x) => x.decision)).toEqual(['skip', 'undo']);
    expect((await loadLatest(db)).has('g1')).toBe(false);
    await expect(undoRecord(db, 'missing-id', 'ana')).rejects.toBeInstanceOf(StorageError);
  });

  it('loses nothing when two tabs write at the same time', async () => {
    const key = freshKey();
    const tabA = await open(key);
    const tabB = await open(key);
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 60; i++) {
      writes.push(recordDecision(tabA, { grasp: `g${i % 20}`, decision: i % 2 ? 'accept' : 'reject', annotator: 'ana' }));
      writes.push(recordDecision(tabB, { grasp: `g${i % 20}`, decision: i % 3 ? 'skip' : 'accept', annotator: 'ben' }));
      if (i % 10 === 9) writes.push(undoLast(i % 20 < 10 ? tabA : tabB, i % 20 < 10 ? 'ana' : 'ben'));
    }
    await Promise.all(writes);
    const records = await loadDecisions(tabB);
    expect(records.filter((r) => r.decision !== 'undo')).toHaveLength(120);
    expect(records.filter((r) => r.decision === 'undo')).toHaveLength(6);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    // the per-grasp index agrees with folding the full history
    const log = new DecisionLog(records);
    const latest = await loadLatest(tabA);
    for (let g = 0; g < 20; g++) expect(latest.get(`g${g}`)?.recordId).toBe(log.latest(`g${g}`)?.id);
  });

  it('shows a decision made in one tab in the other', async () => {
    const key = freshKey();
    const tabA = await open(key);
    const tabB = await open(key);
    await recordDecision(tabA, { grasp: 'g0', decision: 'accept', annotator: 'ana' });
    const batches: string[][] = [];
    const errors: unknown[] = [];
    let notify: () => void = () => {};
    const stop = subscribeDecisions(
      tabB,
      (recs) => {
        batches.push(recs.map((r) => `${r.grasp}:${r.decision}`));
        notify();
      },
      (e) => errors.push(e),
    );
    const next = () =>
      new Promise<void>((resolve, reject) => {
        notify = resolve;
        setTimeout(() => reject(new Error('no notification within 2 s')), 2000);
      });
    await next();
    expect(batches).toEqual([['g0:accept']]);
    const arrived = next();
    await recordDecision(tabA, { grasp: 'g1', decision: 'reject', annotator: 'ana' });
    await arrived;
    expect(batches[1]).toEqual(['g1:reject']);
    const arrived2 = next();
    await undoLast(tabA, 'ana');
    await arrived2;
    expect(batches[2]).toEqual(['g1:undo']);
    stop();
    expect(errors).toEqual([]);
  });

  it('raises a full disk as a StorageError and stores nothing of the failed decision', async () => {
    const db = await open(freshKey());
    await recordDecision(db, { grasp: 'g1', decision: 'accept', annotator: 'ana' });
    const quota = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(quota);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(quota);
    const err = await recordDecision(db, { grasp: 'g1', decision: 'reject', annotator: 'ana' }).catch((e) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect(err.kind).toBe('quota');
    expect(err.message).toMatch(/^Could not save the decision: .*quota exceeded.*Export your decisions/);
    vi.restoreAllMocks();
    expect((await loadDecisions(db)).map((r) => r.decision)).toEqual(['accept']);
    expect((await loadLatest(db)).get('g1')?.decision).toBe('accept');
  });

  it('reports an unusable IndexedDB (private mode) when opening', async () => {
    const factory = new IDBFactory();
    factory.open = () => {
      throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
    };
    const err = await openReviewDb(freshKey(), { indexedDB: factory, IDBKeyRange: FakeKeyRange }).catch((e) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect(err.kind).toBe('unavailable');
    expect(err.message).toMatch(/Private browsing/);
  });

  it('keeps imported decision files apart from the own decisions', async () => {
    const db = await open(freshKey());
    const data = { dataset: { name: 'd' }, records: [makeDecision({ grasp: 'g1', decision: 'accept', annotator: 'ben' })] };
    await saveImport(db, 'ben.json', data);
    expect((await loadImports(db))[0]).toMatchObject({ file: 'ben.json', data });
    expect(await loadDecisions(db)).toEqual([]);
    await removeImport(db, 'ben.json');
    expect(await loadImports(db)).toEqual([]);
  });
});
