import type { DatasetIO } from './loadDataset';
import { checkSize, readCapped, type ReadLimit } from './readLimits';

const ALLOWED = /^(https?:|blob:)/i;

/** The Cache API cache the page and its workers share for dataset files (bump to drop old entries). */
export const DATASET_CACHE = 'hoi-studio-dataset-v1';
const CACHEABLE = /^https?:/i;

/** Bytes of one file in flight; `done` once with the final count (also for cache hits). */
export interface FetchProgress {
  url: string;
  loaded: number;
  /** from Content-Length; null when the server does not say */
  total: number | null;
  done: boolean;
  /** served from the Cache API after revalidation */
  cached?: boolean;
}

/** The parts of the Cache API used here (injectable so Node tests can run the cache logic). */
export interface CacheLike {
  match(url: string): Promise<Response | undefined>;
  put(url: string, res: Response): Promise<void>;
  delete(url: string): Promise<boolean>;
}
export interface CacheStorageLike {
  open(name: string): Promise<CacheLike>;
}

/** Cache writes in flight (shared by every IO of this page or worker), so a re-read waits for them. */
const pendingPuts = new Map<string, Promise<void>>();

export interface FetchIOOptions {
  /**
   * Keep http(s) responses in this Cache API cache so re-opening a dataset is fast. A cached
   * file is revalidated with a HEAD request (ETag, else Last-Modified + Content-Length; HEAD needs
   * no CORS preflight) and re-downloaded when it changed or carries no validator.
   */
  cacheName?: string;
  onProgress?: (p: FetchProgress) => void;
  /** default: globalThis.fetch / globalThis.caches */
  fetch?: typeof fetch;
  caches?: CacheStorageLike;
}

/** IO through fetch, for the page and its workers. Only http(s) and blob: URLs are ever followed. */
export function fetchIO(opts: FetchIOOptions = {}): DatasetIO {
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  let cache: Promise<CacheLike | null> | null = null;
  const openCache = (): Promise<CacheLike | null> => {
    if (!opts.cacheName) return Promise.resolve(null);
    if (!cache) {
      const storage = opts.caches ?? (globalThis as { caches?: CacheStorageLike }).caches;
      // No Cache API outside secure contexts (plain http on a LAN host): work without it.
      cache = storage ? storage.open(opts.cacheName).catch(() => null) : Promise.resolve(null);
    }
    return cache;
  };

  const network = async (url: string, init?: RequestInit): Promise<Response> => {
    try {
      return await doFetch(url, init);
    } catch (e) {
      throw new Error(`network error (${e instanceof Error ? e.message : String(e)})`, { cause: e });
    }
  };
  const httpError = (res: Response) => new Error(`HTTP ${res.status}${res.status === 404 ? ' not found' : ''}`);

  const get = async (url: string, limit?: ReadLimit): Promise<ArrayBuffer> => {
    if (!ALLOWED.test(url)) throw new Error(`refusing to load "${url.slice(0, 80)}": only http(s) URLs are allowed`);
    const store = CACHEABLE.test(url) ? await openCache() : null;
    if (store) {
      await pendingPuts.get(url);
      const hit = await store.match(url).catch(() => undefined);
      if (hit) {
        const fresh = await revalidate(hit, url);
        if (fresh === 'same') {
          const bytes = await hit.arrayBuffer();
          checkSize(bytes.byteLength, limit);
          opts.onProgress?.({ url, loaded: bytes.byteLength, total: bytes.byteLength, done: true, cached: true });
          return bytes;
        }
        await store.delete(url).catch(() => false);
      }
    }
    // Announced before the server answers, so a slow host shows as a download in progress.
    opts.onProgress?.({ url, loaded: 0, total: null, done: false });
    let res: Response;
    try {
      res = await network(url);
      if (!res.ok) throw httpError(res);
    } catch (e) {
      opts.onProgress?.({ url, loaded: 0, total: 0, done: true });
      throw e;
    }
    const bytes = await readWithProgress(res, url, limit);
    if (store) {
      const headers = new Headers();
      for (const h of ['etag', 'last-modified', 'content-length', 'content-type']) {
        const v = res.headers.get(h);
        if (v !== null) headers.set(h, v);
      }
      // Not awaited: storing a large shard takes as long as reading it, and nothing waits on it
      // except a later read of the same URL.
      const put = store
        .put(url, new Response(bytes.slice(0), { headers }))
        .catch(() => {})
        .finally(() => pendingPuts.delete(url));
      pendingPuts.set(url, put);
    }
    return bytes;
  };

  /** 'same' when the server says the cached copy is current, or cannot be reached (offline). */
  const revalidate = async (hit: Response, url: string): Promise<'same' | 'changed'> => {
    let head: Response;
    try {
      head = await doFetch(url, { method: 'HEAD', cache: 'no-store' });
    } catch {
      return 'same';
    }
    if (!head.ok) return 'changed';
    const pick = (r: Response, h: string) => r.headers.get(h);
    const etagA = pick(hit, 'etag'),
      etagB = pick(head, 'etag');
    if (etagA && etagB) return etagA === etagB ? 'same' : 'changed';
    const lmA = pick(hit, 'last-modified'),
      lmB = pick(head, 'last-modified');
    if (!lmA || !lmB || lmA !== lmB) return 'changed';
    const lenA = pick(hit, 'content-length'),
      lenB = pick(head, 'content-length');
    return lenA && lenB && lenA !== lenB ? 'changed' : 'same';
  };

  /** Bytes are counted after Content-Encoding is undone, so the cap stops a gzip bomb mid-stream. */
  const readWithProgress = async (res: Response, url: string, limit?: ReadLimit): Promise<ArrayBuffer> => {
    const header = res.headers.get('content-length');
    const total = header && /^\d+$/.test(header) ? Number(header) : null;
    if (!res.body) {
      const bytes = await res.arrayBuffer();
      checkSize(bytes.byteLength, limit);
      opts.onProgress?.({ url, loaded: bytes.byteLength, total: bytes.byteLength, done: true });
      return bytes;
    }
    let loaded = 0;
    opts.onProgress?.({ url, loaded: 0, total, done: false });
    try {
      const bytes = await readCapped(res.body, limit, (n) => {
        loaded = n;
        // Content-Length counts compressed bytes; never report more than 100 %.
        opts.onProgress?.({ url, loaded, total: total !== null ? Math.max(total, loaded) : null, done: false });
      });
      opts.onProgress?.({ url, loaded, total: loaded, done: true });
      return bytes;
    } catch (e) {
      opts.onProgress?.({ url, loaded, total, done: true });
      if (e instanceof Error && e.name === 'FileTooLargeError') throw e;
      throw new Error(`network error while downloading (${e instanceof Error ? e.message : String(e)})`, { cause: e });
    }
  };

  return {
    fetchText: async (url, limit) => new TextDecoder().decode(await get(url, limit)),
    fetchBytes: (url, limit) => get(url, limit),
  };
}
