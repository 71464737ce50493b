// What to open in a dropped folder: its manifest, or the importer its file names point to.
import { localUrl } from '../dataset/folderIO';
import { detectImportKindFromPaths } from './detectImportKind';
import type { ImportKind } from './types';

export type ManifestChoice =
  /** load `url` with loadDataset; `others` are deeper or sibling manifests that were not chosen */
  | { kind: 'manifest'; path: string; url: string; others: string[] }
  /** no manifest: run importDataset(importer, …) on the files below `root` */
  | { kind: 'import'; importer: ImportKind; root: string; reason: string }
  /** JSON/CSV grasp records: read one with sniffImportKind to choose between DexGraspNet and DRO */
  | { kind: 'records'; files: string[]; root: string; reason: string }
  | { kind: 'none'; reason: string };

const depth = (p: string) => p.split('/').length;

/** The dropped folder: the first path segment when every path shares it ('' otherwise), with '/'. */
export function topFolder(paths: readonly string[]): string {
  const first = paths[0]?.split('/');
  if (!first || first.length < 2) return '';
  return paths.every((p) => p.startsWith(`${first[0]}/`)) ? `${first[0]}/` : '';
}

/**
 * Picks what to open in a dropped folder: the shallowest manifest.json (ties: alphabetical), or,
 * when there is none, the importer the file names point to.
 */
export function findManifest(paths: readonly string[]): ManifestChoice {
  const manifests = paths.filter((p) => p.split('/').pop()!.toLowerCase() === 'manifest.json');
  if (manifests.length) {
    const [best, ...others] = [...manifests].sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
    return { kind: 'manifest', path: best, url: localUrl(best), others };
  }
  const root = topFolder(paths);
  const detected = detectImportKindFromPaths(paths.map((p) => p.slice(root.length)));
  if (!detected) return { kind: 'none', reason: 'no manifest.json, no hand/object meshes and no grasp records (JSON/CSV) found' };
  if (detected.kind === 'records') return { kind: 'records', files: detected.files.map((f) => root + f), root, reason: detected.reason };
  return { kind: 'import', importer: detected.kind, root, reason: detected.reason };
}
