import { jsonDepthExceeds, MAX_JSON_DEPTH } from './jsonDepth';

/**
 * A shard holds grasps as a JSON array or as JSON Lines (one grasp per line), so datasets of
 * 100,000 grasps need not be one giant JSON. Bad lines are reported by line number and skipped.
 */
export function parseShard(text: string, url: string): { items: { value: unknown; where: string }[]; errors: string[] } {
  const trimmed = text.trimStart();
  const errors: string[] = [];
  const tooDeep = `JSON nested more than ${MAX_JSON_DEPTH} levels deep (limit)`;
  if (trimmed.startsWith('[')) {
    // The array itself is one level.
    if (jsonDepthExceeds(trimmed, MAX_JSON_DEPTH + 1)) return { items: [], errors: [tooDeep] };
    try {
      const arr = JSON.parse(trimmed) as unknown[];
      return { items: arr.map((value, i) => ({ value, where: `[${i}]` })), errors };
    } catch (e) {
      return { items: [], errors: [`not valid JSON (${(e as Error).message})`] };
    }
  }
  const items: { value: unknown; where: string }[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    if (jsonDepthExceeds(line)) {
      errors.push(`line ${i + 1}: ${tooDeep}`);
      return;
    }
    try {
      items.push({ value: JSON.parse(line), where: `line ${i + 1}` });
    } catch (e) {
      errors.push(`line ${i + 1}: not valid JSON (${(e as Error).message})`);
    }
  });
  if (items.length === 0 && errors.length === 0) errors.push(`${url.split('/').pop()} holds no grasps`);
  return { items, errors };
}
