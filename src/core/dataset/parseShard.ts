/** One line (or array element) of a shard: a value to validate, or why it could not be read. */
export type ShardEntry = { value: unknown; where: string; error?: undefined } | { error: string };

/**
 * A shard holds grasps as a JSON array or as JSON Lines (one grasp per line), so datasets of
 * 100,000 grasps need not be one giant JSON. Bad lines are reported by line number and skipped.
 * Lines are parsed as they are consumed, so a shard of a million copies that the loader drops
 * never holds a million parsed objects at once.
 */
export function* shardEntries(text: string, url: string): Generator<ShardEntry> {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    let arr: unknown[];
    try {
      arr = JSON.parse(trimmed) as unknown[];
    } catch (e) {
      yield { error: `not valid JSON (${(e as Error).message})` };
      return;
    }
    for (let i = 0; i < arr.length; i++) yield { value: arr[i], where: `[${i}]` };
    return;
  }
  let any = false;
  let start = 0;
  for (let lineNo = 1; start <= text.length; lineNo++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    start = end + 1;
    if (!line.trim()) continue;
    any = true;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      yield { error: `line ${lineNo}: not valid JSON (${(e as Error).message})` };
      continue;
    }
    yield { value, where: `line ${lineNo}` };
  }
  if (!any) yield { error: `${url.split('/').pop()} holds no grasps` };
}

/** All entries at once (small shards, tests). */
export function parseShard(text: string, url: string): { items: { value: unknown; where: string }[]; errors: string[] } {
  const items: { value: unknown; where: string }[] = [];
  const errors: string[] = [];
  for (const e of shardEntries(text, url)) {
    if (e.error !== undefined) errors.push(e.error);
    else items.push(e);
  }
  return { items, errors };
}
