import Dexie, { type Table } from 'dexie';
import { guard } from './storageError';

/** A DRO model folder the user opened from disk, kept so it is there after a reload. */
export interface StoredModel {
  /** the folder's name, unique */
  name: string;
  droJson: string;
  embed: ArrayBuffer;
  kernel: ArrayBuffer;
  savedAt: string;
}

class ModelDb extends Dexie {
  models!: Table<StoredModel, string>;
  constructor() {
    super('hoi-dro-models');
    this.version(1).stores({ models: 'name' });
  }
}

let db: ModelDb | null = null;
const open = () => (db ??= new ModelDb());

export function saveModel(m: StoredModel): Promise<void> {
  return guard('keep the model folder', async () => {
    await open().models.put(m);
  });
}

export function listModels(): Promise<string[]> {
  return guard('list kept models', () => open().models.toCollection().primaryKeys());
}

export function getModel(name: string): Promise<StoredModel | undefined> {
  return guard('read a kept model', () => open().models.get(name));
}
