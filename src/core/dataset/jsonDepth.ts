/**
 * Nesting limit for free-form JSON kept from a dataset (grasp and object `meta`). Parsed data goes
 * to the page by structured cloning, which recurses per level, so `[[[[…]]]]` 100,000 deep would
 * overflow the stack far from the file it came from. Checked on the parsed value, with an explicit
 * stack and an early exit, so ordinary meta costs next to nothing.
 */
export const MAX_JSON_DEPTH = 100;

export function nestedDeeperThan(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d >= limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, d + 1]);
  }
  return false;
}
