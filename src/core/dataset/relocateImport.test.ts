import { describe, expect, it } from 'vitest';
import { loadDataset } from './loadDataset';
import { memoryIO } from './memoryIO';
import { relocateImport } from './relocateImport';
import type { Grasp, Manifest } from './schema';

const g = (id: string): Grasp => ({
  id,
  object: 'o',
  hand: 'h',
  root: { position: [0, 0, 0], quaternion: [0, 0, 0, 1] },
  joints: {},
  mano: { mesh: `scenes/${id}/hand.obj` },
  reconstruction: { mesh: 'https://x.test/recon.ply' },
});
const manifest: Manifest = {
  format: 'hoi-studio/dataset@1',
  name: 'm',
  hands: { h: { urdf: 'robots/r.urdf' }, b: { builtin: 'shadowhand' } },
  objects: { o: { mesh: 'scenes/a/object.obj', category: 'c' } },
  shards: [{ path: 'grasps/part-000.jsonl', count: 1 }],
};
const files = { 'grasps/part-000.jsonl': JSON.stringify(g('a')) + '\n' };

describe('relocateImport', () => {
  it('keeps root-relative paths for a manifest in the root, and fixes shard paths for the shard folder', () => {
    const r = relocateImport({ manifest, files }, '/data/in', '/data/in');
    expect(r.manifest.objects.o.mesh).toBe('scenes/a/object.obj');
    expect(r.manifest.hands.h).toEqual({ urdf: 'robots/r.urdf' });
    expect(r.manifest.hands.b).toEqual({ builtin: 'shadowhand' });
    const shard = JSON.parse(r.files['grasps/part-000.jsonl'].split('\n')[0]);
    expect(shard.mano.mesh).toBe('../scenes/a/hand.obj');
    expect(shard.reconstruction.mesh).toBe('https://x.test/recon.ply');
  });

  it('re-anchors everything at a manifest written elsewhere, and the result loads from there', async () => {
    const r = relocateImport({ manifest: { ...manifest, grasps: [g('b')] }, files }, '/data/in', '/data/out/set');
    expect(r.manifest.objects.o.mesh).toBe('../../in/scenes/a/object.obj');
    const out = 'https://h.test/data/out/set/';
    const ds = await loadDataset(
      out + 'manifest.json',
      memoryIO({ [out + 'manifest.json']: JSON.stringify(r.manifest), [out + 'grasps/part-000.jsonl']: r.files['grasps/part-000.jsonl'] }),
    );
    expect(ds.objects.o.meshUrl).toBe('https://h.test/data/in/scenes/a/object.obj');
    expect(ds.hands.h.urdfUrl).toBe('https://h.test/data/in/robots/r.urdf');
    expect(ds.grasps.find((x) => x.id === 'b')!.manoMeshUrl).toBe('https://h.test/data/in/scenes/b/hand.obj');
    expect(ds.grasps.find((x) => x.id === 'a')!.manoMeshUrl).toBe('https://h.test/data/in/scenes/a/hand.obj');
  });
});
