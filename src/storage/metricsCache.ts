import Dexie, { type Table } from 'dexie';
import type { GraspMetricsRow, MetricsOverlay } from '../core/metrics/types';
import { toStorageError } from './storageError';

interface CachedRow {
  /** hash of everything the row depends on: mesh contents, hand, pose, parameters, code version */
  key: string;
  row: GraspMetricsRow;
  time: number;
}

/** A row found by where its inputs live (see core/metrics/addressKey), with the content key it was computed under. */
export interface AddressedRow {
  address: string;
  key: string;
  row: GraspMetricsRow;
}

export interface AddressedOverlay {
  address: string;
  key: string;
  overlay: MetricsOverlay;
  row: GraspMetricsRow;
}

const MAX_OVERLAYS = 200;

class MetricsCacheDb extends Dexie {
  rows!: Table<CachedRow, string>;
  byAddress!: Table<AddressedRow & { time: number }, string>;
  overlays!: Table<AddressedOverlay & { time: number }, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ rows: 'key, time' });
    this.version(2).stores({ rows: 'key, time', byAddress: 'address, time', overlays: 'address, time' });
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

  /** One bulk read by address: what the page can show before any worker has started. */
  async getByAddress(addresses: string[]): Promise<(AddressedRow | undefined)[]> {
    try {
      return await this.db.byAddress.bulkGet(addresses);
    } catch (e) {
      throw toStorageError(e, 'read cached metrics');
    }
  }

  async putByAddress(entries: AddressedRow[]): Promise<void> {
    if (entries.length === 0) return;
    const time = Date.now();
    try {
      await this.db.byAddress.bulkPut(entries.map((e) => ({ ...e, time })));
    } catch (e) {
      throw toStorageError(e, 'cache metrics');
    }
  }

  async getOverlay(address: string): Promise<AddressedOverlay | undefined> {
    try {
      return await this.db.overlays.get(address);
    } catch (e) {
      throw toStorageError(e, 'read a cached overlay');
    }
  }

  /** Overlays are kept only for grasps someone looked at (they hold thousands of points each). */
  async putOverlay(entry: AddressedOverlay): Promise<void> {
    try {
      await this.db.overlays.put({ ...entry, time: Date.now() });
      const extra = (await this.db.overlays.count()) - MAX_OVERLAYS;
      if (extra > 0) await this.db.overlays.orderBy('time').limit(extra).delete();
    } catch (e) {
      throw toStorageError(e, 'cache an overlay');
    }
  }

  async clear(): Promise<void> {
    await Promise.all([this.db.rows.clear(), this.db.byAddress.clear(), this.db.overlays.clear()]);
  }

  close(): void {
    this.db.close();
  }
}
