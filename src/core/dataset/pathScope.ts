/**
 * Where a dataset file lies relative to the dataset: below the manifest's folder, elsewhere on the
 * same host (`../../etc/passwd`), or on another host. Files outside the folder are still loaded
 * (datasets often share a mesh folder next to theirs, or a mesh CDN) but the user is told, since
 * a manifest can otherwise make the studio read files its author did not ship.
 */
export type PathScope = 'inside' | 'outside-folder' | 'other-origin';

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function pathScope(url: string, manifestUrl: string): PathScope {
  const u = parse(url);
  const m = parse(manifestUrl);
  if (!u || !m) {
    // Plain paths (tests, the command line): compare folders as text.
    const dir = manifestUrl.slice(0, manifestUrl.lastIndexOf('/') + 1);
    return url.startsWith(dir) && !url.slice(dir.length).split('/').includes('..') ? 'inside' : 'outside-folder';
  }
  // Non-special schemes (local:) have an opaque "null" origin: compare scheme and host instead.
  if (u.protocol !== m.protocol || u.host !== m.host) return 'other-origin';
  const dir = m.pathname.slice(0, m.pathname.lastIndexOf('/') + 1);
  return u.pathname.startsWith(dir) ? 'inside' : 'outside-folder';
}

/** Where a file comes from, for the message: its host, or its scheme for local files. */
export function hostOf(url: string): string {
  const u = parse(url);
  if (!u) return url;
  return u.host || u.protocol;
}
