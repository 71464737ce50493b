import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import type { DatasetIO } from './loadDataset';

/** Node-only IO: file paths and file:// URLs from disk, http(s) through fetch. */
export function nodeIO(): DatasetIO {
  const read = async (url: string): Promise<Buffer> => {
    if (/^https?:/i.test(url)) {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
      return Buffer.from(await res.arrayBuffer());
    }
    const file = url.startsWith('file:') ? fileURLToPath(url) : url;
    return readFile(file);
  };
  return {
    fetchText: async (url) => (await read(url)).toString('utf8'),
    fetchBytes: async (url) => {
      const buf = await read(url);
      return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
    },
  };
}

/** Turns a command-line argument (path or URL) into the URL the loader works with. */
export function toManifestUrl(arg: string): string {
  if (/^(https?|file):/i.test(arg)) return arg;
  return pathToFileURL(path.resolve(arg)).href;
}
