import type { DecisionRecord } from '../core/review/decisions';
import type { DecisionJournal } from '../storage/decisionJournal';
import { refreshLatestRows, startBatchWrite, startRecordWrite } from '../storage/decisionStore';
import type { ReviewDb } from '../storage/reviewDb';
import { useReviewStore } from './reviewStore';

/*
 * Saving one decision record: journaled synchronously and its IndexedDB transaction started, both
 * in the caller's task (the key press), so a reload a moment later finds it in the journal and a
 * killed browser finds it in IndexedDB as soon as that transaction has committed. Until then the
 * record is "unsaved": the UI says so and leaving the page asks first.
 */

const inFlight = new Set<Promise<unknown>>();

/** Committed records whose grasp's latest row is not refreshed yet (done once no write is in flight). */
let toIndex: { db: ReviewDb; journal: DecisionJournal | null; record: DecisionRecord }[] = [];

/** Resolves once the record is committed to IndexedDB; rejects with a StorageError if it could not be. */
export function saveRecord(db: ReviewDb, journal: DecisionJournal | null, record: DecisionRecord): Promise<void> {
  journal?.write(record);
  setUnsaved(record, true);
  const saved = startRecordWrite(db, record).then(
    () => {
      toIndex.push({ db, journal, record });
      setUnsaved(record, false);
      if (useReviewStore.getState().unsaved.size === 0) track(refreshIndex());
    },
    (e: unknown) => {
      journal?.remove(record.id);
      setUnsaved(record, false);
      throw e;
    },
  );
  track(saved.catch(() => undefined));
  return saved;
}

/**
 * Saves a batch action's records like one decision: each journaled and the whole batch in one
 * IndexedDB transaction, both before this returns. Resolves once committed.
 */
export function saveBatch(db: ReviewDb, journal: DecisionJournal | null, records: readonly DecisionRecord[]): Promise<void> {
  if (records.length === 1) return saveRecord(db, journal, records[0]);
  for (const r of records) journal?.write(r);
  setUnsavedMany(records, true);
  const saved = startBatchWrite(db, records).then(
    () => {
      for (const record of records) toIndex.push({ db, journal, record });
      setUnsavedMany(records, false);
      if (useReviewStore.getState().unsaved.size === 0) track(refreshIndex());
    },
    (e: unknown) => {
      for (const r of records) journal?.remove(r.id);
      setUnsavedMany(records, false);
      throw e;
    },
  );
  track(saved.catch(() => undefined));
  return saved;
}

/**
 * Refreshes the latest rows of the grasps decided since the last time, in one transaction per
 * database, after a burst rather than behind each decision: its reads would hold the records store
 * against the next decision's write. The journal entries go only then, so a replay repairs the
 * index if the page closes first.
 */
async function refreshIndex(): Promise<void> {
  const batch = toIndex;
  toIndex = [];
  for (const db of new Set(batch.map((x) => x.db))) {
    const mine = batch.filter((x) => x.db === db);
    try {
      await refreshLatestRows(
        db,
        mine.map((x) => x.record.grasp),
      );
      for (const x of mine) x.journal?.remove(x.record.id);
    } catch {
      // The records are saved; their journal entries stay and the next start rebuilds these rows.
    }
  }
}

function track(p: Promise<unknown>): void {
  inFlight.add(p);
  void p.finally(() => inFlight.delete(p));
}

function setUnsaved(record: DecisionRecord, unsaved: boolean): void {
  useReviewStore.setState((s) => {
    const next = new Map(s.unsaved);
    if (unsaved) next.set(record.id, record.grasp);
    else next.delete(record.id);
    return { unsaved: next };
  });
}

function setUnsavedMany(records: readonly DecisionRecord[], unsaved: boolean): void {
  useReviewStore.setState((s) => {
    const next = new Map(s.unsaved);
    for (const r of records) {
      if (unsaved) next.set(r.id, r.grasp);
      else next.delete(r.id);
    }
    return { unsaved: next };
  });
}

/** Resolves when every write started so far has finished (committed or failed). */
export async function savesSettled(): Promise<void> {
  while (inFlight.size) await Promise.all([...inFlight]);
}

/** Whether a grasp has a decision record still being written. */
export function graspSaving(unsaved: ReadonlyMap<string, string>, grasp: string): boolean {
  if (unsaved.size === 0) return false;
  for (const g of unsaved.values()) if (g === grasp) return true;
  return false;
}

/** The browser asks before leaving while a decision is still being written (it is journaled, but say so). */
export function warnIfUnsaved(e: BeforeUnloadEvent): void {
  if (useReviewStore.getState().unsaved.size === 0) return;
  e.preventDefault();
  // Older browsers show the dialog only when returnValue is set.
  e.returnValue = '';
}
