import type { JournalStorage } from './decisionJournal';

/**
 * Web Storage semantics over a Map, for Node (tests, the command line) where there is no
 * localStorage. `quota` (characters) makes setItem throw QuotaExceededError like a full store.
 */
export class MemoryStorage implements JournalStorage {
  readonly map = new Map<string, string>();
  quota = Infinity;

  get length(): number {
    return this.map.size;
  }
  key(i: number): string | null {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string): string | null {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    let used = v.length;
    for (const [key, x] of this.map) if (key !== k) used += x.length;
    if (used > this.quota) throw new DOMException('the storage is full', 'QuotaExceededError');
    this.map.set(k, v);
  }
  removeItem(k: string): void {
    this.map.delete(k);
  }
}
