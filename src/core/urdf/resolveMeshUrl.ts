const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Joins `rel` onto the folder of `base`; works for URLs (http:, blob-less file:) and plain paths. */
export function resolveRelative(base: string, rel: string): string {
  if (SCHEME.test(rel)) return rel;
  if (SCHEME.test(base)) {
    try {
      return new URL(rel, base).href;
    } catch {
      // custom schemes such as "builtin:" have no hierarchy; fall through to path joining
    }
  }
  if (rel.startsWith('/')) return normalizePath(rel);
  const slash = base.lastIndexOf('/');
  const dir = slash >= 0 ? base.slice(0, slash + 1) : '';
  return normalizePath(dir + rel);
}

function normalizePath(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else if (seg === '..' && absolute) continue;
    else out.push(seg);
  }
  const joined = out.join('/');
  return absolute ? '/' + joined : joined;
}

/**
 * Where a URDF `<mesh filename>` may live, best guess first. Plain paths are relative to the
 * URDF. `package://pkg/rel` has no package index in a browser, so try `rel` next to the URDF and
 * one folder up (the usual `pkg/urdf/x.urdf` + `pkg/meshes/...` layout).
 */
export function meshUrlCandidates(filename: string, urdfUrl: string): string[] {
  const pkg = /^package:\/\/[^/]+\/(.+)$/.exec(filename);
  if (pkg) {
    const rel = pkg[1];
    return [...new Set([resolveRelative(urdfUrl, rel), resolveRelative(urdfUrl, '../' + rel)])];
  }
  if (filename.startsWith('file://') && !SCHEME.test(urdfUrl)) return [filename.slice('file://'.length)];
  return [resolveRelative(urdfUrl, filename)];
}
