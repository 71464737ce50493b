import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadDataset, MAX_ISSUES_PER_FILE } from './loadDataset';
import { memoryIO } from './memoryIO';
import { datasetAssembler, loadDatasetUpdates, type DatasetUpdate } from './datasetUpdates';
import { fetchIO } from './fetchIO';
import { FileTooLargeError, limitsFromSearch } from './readLimits';
import { pathScope } from './pathScope';
import { ownEntry } from './ownEntry';

const BASE = 'https://data.test/set/';
const grasp = (id: string, extra: object = {}) => ({ id, object: 'ball', hand: 'shadow', root: { position: [0, 0, 0], quaternion: [0, 0, 0, 1] }, joints: {}, ...extra });
const manifest = (extra: object) =>
  JSON.stringify({ format: 'hoi-studio/dataset@1', name: 'm', hands: { shadow: { builtin: 'shadowhand' } }, objects: { ball: { mesh: 'ball.obj', category: 'ball' } }, ...extra });

describe('datasets with hostile keys', () => {
  it('prototype names are unknown ids unless defined, and ordinary ids when they are', async () => {
    const ds = await loadDataset(
      `${BASE}manifest.json`,
      memoryIO({
        [`${BASE}manifest.json`]: JSON.stringify({
          format: 'hoi-studio/dataset@1',
          name: 'm',
          hands: JSON.parse('{"shadow": {"builtin": "shadowhand"}, "__proto__": {"builtin": "leaphand"}}'),
          objects: JSON.parse('{"ball": {"mesh": "ball.obj", "category": "ball"}, "constructor": {"mesh": "c.obj", "category": "__proto__"}}'),
          grasps: [grasp('a', { object: 'toString' }), grasp('b', { hand: 'hasOwnProperty' }), grasp('c', { object: 'constructor', hand: '__proto__' })],
        }),
      }),
    );
    expect(ds.grasps.map((g) => g.id)).toEqual(['c']);
    expect(ds.issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([
      'grasps[0]: grasp "a" refers to unknown object "toString"',
      'grasps[1]: grasp "b" refers to unknown hand "hasOwnProperty"',
    ]);
    expect(ownEntry(ds.hands, '__proto__')?.spec).toEqual({ builtin: 'leaphand' });
    expect(ownEntry(ds.objects, 'constructor')?.spec.category).toBe('__proto__');
    // Still so after a structured clone (what a worker hands the page).
    const copy = structuredClone(ds);
    expect(ownEntry(copy.hands, '__proto__')?.spec).toEqual({ builtin: 'leaphand' });
    expect(ownEntry(copy.objects, 'toString')).toBeUndefined();
  });
});

describe('duplicates and floods of problems', () => {
  it('counts 20,000 duplicate ids in one message and keeps the first', async () => {
    const shard = [grasp('ok'), ...Array.from({ length: 20_000 }, () => grasp('twin'))].map((g) => JSON.stringify(g)).join('\n');
    const ds = await loadDataset(`${BASE}manifest.json`, memoryIO({ [`${BASE}manifest.json`]: manifest({ shards: ['s.jsonl'] }), [`${BASE}s.jsonl`]: shard }));
    expect(ds.grasps.map((g) => g.id)).toEqual(['ok', 'twin']);
    expect(ds.issues.filter((i) => i.file === 's.jsonl').map((i) => i.message)).toEqual([
      '19,999 duplicate grasp ids skipped, keeping the first of each (first at line 3: duplicate grasp id "twin")',
    ]);
  });

  it('lists at most MAX_ISSUES_PER_FILE problems of one file, then how many more', async () => {
    const shard = Array.from({ length: 500 }, (_, i) => `{"id": "g${i}", broken`).join('\n');
    const ds = await loadDataset(
      `${BASE}manifest.json`,
      memoryIO({ [`${BASE}manifest.json`]: manifest({ grasps: [grasp('ok')], shards: ['s.jsonl'] }), [`${BASE}s.jsonl`]: shard }),
    );
    const mine = ds.issues.filter((i) => i.file === 's.jsonl');
    expect(mine).toHaveLength(MAX_ISSUES_PER_FILE + 1);
    expect(mine.at(-1)!.message).toBe(`${500 - MAX_ISSUES_PER_FILE} more problems in this file not listed`);
  });

  it('skips a grasp whose meta is nested past the limit, naming the file', async () => {
    let deep: unknown = 0;
    for (let d = 0; d < 1500; d++) deep = [deep];
    const ds = await loadDataset(`${BASE}manifest.json`, memoryIO({ [`${BASE}manifest.json`]: manifest({ grasps: [grasp('ok'), grasp('deep', { meta: { deep } })] }) }));
    expect(ds.grasps.map((g) => g.id)).toEqual(['ok']);
    expect(ds.issues.map((i) => `${i.file}: ${i.message}`)).toEqual(['manifest.json: grasps[1]: grasp "deep": meta is nested more than 100 levels deep (limit)']);
  });
});

describe('paths outside the dataset', () => {
  it('classifies files inside the folder, elsewhere on the host and on other hosts', () => {
    expect(pathScope(`${BASE}meshes/a.obj`, `${BASE}manifest.json`)).toBe('inside');
    expect(pathScope('https://data.test/etc/passwd', `${BASE}manifest.json`)).toBe('outside-folder');
    expect(pathScope('https://cdn.test/set/a.obj', `${BASE}manifest.json`)).toBe('other-origin');
    expect(pathScope('local:///1/etc/passwd', 'local:///1/set/manifest.json')).toBe('outside-folder');
    expect(pathScope('https://data.test/set/a.obj', 'local:///1/set/manifest.json')).toBe('other-origin');
  });

  it('warns once per kind and file, with a count', async () => {
    const ds = await loadDataset(
      `${BASE}manifest.json`,
      memoryIO({
        [`${BASE}manifest.json`]: manifest({
          grasps: [grasp('a', { reconstruction: { mesh: '../../etc/passwd' } }), grasp('b', { reconstruction: { mesh: '../x.obj' } })],
        }),
      }),
    );
    expect(ds.issues.map((i) => `${i.severity} ${i.message}`)).toEqual([
      'warning grasps[0]: reconstruction mesh "../../etc/passwd" lies outside the dataset\'s folder (https://data.test/etc/passwd); loading it anyway (and 1 more like it)',
    ]);
  });
});

describe('decoded-size limits', () => {
  it('stops a gzip-encoded stream at the cap and says which limit to raise', async () => {
    const bomb = gzipSync(Buffer.alloc(64 << 20, 0x20));
    // A server with Content-Encoding: the body stream is already inflated, as in a browser.
    const fakeFetch = (async () => new Response(new Blob([bomb]).stream().pipeThrough(new DecompressionStream('gzip')))) as unknown as typeof fetch;
    const io = fetchIO({ fetch: fakeFetch });
    const err = await io.fetchText(`${BASE}manifest.json`, { kind: 'manifest', maxBytes: 1 << 20 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileTooLargeError);
    expect((err as Error).message).toMatch(/^decodes to more than 1 MiB \(the limit for a manifest; stopped after [\d.]+ MiB; raise it with \?maxManifestMB=…\)$/);
  });

  it('reads limits from page parameters, ignoring nonsense', () => {
    expect(limitsFromSearch('?maxMeshMB=2&maxShardMB=-1&maxUrdfMB=x')).toEqual({ mesh: 2 << 20 });
  });

  it('reports a capped manifest and a capped shard naming the file', async () => {
    const io = memoryIO({ [`${BASE}manifest.json`]: manifest({ grasps: [grasp('ok')], shards: ['s.jsonl'] }), [`${BASE}s.jsonl`]: JSON.stringify(grasp('x')).repeat(100) });
    const ds = await loadDataset(`${BASE}manifest.json`, io, { limits: { shard: 1000 } });
    expect(ds.grasps.map((g) => g.id)).toEqual(['ok']);
    expect(ds.issues.find((i) => i.file === 's.jsonl')?.message).toMatch(/^cannot read shard \(decodes to more than 1000 bytes \(the limit for a shard/);
    await expect(loadDataset(`${BASE}manifest.json`, io, { limits: { manifest: 10 } })).rejects.toThrow(/^manifest.json: cannot read the manifest \(decodes to more than 10 bytes/);
  });
});

describe('dataset pieces from a worker', () => {
  it('reassemble in order whatever order they arrive in', async () => {
    const files: Record<string, string> = { [`${BASE}manifest.json`]: manifest({ grasps: [grasp('a')], shards: ['1.jsonl', '2.jsonl'] }) };
    files[`${BASE}1.jsonl`] = JSON.stringify(grasp('b'));
    files[`${BASE}2.jsonl`] = JSON.stringify(grasp('c')) + '\n' + JSON.stringify(grasp('a'));
    const pieces: DatasetUpdate[] = [];
    pieces.push(await loadDatasetUpdates(`${BASE}manifest.json`, memoryIO(files), {}, (u) => pieces.push(u)));
    expect(pieces.map((p) => p.final)).toEqual([false, false, true]);
    const assembler = datasetAssembler();
    const seen = [...pieces].reverse().flatMap((p) => assembler.push(p));
    expect(seen.map((s) => [s.dataset.grasps.map((g) => g.id).join(''), s.final])).toEqual([
      ['a', false],
      ['ab', false],
      ['abc', true],
    ]);
    expect(seen[2].dataset.issues.map((i) => i.message)).toEqual(['line 2: duplicate grasp id "a"; keeping the first']);
  });
});
