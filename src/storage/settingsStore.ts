import Dexie, { liveQuery, type Table } from 'dexie';
import { z } from 'zod';
import { formatIssues } from '../core/dataset/schema';
import { filterRulesSchema } from '../core/review/filterRulesSchema';
import type { FilterPreset } from '../core/review/presets';
import { DEFAULT_REASONS, normalizeReasons } from '../core/review/reasons';
import { guard, StorageError, toStorageError } from './storageError';

/** Settings shared by every dataset: who is annotating, their reasons list, their filter presets. */
export interface ReviewSettings {
  annotator: string;
  reasons: string[];
  presets: FilterPreset[];
}

interface SettingRow {
  key: string;
  value: unknown;
}

export class SettingsDb extends Dexie {
  settings!: Table<SettingRow, string>;
  constructor(deps?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
    super('hoi-studio-settings', deps);
    this.version(1).stores({ settings: 'key' });
  }
}

export async function openSettingsDb(deps?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }): Promise<SettingsDb> {
  const db = new SettingsDb(deps);
  await guard('open the settings database', () => db.open());
  return db;
}

const schemas = {
  annotator: z.string(),
  reasons: z.array(z.string()),
  presets: z.array(z.object({ name: z.string().min(1), rules: filterRulesSchema, description: z.string().optional(), savedAt: z.string().optional() }).strict()),
} satisfies Record<keyof ReviewSettings, z.ZodType>;

const defaults = (): ReviewSettings => ({ annotator: '', reasons: [...DEFAULT_REASONS], presets: [] });

function decode(rows: SettingRow[]): ReviewSettings {
  const out = defaults();
  for (const row of rows) {
    if (!(row.key in schemas)) continue;
    const key = row.key as keyof ReviewSettings;
    const parsed = schemas[key].safeParse(row.value);
    // A stored value we cannot read is reported, not replaced: overwriting it would lose it.
    if (!parsed.success) throw new StorageError('invalid', `Could not read the saved ${key}: ${formatIssues(parsed.error)}`);
    (out as unknown as Record<string, unknown>)[key] = key === 'reasons' ? normalizeReasons(parsed.data as string[]) : parsed.data;
  }
  return out;
}

export async function loadSettings(db: SettingsDb): Promise<ReviewSettings> {
  return guard('load the settings', async () => decode(await db.settings.toArray()));
}

export async function saveSetting<K extends keyof ReviewSettings>(db: SettingsDb, key: K, value: ReviewSettings[K]): Promise<void> {
  const parsed = schemas[key].safeParse(value);
  if (!parsed.success) throw new StorageError('invalid', `Could not save the ${key}: ${formatIssues(parsed.error)}`);
  await guard(`save the ${key}`, () => db.settings.put({ key, value: parsed.data }));
}

export const saveAnnotator = (db: SettingsDb, name: string) => saveSetting(db, 'annotator', name.trim());
export const saveReasons = (db: SettingsDb, reasons: string[]) => saveSetting(db, 'reasons', normalizeReasons(reasons));
export const savePresets = (db: SettingsDb, presets: FilterPreset[]) => saveSetting(db, 'presets', presets);

/** Follows settings changed in any tab; returns the unsubscribe function. */
export function subscribeSettings(db: SettingsDb, onSettings: (s: ReviewSettings) => void, onError: (e: StorageError) => void): () => void {
  const sub = liveQuery(() => db.settings.toArray()).subscribe({
    next: (rows) => {
      try {
        onSettings(decode(rows));
      } catch (e) {
        onError(toStorageError(e, 'read the settings'));
      }
    },
    error: (e) => onError(toStorageError(e, 'follow settings from other tabs')),
  });
  return () => sub.unsubscribe();
}
