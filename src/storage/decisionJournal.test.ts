import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDecision, makeUndo, type DecisionRecord } from '../core/review/decisions';
import { DecisionJournal, JOURNAL_PREFIX } from './decisionJournal';
import { MemoryStorage } from './memoryStorage';
import { datasetKey } from './datasetKey';
import { loadDecisions, loadLatest, replayJournal, startRecordWrite } from './decisionStore';
import { openReviewDb, type ReviewDb } from './reviewDb';
import { StorageError } from './storageError';

let n = 0;
const freshKey = () => datasetKey(`https://data.org/journal${n++}/manifest.json`, 'journal set');
const opened: ReviewDb[] = [];
async function open(key: string) {
  const db = await openReviewDb(key);
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const decision = (grasp: string, d: 'accept' | 'reject' | 'skip' = 'accept') => makeDecision({ grasp, decision: d, annotator: 'ana' });

describe('decision journal', () => {
  it('keeps records per dataset, in the order they were made, until removed', () => {
    const storage = new MemoryStorage();
    const a = new DecisionJournal('set-a', storage);
    const b = new DecisionJournal('set-b', storage);
    // Made within one millisecond: the order must still be the order of writing.
    const records = [decision('g2'), decision('g1', 'reject'), decision('g2', 'skip')];
    for (const r of records) expect(a.write(r)).toBe(true);
    b.write(decision('other'));
    expect(a.pending().map((r) => r.id)).toEqual(records.map((r) => r.id));
    expect(a.pending()[1]).toEqual(records[1]);
    a.remove(records[1].id);
    expect(a.pending().map((r) => r.grasp)).toEqual(['g2', 'g2']);
    expect(b.pending().map((r) => r.grasp)).toEqual(['other']);
    a.clear();
    expect(a.pending()).toEqual([]);
    expect(b.pending()).toHaveLength(1);
  });

  it('drops torn or foreign entries instead of replaying them', () => {
    const storage = new MemoryStorage();
    const j = new DecisionJournal('set', storage);
    const good = decision('g1');
    j.write(good);
    storage.setItem(`${JOURNAL_PREFIX}set:torn`, '{"n":1,"record":{"id":"to');
    storage.setItem(`${JOURNAL_PREFIX}set:wrong-key`, JSON.stringify({ n: 2, record: decision('g9') }));
    storage.setItem(`${JOURNAL_PREFIX}set:bad`, JSON.stringify({ n: 3, record: { ...decision('g3'), id: 'bad', decision: 'maybe' } }));
    storage.setItem('unrelated', 'x');
    expect(j.pending()).toEqual([good]);
    expect([...storage.map.keys()].sort()).toEqual([`${JOURNAL_PREFIX}set:${good.id}`, 'unrelated'].sort());
  });

  it('says when a record could not be journaled (full storage, none at all)', () => {
    const storage = new MemoryStorage();
    storage.quota = 10;
    expect(new DecisionJournal('set', storage).write(decision('g1'))).toBe(false);
    const none = new DecisionJournal('set', null);
    expect(none.available).toBe(false);
    expect(none.write(decision('g1'))).toBe(false);
    expect(none.pending()).toEqual([]);
  });
});

describe('replaying the journal', () => {
  it('writes what IndexedDB lacks, once, with the latest rows, and empties the journal', async () => {
    const key = freshKey();
    const storage = new MemoryStorage();
    const db = await open(key);
    const journal = new DecisionJournal(key, storage);
    const first = decision('g1', 'reject');
    // g1 reached the database before the page closed; the rest only the journal.
    journal.write(first);
    await startRecordWrite(db, first);
    const second = decision('g1', 'accept');
    const third = decision('g2', 'skip');
    const undo = makeUndo(second, 'ana');
    for (const r of [second, third, undo]) journal.write(r);
    db.close();

    const reopened = await open(key);
    expect(await replayJournal(reopened, new DecisionJournal(key, storage))).toBe(3);
    const stored = await loadDecisions(reopened);
    expect(stored.map((r) => r.id)).toEqual([first, second, third, undo].map((r) => r.id));
    const latest = await loadLatest(reopened);
    // The undo withdrew the accept: g1 is back to the reject.
    expect(latest.get('g1')).toMatchObject({ decision: 'reject', recordId: first.id });
    expect(latest.get('g2')?.decision).toBe('skip');
    expect(storage.map.size).toBe(0);
    expect(await replayJournal(reopened, new DecisionJournal(key, storage))).toBe(0);
  });

  it('repairs a latest row left behind when only the record was committed', async () => {
    const key = freshKey();
    const storage = new MemoryStorage();
    const db = await open(key);
    const journal = new DecisionJournal(key, storage);
    const r = decision('g5', 'reject');
    journal.write(r);
    await startRecordWrite(db, r);
    expect((await loadLatest(db)).has('g5')).toBe(false);
    expect(await replayJournal(db, journal)).toBe(0);
    expect((await loadLatest(db)).get('g5')?.recordId).toBe(r.id);
  });
});

describe('startRecordWrite', () => {
  it('issues its add and the commit in the caller’s task, so the key press that made it also started it', async () => {
    const db = await open(freshKey());
    const calls: string[] = [];
    const add = IDBObjectStore.prototype.add;
    const commit = IDBTransaction.prototype.commit;
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      calls.push(`add ${this.name}`);
      return add.apply(this, args);
    };
    IDBTransaction.prototype.commit = function (this: IDBTransaction) {
      calls.push(`commit ${[...this.objectStoreNames].join(',')}`);
      return commit.apply(this);
    };
    try {
      // Queued before the write: the first macrotask after this one, so it sees only the calls made
      // in this task and its microtasks (fake-indexeddb itself works in later macrotasks).
      const inThisTask = new Promise<string[]>((resolve) => setImmediate(() => resolve([...calls])));
      const saved = startRecordWrite(db, decision('g1'));
      expect(await inThisTask).toEqual(['add records', 'commit records']);
      await saved;
    } finally {
      IDBObjectStore.prototype.add = add;
      IDBTransaction.prototype.commit = commit;
    }
    expect((await loadDecisions(db)).map((r) => r.grasp)).toEqual(['g1']);
  });

  it('counts a record already stored (replayed by another tab) as saved, and reports real failures as StorageErrors', async () => {
    const db = await open(freshKey());
    const r: DecisionRecord = decision('g1');
    await startRecordWrite(db, r);
    await expect(startRecordWrite(db, r)).resolves.toBeUndefined();
    expect(await loadDecisions(db)).toHaveLength(1);
    db.close();
    const err = await startRecordWrite(db, decision('g2')).catch((e) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect(err.message).toMatch(/^Could not save the decision/);
  });
});
