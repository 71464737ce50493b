/**
 * Deepest nesting of arrays/objects in JSON text, by one linear scan (strings skipped). Checked
 * before parsing: the studio hands parsed data to workers by structured cloning, which recurses
 * per level, so `[[[[…]]]]` 100,000 deep would overflow the stack far from the file it came from.
 */
export const MAX_JSON_DEPTH = 100;

export function jsonDepthExceeds(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // skip the string, honouring backslash escapes
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
