/**
 * A dataset's stable identity for its decision database: a readable slug of its name plus a 64-bit
 * hash of (normalised manifest URL, name). The URL is normalised by URL parsing (scheme and host
 * case, default ports, "./" segments) and loses its query string and fragment, so expiring signed
 * URLs or cache-busting parameters do not orphan decisions. The name is part of the key so two
 * datasets served from one URL in turn (a regenerated file) are told apart. A dataset opened
 * from a transient URL (blob:) has no stable identity; callers should pass a stable pseudo URL.
 */
export function datasetKey(manifestUrl: string, name: string): string {
  const url = normaliseUrl(manifestUrl);
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'dataset';
  return `${slug}-${hash64(`${url}\n${name}`)}`;
}

export function normaliseUrl(u: string): string {
  try {
    const url = new URL(u);
    url.search = '';
    url.hash = '';
    return url.href;
  } catch {
    return u.replace(/[?#].*$/, '');
  }
}

/** Two 32-bit FNV-1a lanes with different offsets; collisions need equal hashes in both. */
function hash64(s: string): string {
  let a = 0x811c9dc5,
    b = 0xcbf29ce4;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
