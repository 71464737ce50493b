import { describe, expect, it } from 'vitest';
import { loadDataset } from '../dataset/loadDataset';
import { memoryIO } from '../dataset/memoryIO';
import { INLINE_GRASP_LIMIT, SHARD_SIZE } from './buildManifest';
import { importDataset } from './importDataset';
import { importFilesFromMap } from './importFiles';
import type { ImportKind } from './types';

describe('importDataset', () => {
  it('dispatches on the kind and accepts a plain file map', async () => {
    const hoi = await importDataset('hoi-folder', { 'a/hand.obj': 'h', 'a/object.obj': 'o' });
    expect(hoi.manifest.meta).toEqual({ importedFrom: 'hoi-folder' });
    const dro = await importDataset('dro', { 'q.json': JSON.stringify({ robot: 'leap', object: 'o', q: [new Array(22).fill(0)] }) }, { name: 'mine' });
    expect(dro.manifest.name).toBe('mine');
    expect(dro.manifest.grasps).toHaveLength(1);
    await expect(importDataset('mano' as ImportKind, {})).rejects.toThrow('unknown import kind "mano"');
  });

  it('reads a dropped folder below its top folder', async () => {
    const files = importFilesFromMap({ 'top/a/hand.obj': 'h', 'top/a/object.obj': new TextEncoder().encode('o'), 'other/x.obj': 'x' }, 'top');
    expect(files.paths).toEqual(['a/hand.obj', 'a/object.obj']);
    expect(await files.readText('a/object.obj')).toBe('o');
    await expect(files.readText('x.obj')).rejects.toThrow('file not found: x.obj');
    const res = await importDataset('hoi-folder', files);
    expect(res.manifest.objects.a.mesh).toBe('a/object.obj');
  });

  it('moves large grasp sets to JSON Lines shards that load like any dataset', async () => {
    const n = INLINE_GRASP_LIMIT + SHARD_SIZE + 7;
    const q = Array.from({ length: n }, (_, i) => [0, 0, 0.1, 0, 0, 0, ...new Array(16).fill(0.001 * (i % 100))]);
    const res = await importDataset('dro', { 'q.json': JSON.stringify({ robot: 'leaphand', object: 'ycb+mug', q }), 'ycb/mug/mug.stl': 's' });
    expect(res.manifest.grasps).toBeUndefined();
    expect(res.manifest.shards).toEqual([
      { path: 'grasps-000.jsonl', count: SHARD_SIZE },
      { path: 'grasps-001.jsonl', count: n - SHARD_SIZE },
    ]);
    const base = 'https://h/d/';
    const files: Record<string, string> = { [base + 'manifest.json']: JSON.stringify(res.manifest) };
    for (const [k, v] of Object.entries(res.files ?? {})) files[base + k] = v;
    const ds = await loadDataset(base + 'manifest.json', memoryIO(files));
    expect(ds.issues).toEqual([]);
    expect(ds.grasps).toHaveLength(n);
    expect(ds.objects['ycb+mug'].meshUrl).toBe(base + 'ycb/mug/mug.stl');
  });
});
