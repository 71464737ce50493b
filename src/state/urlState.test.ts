import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadedDataset } from '../core/dataset/loadDataset';

/*
 * The URL sync against a stand-in for window.location / history (no DOM in these tests). Each test
 * loads the modules afresh, so every store and every piece of the sync's state starts empty.
 */

type Listener = () => void;
function fakeWindow(start: string) {
  const entries = [{ url: start, state: null as unknown }];
  let at = 0;
  const popstate = new Set<Listener>();
  const here = () => new URL(entries[at].url);
  return {
    entries: () => entries.slice(0, entries.length).map((e) => e.url),
    get location() {
      const u = here();
      return { href: u.href, search: u.search, pathname: u.pathname, hash: u.hash };
    },
    history: {
      get length() {
        return entries.length;
      },
      get state() {
        return entries[at].state;
      },
      pushState(state: unknown, _title: string, url: string) {
        entries.splice(at + 1);
        entries.push({ url: new URL(url, here()).href, state });
        at++;
      },
      replaceState(state: unknown, _title: string, url: string) {
        entries[at] = { url: new URL(url, here()).href, state };
      },
    },
    addEventListener(type: string, fn: Listener) {
      if (type === 'popstate') popstate.add(fn);
    },
    back() {
      at--;
      popstate.forEach((f) => f());
    },
  };
}

const dataset = (ids: string[]) => ({ manifestUrl: 'http://data.test/m.json', grasps: ids.map((id) => ({ id })) }) as unknown as LoadedDataset;

async function boot(url: string) {
  const win = fakeWindow(url);
  vi.stubGlobal('window', win);
  vi.resetModules();
  vi.doMock('./datasetWorkerClient', () => ({ loadDatasetInWorker: vi.fn() }));
  const url$ = await import('./urlState');
  const { useDatasetStore } = await import('./datasetStore');
  const opened: string[] = [];
  useDatasetStore.setState({
    open: async (u: string) => {
      opened.push(u);
      useDatasetStore.setState({ manifestUrl: u, status: 'loading', dataset: null, selected: 0 });
    },
  });
  url$.startUrlSync();
  const load = (ids: string[]) => useDatasetStore.setState({ dataset: dataset(ids), status: 'ready' });
  const param = (name: string) => new URL(win.location.href).searchParams.get(name);
  return { win, url$, useDatasetStore, opened, load, param };
}

describe('URL sync', () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it('opens the linked dataset and selects the linked grasp once it has arrived', async () => {
    const { opened, load, useDatasetStore, param, win } = await boot('http://studio.test/?dataset=http%3A%2F%2Fdata.test%2Fm.json&grasp=g3');
    expect(opened).toEqual(['http://data.test/m.json']);
    load(['g1', 'g2', 'g3']);
    expect(useDatasetStore.getState().selected).toBe(2);
    expect(param('grasp')).toBe('g3');
    // Arriving at the linked grasp is no visit of its own.
    expect(win.history.length).toBe(1);
  });

  it('reports a linked grasp the dataset does not have, and shows the first', async () => {
    const { load, url$, useDatasetStore } = await boot('http://studio.test/?grasp=nope');
    load(['g1', 'g2']);
    expect(useDatasetStore.getState().selected).toBe(0);
    expect(url$.useLinkStore.getState().problems.join(' ')).toContain('"nope" is not in this dataset');
  });

  it('pushes one history entry per visited grasp, replaces for a held key, and Back walks back', async () => {
    const { load, url$, useDatasetStore, param, win } = await boot('http://studio.test/');
    load(['g1', 'g2', 'g3', 'g4']);
    expect(param('grasp')).toBe('g1');
    useDatasetStore.getState().select(1);
    useDatasetStore.getState().select(2);
    expect(win.history.length).toBe(3);
    url$.asHeldKey(() => useDatasetStore.getState().select(3));
    expect(win.history.length).toBe(3);
    expect(param('grasp')).toBe('g4');
    win.back();
    expect(useDatasetStore.getState().selected).toBe(1);
    // Selecting because of Back does not push again.
    expect(win.history.length).toBe(3);
  });

  it('refuses a typed URL that is not http(s), and gives a typed dataset its own entry', async () => {
    const { url$, opened, win, param } = await boot('http://studio.test/');
    expect(url$.openDatasetParam('javascript:alert(1)')).toContain('only http(s) URLs are allowed');
    expect(opened).toEqual(['http://studio.test/sample/manifest.json']);
    expect(url$.openDatasetParam('http://other.test/d.json')).toBeNull();
    expect(opened.at(-1)).toBe('http://other.test/d.json');
    expect(win.history.length).toBe(2);
    expect(param('dataset')).toBe('http://other.test/d.json');
  });

  it('reports link filters that are not valid and keeps the rest of the link', async () => {
    const { url$, opened } = await boot('http://studio.test/?dataset=http%3A%2F%2Fdata.test%2Fm.json&filters=%7Bnot-json');
    expect(url$.useLinkStore.getState().problems.join(' ')).toContain('filters');
    expect(opened).toEqual(['http://data.test/m.json']);
  });
});
