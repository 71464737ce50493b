/** The reasons list an annotator starts with; they edit it (persisted in settings). */
export const DEFAULT_REASONS: readonly string[] = ['penetration', 'wrong contact', 'non-functional grasp', 'bad reconstruction'];

/** Trimmed, without empties or case-insensitive duplicates, first spelling kept, order kept. */
export function normalizeReasons(list: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of list) {
    const r = raw.trim().replace(/\s+/g, ' ');
    const key = r.toLowerCase();
    if (!r || seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}

export function addReason(list: readonly string[], reason: string): string[] {
  return normalizeReasons([...list, reason]);
}

export function removeReason(list: readonly string[], reason: string): string[] {
  const key = reason.trim().toLowerCase();
  return list.filter((r) => r.toLowerCase() !== key);
}

export function renameReason(list: readonly string[], from: string, to: string): string[] {
  const key = from.trim().toLowerCase();
  return normalizeReasons(list.map((r) => (r.toLowerCase() === key ? to : r)));
}
