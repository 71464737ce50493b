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
