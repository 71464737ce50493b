import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import type { DatasetIO } from './loadDataset';
import { stat } from 'node:fs/promises';
import { checkSize, type ReadLimit } from './readLimits';

/** Node-only IO: file paths and file:// URLs from disk, http(s) through fetch. */
export function nodeIO(): DatasetIO {
  const read = async (url: string, limit?: ReadLimit): Promise<Buffer> => {
    if (/^https?:/i.test(url)) {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
      const buf = Buffer.from(await res.arrayBuffer());
      checkSize(buf.byteLength, limit);
      return buf;
    }
    const file = url.startsWith('file:') ? fileURLToPath(url) : url;
    if (limit) checkSize((await stat(file)).size, limit);
    return readFile(file);
  };
  return {
    fetchText: async (url, limit) => (await read(url, limit)).toString('utf8'),
    fetchBytes: async (url, limit) => {
      const buf = await read(url, limit);
      return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
    },
  };
}

/** Turns a command-line argument (path or URL) into the URL the loader works with. */
export function toManifestUrl(arg: string): string {
  if (/^(https?|file):/i.test(arg)) return arg;
  return pathToFileURL(path.resolve(arg)).href;
}
