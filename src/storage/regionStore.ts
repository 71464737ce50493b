import Dexie, { type Table } from 'dexie';
import { guard } from './storageError';

/** A negative-affordance region saved in the studio, per dataset and object. */
export interface StoredRegion {
  /** datasetKey(manifestUrl, name) */
  dataset: string;
  object: string;
  /** mesh frame, meters */
  points: [number, number, number][];
  label: string;
  source: string;
  savedAt: string;
}

class RegionDb extends Dexie {
  regions!: Table<StoredRegion, [string, string]>;
  constructor() {
    super('hoi-avoid-regions');
    this.version(1).stores({ regions: '[dataset+object], dataset' });
  }
}

let db: RegionDb | null = null;
const open = () => (db ??= new RegionDb());

export function saveRegion(r: StoredRegion): Promise<void> {
  return guard('save the negative-affordance region', async () => {
    await open().regions.put(r);
  });
}

export function regionsOf(dataset: string): Promise<StoredRegion[]> {
  return guard('read saved negative-affordance regions', () => open().regions.where('dataset').equals(dataset).toArray());
}
