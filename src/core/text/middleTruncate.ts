/**
 * Splits a label for truncation in the middle: the head may be cut (CSS ellipsis), the tail is
 * always shown, because grasp ids of one category share their start and differ at the end
 * ("power_drill-shadow-012"). The whole text stays in the page, for search and screen readers.
 */
export function middleSplit(text: string, tailChars: number): [head: string, tail: string] {
  const chars = Array.from(text);
  if (chars.length <= tailChars * 2) return [text, ''];
  return [chars.slice(0, chars.length - tailChars).join(''), chars.slice(chars.length - tailChars).join('')];
}
