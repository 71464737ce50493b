import type { DatasetIO } from './loadDataset';
import { checkSize } from './readLimits';

/** IO over an in-memory file map (URL -> content): for tests and for datasets built in the page. */
export function memoryIO(files: Record<string, string | ArrayBuffer>): DatasetIO {
  const get = (url: string) => {
    const f = files[url];
    if (f === undefined) throw new Error(`404 not found: ${url}`);
    return f;
  };
  return {
    fetchText: async (url, limit) => {
      const f = get(url);
      checkSize(typeof f === 'string' ? f.length : f.byteLength, limit);
      return typeof f === 'string' ? f : new TextDecoder().decode(f);
    },
    fetchBytes: async (url, limit) => {
      const f = get(url);
      checkSize(typeof f === 'string' ? f.length : f.byteLength, limit);
      return typeof f === 'string' ? (new TextEncoder().encode(f).buffer as ArrayBuffer) : f;
    },
  };
}
