import type { DatasetIO } from '../dataset/loadDataset';
import { resolveUrl } from '../dataset/resolveUrl';
import type { BlobLike } from '../dataset/folderIO';
import type { ImportFiles } from './types';

type FileContent = string | ArrayBuffer | Uint8Array | BlobLike;

function toText(content: FileContent): Promise<string> {
  if (typeof content === 'string') return Promise.resolve(content);
  if (content instanceof ArrayBuffer || content instanceof Uint8Array) return Promise.resolve(new TextDecoder().decode(content));
  return content.text();
}

/** Input from an in-memory map (path -> content); `root` ('folder/') limits and strips a prefix. */
export function importFilesFromMap(files: Record<string, FileContent>, root = ''): ImportFiles {
  const prefix = root && !root.endsWith('/') ? `${root}/` : root;
  const paths = Object.keys(files)
    .filter((p) => p.startsWith(prefix))
    .map((p) => p.slice(prefix.length))
    .sort();
  return {
    paths,
    readText: (path) => {
      const content = files[prefix + path];
      if (content === undefined) return Promise.reject(new Error(`file not found: ${path}`));
      return toText(content);
    },
  };
}

/** Input read through a DatasetIO: `paths` relative to `baseUrl` (a folder URL ending in '/'). */
export function importFilesFromIO(io: DatasetIO, baseUrl: string, paths: string[]): ImportFiles {
  return { paths: [...paths].sort(), readText: (path) => io.fetchText(resolveUrl(baseUrl, path)) };
}

export function splitPath(path: string): { dir: string; base: string; stem: string; ext: string } {
  const slash = path.lastIndexOf('/');
  const dir = slash >= 0 ? path.slice(0, slash) : '';
  const base = path.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  return { dir, base, stem: dot > 0 ? base.slice(0, dot) : base, ext: dot > 0 ? base.slice(dot + 1).toLowerCase() : '' };
}

export const MESH_EXTENSIONS = new Set(['obj', 'ply', 'stl', 'glb', 'gltf']);

export function isMeshPath(path: string): boolean {
  return MESH_EXTENSIONS.has(splitPath(path).ext);
}
