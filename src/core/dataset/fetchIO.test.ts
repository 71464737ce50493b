import { describe, expect, it } from 'vitest';
import { fetchIO, type CacheLike, type CacheStorageLike, type FetchProgress } from './fetchIO';

/** A tiny server: files with an ETag or Last-Modified, counting GET and HEAD requests. */
function server(files: Record<string, { body: string; etag?: string; lastModified?: string }>) {
  const calls: string[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${url}`);
    const f = files[url];
    if (!f) return new Response('nope', { status: 404 });
    const headers: Record<string, string> = { 'content-length': String(new TextEncoder().encode(f.body).byteLength) };
    if (f.etag) headers.etag = f.etag;
    if (f.lastModified) headers['last-modified'] = f.lastModified;
    // Stream in two chunks so progress has something in between.
    const bytes = new TextEncoder().encode(f.body);
    const body =
      method === 'HEAD'
        ? null
        : new ReadableStream<Uint8Array>({
            start(c) {
              c.enqueue(bytes.slice(0, bytes.length >> 1));
              c.enqueue(bytes.slice(bytes.length >> 1));
              c.close();
            },
          });
    return new Response(body, { status: 200, headers });
  }) as typeof globalThis.fetch;
  return { fetch, calls, files };
}

function memoryCaches(): CacheStorageLike & { stores: Map<string, Map<string, Response>> } {
  const stores = new Map<string, Map<string, Response>>();
  return {
    stores,
    async open(name) {
      if (!stores.has(name)) stores.set(name, new Map());
      const m = stores.get(name)!;
      const cache: CacheLike = {
        match: async (url) => m.get(url)?.clone(),
        put: async (url, res) => void m.set(url, res),
        delete: async (url) => m.delete(url),
      };
      return cache;
    },
  };
}

const URL_A = 'https://data.test/set/a.obj';

describe('fetchIO', () => {
  it('refuses URLs that are not http(s) or blob:', async () => {
    const io = fetchIO();
    await expect(io.fetchText('javascript:alert(1)')).rejects.toThrow(/only http\(s\) URLs/);
    await expect(io.fetchText('data:text/plain,hi')).rejects.toThrow(/only http\(s\) URLs/);
  });

  it('names 404s and reports byte progress ending in done', async () => {
    const srv = server({ [URL_A]: { body: 'v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n' } });
    const events: FetchProgress[] = [];
    const io = fetchIO({ fetch: srv.fetch, onProgress: (p) => events.push(p) });
    expect(await io.fetchText(URL_A)).toContain('f 1 2 3');
    const size = srv.files[URL_A].body.length;
    expect(events[0]).toMatchObject({ loaded: 0, total: null, done: false });
    expect(events[1]).toMatchObject({ loaded: 0, total: size, done: false });
    expect(events.some((e) => !e.done && e.loaded > 0 && e.loaded < size)).toBe(true);
    expect(events.at(-1)).toMatchObject({ loaded: size, done: true });
    await expect(io.fetchText('https://data.test/set/missing.obj')).rejects.toThrow('HTTP 404 not found');
  });

  it('serves a cached file after a HEAD revalidation and re-downloads a changed one', async () => {
    const srv = server({ [URL_A]: { body: 'first', etag: '"1"' } });
    const caches = memoryCaches();
    const events: FetchProgress[] = [];
    const open = () => fetchIO({ fetch: srv.fetch, caches, cacheName: 'hoi', onProgress: (p) => events.push(p) });

    expect(await open().fetchText(URL_A)).toBe('first');
    expect(srv.calls).toEqual([`GET ${URL_A}`]);

    // Re-opening (a new IO, as after a reload): one HEAD, no body download.
    srv.calls.length = 0;
    events.length = 0;
    expect(await open().fetchText(URL_A)).toBe('first');
    expect(srv.calls).toEqual([`HEAD ${URL_A}`]);
    expect(events.at(-1)).toMatchObject({ cached: true, done: true });

    srv.files[URL_A] = { body: 'second', etag: '"2"' };
    srv.calls.length = 0;
    expect(await open().fetchText(URL_A)).toBe('second');
    expect(srv.calls).toEqual([`HEAD ${URL_A}`, `GET ${URL_A}`]);
  });

  it('falls back to Last-Modified and re-downloads files without any validator', async () => {
    const lm = 'Wed, 01 Jan 2025 00:00:00 GMT';
    const srv = server({ [URL_A]: { body: 'x', lastModified: lm }, 'https://data.test/b': { body: 'y' } });
    const caches = memoryCaches();
    const io = () => fetchIO({ fetch: srv.fetch, caches, cacheName: 'hoi' });
    await io().fetchText(URL_A);
    await io().fetchText('https://data.test/b');
    srv.calls.length = 0;
    await io().fetchText(URL_A);
    await io().fetchText('https://data.test/b');
    expect(srv.calls).toEqual([`HEAD ${URL_A}`, 'HEAD https://data.test/b', 'GET https://data.test/b']);
    srv.files[URL_A] = { body: 'x2', lastModified: 'Thu, 02 Jan 2025 00:00:00 GMT' };
    expect(await io().fetchText(URL_A)).toBe('x2');
  });

  it('drops the cached copy when the file is gone and keeps it when offline', async () => {
    const srv = server({ [URL_A]: { body: 'here', etag: '"1"' } });
    const caches = memoryCaches();
    await fetchIO({ fetch: srv.fetch, caches, cacheName: 'hoi' }).fetchText(URL_A);
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await fetchIO({ fetch: offline, caches, cacheName: 'hoi' }).fetchText(URL_A)).toBe('here');
    delete (srv.files as Record<string, unknown>)[URL_A];
    await expect(fetchIO({ fetch: srv.fetch, caches, cacheName: 'hoi' }).fetchText(URL_A)).rejects.toThrow('404');
    expect(caches.stores.get('hoi')!.has(URL_A)).toBe(false);
  });
});

describe('fetchIO progress on failure', () => {
  it('ends a failed download so it does not stay "in flight"', async () => {
    const srv = server({});
    const events: FetchProgress[] = [];
    await expect(fetchIO({ fetch: srv.fetch, onProgress: (p) => events.push(p) }).fetchBytes(URL_A)).rejects.toThrow('404');
    expect(events.map((e) => e.done)).toEqual([false, true]);
  });
});
