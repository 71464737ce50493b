import { z } from 'zod';
import { formatIssues } from '../dataset/schema';
import { validateRules, type FilterRules } from './filterRules';
import { filterRulesSchema } from './filterRulesSchema';

export const PRESETS_FORMAT = 'hoi-studio/filter-presets@1';

export interface FilterPreset {
  name: string;
  rules: FilterRules;
  description?: string;
  /** ISO-8601 */
  savedAt?: string;
}

const presetSchema = z
  .object({
    name: z.string().trim().min(1, 'a preset needs a name'),
    rules: filterRulesSchema,
    description: z.string().optional(),
    savedAt: z.string().optional(),
  })
  .strict();

const presetsFileSchema = z.object({ format: z.literal(PRESETS_FORMAT), presets: z.array(presetSchema) }).strict();

/** A preset file that cannot be used; the message names the file and the problem. */
export class PresetFileError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'PresetFileError';
  }
}

export function exportPresets(presets: FilterPreset[]): string {
  return JSON.stringify({ format: PRESETS_FORMAT, presets }, null, 2) + '\n';
}

/**
 * Reads a presets file. Throws PresetFileError for anything unusable; returns warnings for
 * presets that load but can pass nothing (min above max) or repeat a name (the last one wins).
 */
export function parsePresetsFile(text: string, fileName = 'presets file'): { presets: FilterPreset[]; warnings: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new PresetFileError(fileName, `not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const format = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).format : undefined;
  if (typeof format !== 'string' || !format.startsWith('hoi-studio/filter-presets@')) {
    throw new PresetFileError(fileName, `not a filter preset file ("format" must be "${PRESETS_FORMAT}", found ${JSON.stringify(format ?? null)})`);
  }
  if (format !== PRESETS_FORMAT) {
    throw new PresetFileError(fileName, `written in format "${format}", which this version cannot read (it reads "${PRESETS_FORMAT}")`);
  }
  const parsed = presetsFileSchema.safeParse(raw);
  if (!parsed.success) throw new PresetFileError(fileName, formatIssues(parsed.error));
  const warnings: string[] = [];
  const byName = new Map<string, FilterPreset>();
  for (const p of parsed.data.presets as FilterPreset[]) {
    if (byName.has(p.name)) warnings.push(`preset "${p.name}" appears more than once; the last one is used`);
    for (const issue of validateRules(p.rules)) warnings.push(`preset "${p.name}": ${issue}`);
    byName.set(p.name, p);
  }
  return { presets: [...byName.values()], warnings };
}

/** Adds or replaces (by name) a preset; returns a new list in name order. */
export function upsertPreset(list: FilterPreset[], preset: FilterPreset): FilterPreset[] {
  return sortByName([...list.filter((p) => p.name !== preset.name), preset]);
}

export function removePreset(list: FilterPreset[], name: string): FilterPreset[] {
  return list.filter((p) => p.name !== name);
}

/**
 * Merges imported presets. On a name clash the imported one is kept under "name (2)", "name (3)"…
 * unless it is identical, so importing never silently overwrites the user's own presets.
 */
export function mergePresets(list: FilterPreset[], imported: FilterPreset[]): FilterPreset[] {
  const out = [...list];
  const names = new Set(list.map((p) => p.name));
  for (const p of imported) {
    const same = out.find((q) => q.name === p.name);
    if (same && JSON.stringify(same.rules) === JSON.stringify(p.rules)) continue;
    let name = p.name;
    for (let k = 2; names.has(name); k++) name = `${p.name} (${k})`;
    names.add(name);
    out.push({ ...p, name });
  }
  return sortByName(out);
}

const sortByName = (list: FilterPreset[]) => list.sort((a, b) => a.name.localeCompare(b.name));
