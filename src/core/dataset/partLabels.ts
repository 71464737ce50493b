import { z } from 'zod';
import { formatIssues } from './schema';

/** Most distinct part names a labels file may hold (they are indexed by 16 bits). */
export const MAX_PART_NAMES = 4096;

/**
 * A mesh's ground-truth part per triangle (`objects.*.parts`): part names, then run lengths over
 * the mesh's triangles in file order, `[nameIndex, count]`. Optional: the parts a grasp must not
 * touch and the text that describes them.
 */
export const partLabelsFileSchema = z
  .object({
    names: z.array(z.string().min(1).max(200)).min(1).max(MAX_PART_NAMES),
    runs: z
      .array(z.tuple([z.number().int().nonnegative(), z.number().int().positive()]))
      .min(1)
      .max(10_000_000),
    negative: z.array(z.string()).max(MAX_PART_NAMES).optional(),
    query: z.string().max(500).optional(),
  })
  .strict();

export interface PartLabels {
  names: string[];
  /** part index per triangle */
  triangle: Uint16Array;
  negative: string[];
  query?: string;
}

/** Reads a labels file; every problem names the file. `triangles`, when known, must match the runs. */
export function parsePartLabels(text: string, label: string, triangles?: number): PartLabels {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`${label}: not valid JSON (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  const parsed = partLabelsFileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${label}: ${formatIssues(parsed.error)}`);
  const { names, runs, negative = [], query } = parsed.data;
  let total = 0;
  for (const [i, [name, count]] of runs.entries()) {
    if (name >= names.length) throw new Error(`${label}: runs.${i}: part index ${name} but only ${names.length} names`);
    total += count;
  }
  if (total > 50_000_000) throw new Error(`${label}: the runs cover ${total.toLocaleString('en-US')} triangles, above the limit of 50,000,000`);
  if (triangles !== undefined && total !== triangles) throw new Error(`${label}: the runs cover ${total} triangles but the mesh has ${triangles}`);
  for (const n of negative) if (!names.includes(n)) throw new Error(`${label}: negative part "${n}" is not one of the names`);
  const triangle = new Uint16Array(total);
  let t = 0;
  for (const [name, count] of runs) {
    triangle.fill(name, t, t + count);
    t += count;
  }
  return { names, triangle, negative, query };
}

/** Runs for a mesh made of parts concatenated in order (each part's triangle count). */
export function partRuns(counts: readonly number[]): [number, number][] {
  return counts.map((c, i) => [i, c] as [number, number]).filter(([, c]) => c > 0);
}
