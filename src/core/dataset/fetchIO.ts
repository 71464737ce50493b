import type { DatasetIO } from './loadDataset';

const ALLOWED = /^(https?:|blob:)/i;

/** IO through fetch, for the page and its workers. Only http(s) and blob: URLs are ever followed. */
export function fetchIO(): DatasetIO {
  const get = async (url: string): Promise<Response> => {
    if (!ALLOWED.test(url)) throw new Error(`refusing to load "${url.slice(0, 80)}": only http(s) URLs are allowed`);
    let res: Response;
    try {
      res = await fetch(url);
    } catch (e) {
      throw new Error(`network error (${e instanceof Error ? e.message : String(e)})`);
    }
    if (!res.ok) throw new Error(`HTTP ${res.status}${res.status === 404 ? ' not found' : ''}`);
    return res;
  };
  return {
    fetchText: async (url) => (await get(url)).text(),
    fetchBytes: async (url) => (await get(url)).arrayBuffer(),
  };
}
