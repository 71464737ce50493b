// Python's json.dump writes NaN / Infinity / -Infinity as bare tokens, which JSON.parse rejects.
// Research exports contain them, so they are read as markers and reported per value instead.
const NON_FINITE = /"(?:[^"\\]|\\.)*"|(-?Infinity|NaN)/g;
const MARK = '\u0000nonfinite:';

export function parseJsonLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (first) {
    const patched = text.replace(NON_FINITE, (m, token: string | undefined) => (token ? JSON.stringify(MARK + token) : m));
    if (patched === text) throw first;
    return JSON.parse(patched);
  }
}

/** A JSON value as a number: NaN for non-numbers and the NaN/Infinity markers (always non-finite). */
export function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.startsWith(MARK)) {
    const token = v.slice(MARK.length);
    return token === 'NaN' ? NaN : token.startsWith('-') ? -Infinity : Infinity;
  }
  return NaN;
}

/** How a bad value is named in messages: the Python token for markers, JSON otherwise. */
export function describeValue(v: unknown): string {
  if (typeof v === 'string' && v.startsWith(MARK)) return v.slice(MARK.length);
  if (typeof v === 'number') return String(v);
  return v === undefined ? 'missing' : JSON.stringify(v);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
