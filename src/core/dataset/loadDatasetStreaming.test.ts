import { describe, expect, it } from 'vitest';
import { loadDataset, type DatasetIO, type LoadedDataset } from './loadDataset';

const BASE = 'https://data.test/big/';
const line = (id: string) => JSON.stringify({ id, object: 'mug', hand: 'shadow', root: { position: [0, 0, 0.1], quaternion: [0, 0, 0, 1] }, joints: {} });

/** Shard i answers after a delay that makes later shards arrive first. */
function slowIO(shards: number, perShard: number): DatasetIO & { started: string[] } {
  const started: string[] = [];
  const files: Record<string, string> = {
    [BASE + 'manifest.json']: JSON.stringify({
      format: 'hoi-studio/dataset@1',
      name: 'big',
      hands: { shadow: { builtin: 'shadowhand' } },
      objects: { mug: { mesh: 'mug.obj', category: 'mug' } },
      shards: Array.from({ length: shards }, (_, i) => `part-${i}.jsonl`),
    }),
  };
  for (let i = 0; i < shards; i++) {
    files[BASE + `part-${i}.jsonl`] = Array.from({ length: perShard }, (_, k) => line(`g${i}-${k}`)).join('\n');
  }
  return {
    started,
    fetchText: async (url) => {
      started.push(url.slice(BASE.length));
      const i = Number(/part-(\d+)/.exec(url)?.[1] ?? -1);
      await new Promise((r) => setTimeout(r, i >= 0 ? (shards - i) * 5 : 0));
      if (!(url in files)) throw new Error('HTTP 404 not found');
      return files[url];
    },
    fetchBytes: async () => new ArrayBuffer(0),
  };
}

describe('loadDataset streaming', () => {
  it('hands out the grasps shard by shard, in manifest order, fetching ahead', async () => {
    const io = slowIO(4, 2500);
    const partials: LoadedDataset[] = [];
    const ds = await loadDataset(BASE + 'manifest.json', io, { onPartial: (p) => partials.push(p), prefetch: 2 });
    expect(ds.grasps).toHaveLength(10_000);
    expect(partials.map((p) => p.grasps.length)).toEqual([0, 2500, 5000, 7500]);
    // Each partial is its own snapshot: later shards do not change what a store already holds.
    expect(partials[1].grasps).not.toBe(partials[2].grasps);
    expect(partials[1].grasps.at(-1)!.id).toBe('g0-2499');
    expect(ds.grasps[2500].id).toBe('g1-0');
    // Shard 1 was requested before shard 0 finished (prefetch), not after.
    expect(io.started.slice(0, 3)).toEqual(['manifest.json', 'part-0.jsonl', 'part-1.jsonl']);
  });

  it('stops when aborted between shards', async () => {
    const io = slowIO(6, 10);
    const ctrl = new AbortController();
    const load = loadDataset(BASE + 'manifest.json', io, {
      signal: ctrl.signal,
      onPartial: (p) => p.grasps.length >= 20 && ctrl.abort(),
    });
    await expect(load).rejects.toThrow('Loading cancelled');
  });

  it('reports an unreadable shard by name and keeps the others', async () => {
    const io = slowIO(3, 5);
    const fetchText = io.fetchText;
    io.fetchText = (url) => (url.endsWith('part-1.jsonl') ? Promise.reject(new Error('HTTP 404 not found')) : fetchText(url));
    const ds = await loadDataset(BASE + 'manifest.json', io);
    expect(ds.grasps).toHaveLength(10);
    expect(ds.issues).toContainEqual(expect.objectContaining({ file: 'part-1.jsonl', message: 'cannot read shard (HTTP 404 not found)' }));
  });
});

describe('loadDataset hand entries', () => {
  it('says what a bad hand entry needs instead of the schema union\'s "Invalid input"', async () => {
    const files: Record<string, string> = {
      [BASE + 'manifest.json']: JSON.stringify({
        format: 'hoi-studio/dataset@1',
        name: 'hands',
        hands: { a: { builtin: 'robotiq' }, b: {}, c: { builtin: 'leaphand', urdf: 'x.urdf' }, ok: { builtin: 'shadowhand' } },
        objects: {},
        grasps: [],
      }),
    };
    const ds = await loadDataset(BASE + 'manifest.json', { fetchText: async (u) => files[u], fetchBytes: async () => new ArrayBuffer(0) });
    const messages = ds.issues.map((i) => i.message);
    expect(messages).toContain('hands.a: unknown built-in hand "robotiq" (built in: shadowhand, leaphand; other hands need "urdf")');
    expect(messages).toContain('hands.b: needs "builtin" (shadowhand, leaphand) or "urdf" (path of a URDF file)');
    expect(messages).toContain('hands.c: give either "builtin" or "urdf", not both');
    expect(Object.keys(ds.hands)).toEqual(['ok']);
  });
});
