import type { DecisionRecord } from '../core/review/decisions';

/**
 * The write-ahead journal of decisions: each record is written here synchronously, in the key's own
 * task, before the UI moves on, and removed once IndexedDB holds it. localStorage survives a reload
 * or a crashed tab at once (the browser process holds it), where an IndexedDB transaction still in
 * flight is aborted with the page. What is left here when a page starts is replayed into IndexedDB.
 *
 * One key per record (no read-modify-write of a shared list), so tabs on the same dataset never
 * overwrite each other's entries; a replay by another tab is harmless since appends are
 * idempotent by record id.
 */

/** The part of the Web Storage API the journal uses (localStorage in the page). */
export interface JournalStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const JOURNAL_PREFIX = 'hoi-journal:';

interface Entry {
  /** order of writing in the tab that wrote it (records made in one millisecond keep their order) */
  n: number;
  record: DecisionRecord;
}

// Microseconds since the epoch, strictly increasing within a tab: orders entries of one tab exactly
// and those of tabs on the same dataset by when they were made.
let lastN = 0;
function nextN(): number {
  lastN = Math.max(lastN + 1, Date.now() * 1000);
  return lastN;
}

export class DecisionJournal {
  private readonly prefix: string;

  constructor(
    readonly datasetKey: string,
    private readonly storage: JournalStorage | null,
  ) {
    this.prefix = `${JOURNAL_PREFIX}${datasetKey}:`;
  }

  /** Whether records can be journaled here at all (no localStorage: IndexedDB alone). */
  get available(): boolean {
    return this.storage !== null;
  }

  /**
   * Journals a record; returns false when it could not be (no storage, quota full): the record
   * then rests on its IndexedDB write alone.
   */
  write(record: DecisionRecord): boolean {
    if (!this.storage) return false;
    const entry: Entry = { n: nextN(), record };
    try {
      this.storage.setItem(this.prefix + record.id, JSON.stringify(entry));
      return true;
    } catch {
      return false;
    }
  }

  remove(recordId: string): void {
    try {
      this.storage?.removeItem(this.prefix + recordId);
    } catch {
      // Storage gone (the user cleared site data): nothing left to remove.
    }
  }

  /** The journaled records of this dataset, in the order they were made; unreadable entries are dropped. */
  pending(): DecisionRecord[] {
    const entries: Entry[] = [];
    for (const key of this.keys()) {
      const entry = parseEntry(this.storage!.getItem(key));
      if (entry && this.prefix + entry.record.id === key) entries.push(entry);
      else this.storage!.removeItem(key);
    }
    return entries.sort((a, b) => a.n - b.n).map((e) => e.record);
  }

  /** Forgets every journaled record of this dataset (the user cleared its decisions). */
  clear(): void {
    for (const key of this.keys()) this.storage!.removeItem(key);
  }

  private keys(): string[] {
    const s = this.storage;
    if (!s) return [];
    const out: string[] = [];
    try {
      for (let i = 0; i < s.length; i++) {
        const key = s.key(i);
        if (key?.startsWith(this.prefix)) out.push(key);
      }
    } catch {
      return [];
    }
    return out;
  }
}

function parseEntry(text: string | null): Entry | null {
  if (!text) return null;
  try {
    const e = JSON.parse(text) as Partial<Entry>;
    const r = e.record as Partial<DecisionRecord> | undefined;
    const ok =
      typeof e.n === 'number' &&
      r &&
      typeof r.id === 'string' &&
      typeof r.grasp === 'string' &&
      typeof r.annotator === 'string' &&
      typeof r.time === 'string' &&
      (['accept', 'reject', 'skip'].includes(r.decision as string) || (r.decision === 'undo' && typeof r.undoes === 'string')) &&
      Array.isArray(r.reasons) &&
      typeof r.note === 'string' &&
      typeof r.metrics === 'object';
    return ok ? (e as Entry) : null;
  } catch {
    return null;
  }
}

/** The page's localStorage, or null where there is none or it is blocked (some privacy settings throw on access). */
export function browserJournalStorage(): JournalStorage | null {
  try {
    const s = (globalThis as { localStorage?: JournalStorage }).localStorage;
    if (!s) return null;
    void s.length;
    return s;
  } catch {
    return null;
  }
}
