import type { Grasp, Manifest } from './schema';

/**
 * Importers return paths relative to the input root, in the manifest and in its grasp shards
 * alike. A dataset path is relative to the file that names it, so placing the manifest in
 * `manifestDir` and its shards next to it needs every relative path rewritten. `inputRoot` and
 * `manifestDir` are absolute '/'-separated folders ('/data/in', '/data/out'). Absolute URLs are
 * left alone. Plain string work (no node:path), so it runs in the browser too.
 */
export function relocateImport(
  result: { manifest: Manifest; files?: Record<string, string> },
  inputRoot: string,
  manifestDir: string,
): { manifest: Manifest; files: Record<string, string> } {
  const root = normalize(inputRoot);
  const dir = normalize(manifestDir);
  const move = (p: string, fileDir: string[]) => (isAbsolute(p) ? p : relative(fileDir, normalize(`${root.join('/')}/${p}`)));
  const moveGrasp = (g: Grasp, fileDir: string[]): Grasp => {
    const out = { ...g };
    if (g.reconstruction) out.reconstruction = { ...g.reconstruction, mesh: move(g.reconstruction.mesh, fileDir) };
    if (g.mano && 'mesh' in g.mano) out.mano = { ...g.mano, mesh: move(g.mano.mesh, fileDir) } as Grasp['mano'];
    return out;
  };
  const m = result.manifest;
  const manifest: Manifest = {
    ...m,
    hands: Object.fromEntries(Object.entries(m.hands).map(([id, h]) => [id, 'urdf' in h ? { ...h, urdf: move(h.urdf, dir) } : h])),
    objects: Object.fromEntries(Object.entries(m.objects).map(([id, o]) => [id, { ...o, mesh: move(o.mesh, dir) }])),
    ...(m.grasps ? { grasps: m.grasps.map((g) => moveGrasp(g as Grasp, dir)) } : {}),
  };
  const files: Record<string, string> = {};
  for (const [path, text] of Object.entries(result.files ?? {})) {
    // Shard paths in the manifest are relative to the manifest already and stay as they are.
    const shardDir = normalize([...dir, ...normalize(path).slice(0, -1)].join('/'));
    files[path] = path.endsWith('.jsonl')
      ? text
          .split('\n')
          .map((line) => (line.trim() ? JSON.stringify(moveGrasp(JSON.parse(line) as Grasp, shardDir)) : line))
          .join('\n')
      : text;
  }
  return { manifest, files };
}

const isAbsolute = (p: string) => /^[a-z][a-z0-9+.-]*:/i.test(p) || p.startsWith('/');

/** Segments of a path with '.' and '..' applied ('..' above the top is kept). */
function normalize(p: string): string[] {
  const out: string[] = [];
  for (const s of p.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else out.push(s);
  }
  return out;
}

/** The path from directory `from` to `to` (both as root-relative segments). */
function relative(from: string[], to: string[]): string {
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  if (from.slice(i).includes('..') || to.slice(0, i + 1).includes('..')) throw new Error(`no relative path from "${from.join('/')}" to "${to.join('/')}"`);
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/') || '.';
}
