import { liveQuery } from 'dexie';
import { makeDecision, makeUndo, type DecisionRecord, type NewDecision } from '../core/review/decisions';
import type { DecisionsFile } from '../core/review/exportDecisions';
import type { DecisionJournal } from './decisionJournal';
import type { LatestRow, ReviewDb, StoredRecord } from './reviewDb';
import { guard, toStorageError, type StorageError } from './storageError';

/*
 * Decisions are written the moment they are made: the record in a transaction of its own, started
 * in the key's task (`startRecordWrite`), then the grasp's latest-decision row recomputed from its
 * records. IndexedDB serialises read-write transactions on the same stores, also across tabs, so
 * concurrent writers never lose a record and a refreshed latest row reflects every record of its
 * grasp. The write-ahead journal (decisionJournal.ts) covers the moment before the commit.
 */

/** Saves a new decision; resolves once it is committed. */
export async function recordDecision(db: ReviewDb, decision: NewDecision | DecisionRecord): Promise<DecisionRecord> {
  const record = 'id' in decision ? decision : makeDecision(decision);
  await guard('save the decision', () => appendRecords(db, [record]));
  return record;
}

/**
 * Starts saving one record now, in the caller's task: one transaction holding a single add, so
 * nothing waits for an earlier write, a read or a queue. The transaction is committed explicitly
 * right after the add, so the browser writes it without first handing the add's result back to
 * this page's (busy) main thread. Resolves once committed. A record whose id is already stored
 * (replayed from the journal by another tab) counts as saved. The grasp's latest row is refreshed
 * afterwards (`refreshLatestRows`): it is an index derived from the records, rebuilt on replay if
 * that step is lost.
 */
export function startRecordWrite(db: ReviewDb, record: DecisionRecord): Promise<void> {
  let write: Promise<unknown>;
  try {
    write = db.transaction('rw', db.records, (tx) => {
      // Its failure fails the transaction, which is what the caller sees.
      db.records.add({ ...record }).catch(() => undefined);
      tx.idbtrans.commit?.();
    });
  } catch (e) {
    return Promise.reject(toStorageError(e, 'save the decision'));
  }
  return write.then(
    () => undefined,
    (e) => {
      if (isDuplicateId(e)) return;
      throw toStorageError(e, 'save the decision');
    },
  );
}

/**
 * A batch action's records in one transaction, started in the caller's task like a single
 * decision: all of them are committed or none is. Resolves once committed.
 */
export function startBatchWrite(db: ReviewDb, records: readonly DecisionRecord[]): Promise<void> {
  let write: Promise<unknown>;
  try {
    write = db.transaction('rw', db.records, (tx) => {
      db.records.bulkAdd(records.map((r) => ({ ...r }))).catch(() => undefined);
      tx.idbtrans.commit?.();
    });
  } catch (e) {
    return Promise.reject(toStorageError(e, 'save the decisions'));
  }
  return write.then(
    () => undefined,
    (e) => {
      throw toStorageError(e, 'save the decisions');
    },
  );
}

function isDuplicateId(e: unknown): boolean {
  for (let x = e as { name?: string; inner?: unknown } | null | undefined, k = 0; x && k < 4; k++, x = x.inner as typeof x) {
    if (x.name === 'ConstraintError') return true;
  }
  return false;
}

/** Recomputes the latest-decision rows of some grasps from their records, in one transaction. */
export async function refreshLatestRows(db: ReviewDb, grasps: Iterable<string>): Promise<void> {
  const list = [...new Set(grasps)];
  if (list.length === 0) return;
  await guard('update the latest decisions', () =>
    db.transaction('rw', db.records, db.latest, async () => {
      for (const grasp of list) await refreshLatest(db, grasp);
    }),
  );
}

/**
 * Writes what the journal still holds (decisions made just before a reload, a crash or a killed
 * browser) into the database and empties it. Idempotent: records already stored are skipped.
 * Returns how many records were missing from the database.
 */
export async function replayJournal(db: ReviewDb, journal: DecisionJournal): Promise<number> {
  const pending = journal.pending();
  if (pending.length === 0) return 0;
  const added = await guard('restore the decisions saved just before the page closed', () => appendRecords(db, pending));
  await refreshLatestRows(
    db,
    pending.map((r) => r.grasp),
  );
  for (const r of pending) journal.remove(r.id);
  return added;
}

/**
 * Withdraws the annotator's most recent decision still in force (backspace) by appending an undo
 * record. Returns the withdrawn record (the UI goes back to its grasp), or null if there is none.
 */
export async function undoLast(db: ReviewDb, annotator: string): Promise<DecisionRecord | null> {
  return guard('undo the last decision', () =>
    db.transaction('rw', db.records, db.latest, async () => {
      const withdrawn = new Set((await db.records.where('decision').equals('undo').toArray()).map((r) => r.undoes));
      let target: StoredRecord | undefined;
      await db.records
        .where('annotator')
        .equals(annotator)
        .reverse()
        .until(() => target !== undefined)
        .each((r) => {
          if (!target && r.decision !== 'undo' && !withdrawn.has(r.id)) target = r;
        });
      if (!target) return null;
      await appendRecords(db, [makeUndo(strip(target), annotator)]);
      return strip(target);
    }),
  );
}

