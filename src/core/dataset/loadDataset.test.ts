import { describe, expect, it } from 'vitest';
import { loadDataset, DatasetLoadError } from './loadDataset';
import { memoryIO } from './memoryIO';
import { manifestJsonSchema } from './schema';

const BASE = 'https://data.example/set/';
const grasp = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  object: 'mug',
  hand: 'shadow',
  root: { position: [0, 0, 0.1], quaternion: [0, 0, 0, 1] },
  joints: { FFJ1: 0.2 },
  ...extra,
});
const manifest = (extra: Record<string, unknown> = {}) => ({
  format: 'hoi-studio/dataset@1',
  name: 'test',
  hands: { shadow: { builtin: 'shadowhand' } },
  objects: { mug: { mesh: 'meshes/mug.obj', category: 'mug' } },
  grasps: [grasp('g1', { reconstruction: { mesh: 'recon/g1.ply' } })],
  ...extra,
});
const load = (files: Record<string, unknown>) =>
  loadDataset(BASE + 'manifest.json', memoryIO(Object.fromEntries(Object.entries(files).map(([k, v]) => [BASE + k, typeof v === 'string' ? v : JSON.stringify(v)]))));

describe('loadDataset', () => {
  it('resolves paths relative to the manifest and keeps valid grasps', async () => {
    const ds = await load({ 'manifest.json': manifest() });
    expect(ds.name).toBe('test');
    expect(ds.objects.mug.meshUrl).toBe(BASE + 'meshes/mug.obj');
    expect(ds.grasps.map((g) => g.id)).toEqual(['g1']);
    expect(ds.grasps[0].reconstructionUrl).toBe(BASE + 'recon/g1.ply');
    expect(ds.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('accepts a grasp without a robot pose (human hand only)', async () => {
    const { root: _root, ...noRoot } = grasp('human-only', { mano: { mesh: 'hands/h.obj' } });
    const ds = await load({ 'manifest.json': manifest({ grasps: [noRoot] }) });
    expect(ds.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(ds.grasps[0].root).toBeUndefined();
    expect(ds.grasps[0].manoMeshUrl).toBe(BASE + 'hands/h.obj');
  });

  it('rejects a manifest that is not JSON, naming the file', async () => {
    await expect(load({ 'manifest.json': '{ "format": ' })).rejects.toThrow(/manifest\.json: not valid JSON/);
    await expect(load({})).rejects.toBeInstanceOf(DatasetLoadError);
  });

  it('rejects a wrong format tag with the value it found', async () => {
    await expect(load({ 'manifest.json': { ...manifest(), format: 'other@2' } })).rejects.toThrow(/"format" must be .*other@2/);
  });

  it('reports bad entries but loads the rest', async () => {
    const ds = await load({
      'manifest.json': manifest({
        objects: { mug: { mesh: 'meshes/mug.obj', category: 'mug' }, bad: { category: 'x' } },
        grasps: [
          grasp('ok1'),
          grasp('dup'),
          grasp('dup'),
          grasp('nohand', { hand: 'leap' }),
          grasp('noobj', { object: 'bad' }),
          grasp('badquat', { root: { position: [0, 0, 0], quaternion: [0, 0, 0, 2] } }),
          { id: 'nojoints', object: 'mug', hand: 'shadow' },
        ],
      }),
    });
    expect(ds.grasps.map((g) => g.id)).toEqual(['ok1', 'dup']);
    const text = ds.issues.map((i) => `${i.file}|${i.message}`).join('\n');
    expect(text).toMatch(/manifest\.json\|objects\.bad: mesh/);
    expect(text).toMatch(/duplicate grasp id "dup"/);
    expect(text).toMatch(/unknown hand "leap"/);
    expect(text).toMatch(/unknown object "bad"/);
    expect(text).toMatch(/badquat.*unit length/);
    expect(text).toMatch(/nojoints.*joints/);
  });

  it('loads JSON Lines and JSON array shards and reports broken lines and missing shards', async () => {
    const lines = [JSON.stringify(grasp('s1')), '{broken', '', JSON.stringify(grasp('s2'))].join('\n');
    const ds = await load({
      'manifest.json': manifest({ grasps: undefined, shards: ['shards/a.jsonl', { path: 'shards/b.json' }, 'shards/missing.jsonl'] }),
      'shards/a.jsonl': lines,
      'shards/b.json': [grasp('s3', { reconstruction: { mesh: 'r.ply' } })],
    });
    expect(ds.grasps.map((g) => g.id)).toEqual(['s1', 's2', 's3']);
    // Paths inside a shard resolve relative to the shard.
    expect(ds.grasps[2].reconstructionUrl).toBe(BASE + 'shards/r.ply');
    expect(ds.grasps[0].source).toBe('shards/a.jsonl');
    const byFile = ds.issues.map((i) => `${i.file}: ${i.message}`);
    expect(byFile.some((m) => m.startsWith('shards/a.jsonl: line 2: not valid JSON'))).toBe(true);
    expect(byFile.some((m) => m.startsWith('shards/missing.jsonl: cannot read shard'))).toBe(true);
  });

  it('publishes a JSON Schema that describes grasps', () => {
    const schema = manifestJsonSchema() as { properties: Record<string, { items?: { required?: string[] } }> };
    expect(schema.properties.format).toBeDefined();
    const grasp = schema.properties.grasps.items as { required?: string[]; properties?: Record<string, unknown> };
    expect(grasp.required).toEqual(expect.arrayContaining(['id', 'object', 'hand', 'joints']));
    // A grasp may lack a robot pose (only a human hand was reconstructed).
    expect(grasp.required).not.toContain('root');
    expect(grasp.properties?.root).toBeDefined();
  });
});
