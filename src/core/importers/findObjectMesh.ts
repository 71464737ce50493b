import { isMeshPath, splitPath } from './importFiles';

/**
 * The input's mesh for an object: the first of `candidates` (relative paths, most specific first)
 * present as is or below some folder, else a mesh anywhere whose file stem equals one of `stems`.
 */
export function findObjectMesh(paths: readonly string[], candidates: readonly string[], stems: readonly string[]): string | undefined {
  for (const c of candidates) {
    const hit = paths.find((p) => p === c) ?? paths.find((p) => p.endsWith(`/${c}`));
    if (hit) return hit;
  }
  const wanted = new Set(stems.map((s) => s.toLowerCase()));
  return paths.find((p) => isMeshPath(p) && wanted.has(splitPath(p).stem.toLowerCase()));
}