/** Withdraws one specific record (from the history panel). */
export async function undoRecord(db: ReviewDb, recordId: string, annotator: string): Promise<DecisionRecord> {
  return guard('undo the decision', () =>
    db.transaction('rw', db.records, db.latest, async () => {
      const target = await db.records.where('id').equals(recordId).first();
      if (!target) throw new Error(`no decision record "${recordId}"`);
      const undo = makeUndo(strip(target), annotator);
      await appendRecords(db, [undo]);
      return undo;
    }),
  );
}

/**
 * Appends records (skipping ids already stored, so re-sending after an uncertain failure is safe)
 * and refreshes the latest rows of their grasps, in one transaction.
 */
export async function appendRecords(db: ReviewDb, records: readonly DecisionRecord[]): Promise<number> {
  return db.transaction('rw', db.records, db.latest, async () => {
    const existing = new Set(
      (
        await db.records
          .where('id')
          .anyOf(records.map((r) => r.id))
          .toArray()
      ).map((r) => r.id),
    );
    const fresh = records.filter((r) => !existing.has(r.id));
    if (fresh.length === 0) return 0;
    await db.records.bulkAdd(fresh.map((r) => ({ ...r })));
    for (const grasp of new Set(fresh.map((r) => r.grasp))) await refreshLatest(db, grasp);
    return fresh.length;
  });
}

async function refreshLatest(db: ReviewDb, grasp: string): Promise<void> {
  const history = await db.records.where('grasp').equals(grasp).sortBy('seq');
  const withdrawn = new Set(history.filter((r) => r.decision === 'undo').map((r) => r.undoes));
  for (let k = history.length - 1; k >= 0; k--) {
    const r = history[k];
    if (r.decision !== 'undo' && !withdrawn.has(r.id)) {
      const row: LatestRow = { grasp, decision: r.decision, recordId: r.id, seq: r.seq!, annotator: r.annotator, time: r.time };
      await db.latest.put(row);
      return;
    }
  }
  await db.latest.delete(grasp);
}

/** Every record in write order (feed them to a DecisionLog). */
export async function loadDecisions(db: ReviewDb): Promise<DecisionRecord[]> {
  return guard('load the decisions', async () => (await db.records.orderBy('seq').toArray()).map(strip));
}

/** The latest decision in force per grasp, from the index (no fold needed). */
export async function loadLatest(db: ReviewDb): Promise<Map<string, LatestRow>> {
  return guard('load the decisions', async () => new Map((await db.latest.toArray()).map((r) => [r.grasp, r])));
}

/**
 * Calls `onRecords` with every stored record, then with each batch written afterwards, by this
 * tab or another (Dexie 4's liveQuery is told of other tabs' writes over a BroadcastChannel).
 * Only records newer than those already delivered are read each time. Errors go to `onError`
 * as StorageErrors. Returns the unsubscribe function.
 */
export function subscribeDecisions(db: ReviewDb, onRecords: (records: DecisionRecord[]) => void, onError: (e: StorageError) => void): () => void {
  let lastSeq = 0;
  const sub = liveQuery(() => db.records.where('seq').above(lastSeq).toArray()).subscribe({
    next: (rows) => {
      const fresh = rows.filter((r) => r.seq! > lastSeq);
      if (fresh.length === 0) return;
      lastSeq = fresh[fresh.length - 1].seq!;
      onRecords(fresh.map(strip));
    },
    error: (e) => onError(toStorageError(e, 'follow decisions from other tabs')),
  });
  return () => sub.unsubscribe();
}

export async function saveImport(db: ReviewDb, file: string, data: DecisionsFile): Promise<void> {
  await guard(`store the imported file ${file}`, () => db.imports.put({ file, importedAt: new Date().toISOString(), data }));
}

export async function loadImports(db: ReviewDb): Promise<{ file: string; importedAt: string; data: DecisionsFile }[]> {
  return guard('load the imported decision files', () => db.imports.toArray());
}

export async function removeImport(db: ReviewDb, file: string): Promise<void> {
  await guard(`remove the imported file ${file}`, () => db.imports.delete(file));
}

function strip(r: StoredRecord): DecisionRecord {
  const { seq: _seq, ...rest } = r;
  return rest;
}

/**
 * Forgets every decision of this dataset in this browser: the one deliberate exception to
 * append-only, behind a confirmation in the UI, so a user can start over or re-import an export.
 */
export async function clearDecisions(db: ReviewDb): Promise<void> {
  await guard('clear the decisions', () =>
    db.transaction('rw', db.records, db.latest, async () => {
      await db.records.clear();
      await db.latest.clear();
    }),
  );
}
