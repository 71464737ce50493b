import Dexie, { type Table } from 'dexie';
import type { DecisionRecord } from '../core/review/decisions';
import type { DecisionsFile } from '../core/review/exportDecisions';
import { guard } from './storageError';

/** A decision record as stored: `seq` is the write order across every tab. */
export type StoredRecord = DecisionRecord & { seq?: number };

/** The per-grasp index of the latest decision in force (absent when none, or all undone). */
export interface LatestRow {
  grasp: string;
  decision: DecisionRecord['decision'];
  recordId: string;
  seq: number;
  annotator: string;
  time: string;
}

/** Other annotators' decision files, kept for the agreement view, apart from this browser's own. */
export interface ImportRow {
  file: string;
  importedAt: string;
  data: DecisionsFile;
}

export const REVIEW_DB_SCHEMA = {
  // Append-only: nothing ever updates or deletes a record.
  records: '++seq, &id, grasp, annotator, decision',
  latest: 'grasp',
  imports: 'file',
};

export class ReviewDb extends Dexie {
  records!: Table<StoredRecord, number>;
  latest!: Table<LatestRow, string>;
  imports!: Table<ImportRow, string>;

  constructor(
    readonly datasetKey: string,
    deps?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange },
  ) {
    super(reviewDbName(datasetKey), deps);
    this.version(1).stores(REVIEW_DB_SCHEMA);
  }
}

export const REVIEW_DB_PREFIX = 'hoi-review:';
export const reviewDbName = (key: string) => `${REVIEW_DB_PREFIX}${key}`;

/**
 * Opens (creating if needed) the decision database of one dataset. Opens eagerly so a browser
 * without usable IndexedDB (private mode) is reported now, as a StorageError, not at the first decision.
 */
export async function openReviewDb(datasetKey: string, deps?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }): Promise<ReviewDb> {
  const db = new ReviewDb(datasetKey, deps);
  await guard('open the decision database', () => db.open());
  return db;
}

/** Keys of the datasets that have a decision database in this browser. */
export async function listReviewDatasets(): Promise<string[]> {
  return guard('list the stored datasets', async () => (await Dexie.getDatabaseNames()).filter((n) => n.startsWith(REVIEW_DB_PREFIX)).map((n) => n.slice(REVIEW_DB_PREFIX.length)));
}

/**
 * Asks the browser not to evict this site's storage under pressure (best effort; browsers may
 * refuse). Returns whether storage is persistent.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = (globalThis as { navigator?: { storage?: { persist?: () => Promise<boolean>; persisted?: () => Promise<boolean> } } }).navigator?.storage;
  if (!storage?.persist) return false;
  if (await storage.persisted?.()) return true;
  return storage.persist();
}
