import Dexie, { type Table } from 'dexie';
import { guard } from './storageError';

/** An NAA model folder (SAM + CLIP) the user opened from disk, kept so it is there after a reload. */
export interface StoredNaaModel {
  /** the folder's name, unique */
  name: string;
  /** NAA_MODEL_FILES path → contents */
  files: Record<string, ArrayBuffer>;
  savedAt: string;
}

class NaaModelDb extends Dexie {
  models!: Table<StoredNaaModel, string>;
  constructor() {
    super('hoi-naa-models');
    this.version(1).stores({ models: 'name' });
  }
}

let db: NaaModelDb | null = null;
const open = () => (db ??= new NaaModelDb());

export function saveNaaModel(m: StoredNaaModel): Promise<void> {
  return guard('keep the NAA model folder', async () => {
    await open().models.put(m);
  });
}

export function listNaaModels(): Promise<string[]> {
  return guard('list kept NAA models', () => open().models.toCollection().primaryKeys());
}

export function getNaaModel(name: string): Promise<StoredNaaModel | undefined> {
  return guard('read a kept NAA model', () => open().models.get(name));
}
