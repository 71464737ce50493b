/**
 * The path to write in a file at `fromFile` so that it resolves (URL rules, as the loader does)
 * to `target`: relative when both are on the same origin with a hierarchical scheme (http, https,
 * file), absolute otherwise. Plain relative paths on both sides (no scheme) are related as paths.
 */
export function relativeUrl(fromFile: string, target: string): string {
  const from = tryUrl(fromFile);
  const to = tryUrl(target);
  if (!from && !to) return relativePath(fromFile.split('/').slice(0, -1), splitPlain(target), '');
  if (!from || !to) return target;
  const hierarchical = ['http:', 'https:', 'file:'];
  if (!hierarchical.includes(to.protocol) || from.protocol !== to.protocol || from.host !== to.host || from.username !== to.username || from.password !== to.password) {
    return to.href;
  }
  const fromDir = from.pathname.split('/').slice(1, -1);
  const toParts = to.pathname.split('/').slice(1);
  return relativePath(fromDir, toParts, to.search + to.hash);
}

function relativePath(fromDir: string[], toParts: string[], suffix: string): string {
  let common = 0;
  while (common < fromDir.length && common < toParts.length - 1 && fromDir[common] === toParts[common]) common++;
  const up = fromDir.slice(common).map(() => '..');
  const rest = toParts.slice(common).map(readable);
  let out = [...up, ...rest].join('/');
  // "c:mesh.obj" would read as a URL scheme; "./" keeps it a path.
  if (/^[^/]*:/.test(out)) out = `./${out}`;
  // An empty path would resolve to the file itself, not its folder.
  if (out === '') out = './';
  return out + suffix;
}

function splitPlain(p: string): string[] {
  return p.split('/').filter((s, i, a) => s !== '.' && (s !== '' || i === a.length - 1));
}

/** Percent-decodes a segment when that cannot change what it resolves to. */
function readable(segment: string): string {
  try {
    const d = decodeURIComponent(segment);
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must stay encoded
    return /[/?#%\\]/.test(d) || /[\u0000-\u001f]/.test(d) ? segment : d;
  } catch {
    return segment;
  }
}

function tryUrl(s: string): URL | null {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(s)) return null;
  try {
    return new URL(s);
  } catch {
    return null;
  }
}
