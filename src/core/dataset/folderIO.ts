import { detectImportKindFromPaths } from '../importers/detectImportKind';
import type { ImportKind } from '../importers/types';
import type { DatasetIO } from './loadDataset';
import { checkSize, type ReadLimit } from './readLimits';

/** What a dropped or picked file offers (a File, a Blob, or a stand-in in tests). */
export interface BlobLike {
  arrayBuffer(): Promise<ArrayBuffer>;
  text(): Promise<string>;
  /** bytes on disk (File, Blob): checked against the cap before anything is read */
  size?: number;
}

/**
 * Local files get URLs of a non-special scheme, `local:///<folder>/<path>`, so that relative paths
 * in manifests and shards resolve with the ordinary URL rules (resolveUrl) exactly as over http.
 */
export const LOCAL_SCHEME = 'local:';

/** URL for a folder-relative path; each segment percent-encoded so '#', '?' and spaces survive. */
export function localUrl(path: string): string {
  return `${LOCAL_SCHEME}///${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** The folder-relative path of a local:// URL, or undefined for any other URL. */
export function localPath(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== LOCAL_SCHEME) return undefined;
  return u.pathname.replace(/^\/+/, '').split('/').map(decodeURIComponent).join('/');
}

/**
 * DatasetIO over a map of folder-relative path ('myset/meshes/a.obj') -> file. URLs of other
 * schemes (a local manifest may name meshes on a web server) go to `fallback` when given.
 */
export function folderIO(files: Record<string, BlobLike>, fallback?: DatasetIO): DatasetIO {
  const get = (url: string): BlobLike | null => {
    const path = localPath(url);
    if (path === undefined) {
      if (fallback) return null;
      throw new Error(`not a local file URL: ${url}`);
    }
    const file = Object.prototype.hasOwnProperty.call(files, path) ? files[path] : undefined;
    if (!file) throw new Error(`not found in the opened folder: ${path}`);
    return file;
  };
  const bytes = async (f: BlobLike, limit?: ReadLimit): Promise<ArrayBuffer> => {
    if (f.size !== undefined) checkSize(f.size, limit);
    const raw = await f.arrayBuffer();
    checkSize(raw.byteLength, limit);
    return raw;
  };
  return {
    fetchText: async (url, limit) => {
      const f = get(url);
      if (!f) return fallback!.fetchText(url, limit);
      if (!limit) return f.text();
      return new TextDecoder().decode(await bytes(f, limit));
    },
    fetchBytes: async (url, limit) => {
      const f = get(url);
      return f ? bytes(f, limit) : fallback!.fetchBytes(url, limit);
    },
  };
}

/** Files from an <input webkitdirectory> or a drop, keyed by their path inside the picked folder. */
export function filesFromFileList(list: Iterable<BlobLike & { name: string; webkitRelativePath?: string }>): Record<string, BlobLike> {
  const out: Record<string, BlobLike> = {};
  for (const f of list) out[(f.webkitRelativePath || f.name).replace(/\\/g, '/').replace(/^\/+/, '')] = f;
  return out;
}

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
