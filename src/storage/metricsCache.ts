import Dexie, { type Table } from 'dexie';
import type { GraspMetricsRow } from '../core/metrics/types';
import { toStorageError } from './storageError';

interface CachedRow {
  /** hash of everything the row depends on: mesh contents, hand, pose, parameters, code version */
  key: string;
  row: GraspMetricsRow;
  time: number;
}

class MetricsCacheDb extends Dexie {
  rows!: Table<CachedRow, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ rows: 'key, time' });
  }
}

/**
 * Metric results keyed by their inputs, so reopening a dataset does not recompute, and a changed
 * mesh or pose (a different key) never returns a stale row. Rows are stored without their grasp
 * id, which is filled in on lookup: two grasps with identical inputs share one entry.
 */
export class MetricsCache {
  private db: MetricsCacheDb;
  constructor(name = 'hoi-studio-metrics') {
    this.db = new MetricsCacheDb(name);
  }

  async getMany(keys: string[]): Promise<(GraspMetricsRow | undefined)[]> {
    try {
      const found = await this.db.rows.bulkGet(keys);
      return found.map((c) => c?.row);
    } catch (e) {
      throw toStorageError(e, 'read cached metrics');
    }
  }

  async putMany(entries: { key: string; row: GraspMetricsRow }[]): Promise<void> {
    if (entries.length === 0) return;
    const time = Date.now();
    try {
      await this.db.rows.bulkPut(entries.map(({ key, row }) => ({ key, row, time })));
    } catch (e) {
      throw toStorageError(e, 'cache metrics');
    }
  }

  async clear(): Promise<void> {
    await this.db.rows.clear();
  }

  close(): void {
    this.db.close();
  }
}
