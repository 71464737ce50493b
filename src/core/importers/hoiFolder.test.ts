import { describe, expect, it } from 'vitest';
import { folderIO, localUrl } from '../dataset/folderIO';
import { loadDataset } from '../dataset/loadDataset';
import { groupHoiMeshes, hoiCategory, meshRole } from './hoiFolderLayout';
import { importHoiFolder } from './hoiFolder';
import { importFilesFromMap } from './importFiles';

const blob = (text: string) => ({ text: async () => text, arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer });
const sidecar = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ hand: 'leaphand', root: { position: [0, 0.1, 0], quaternion: [0, 0, 0, 1] }, joints: { '0': 0.2, '12': 0.4 }, ...extra });

type OutGrasp = { id: string; object: string; hand: string; root?: unknown; joints: Record<string, number>; mano?: { mesh: string }; meta?: Record<string, unknown> };

describe('HOI folder layout', () => {
  it('tells hand from object by name words and pairs them by the rest of the name', () => {
    expect(meshRole('a/hand.obj')).toEqual({ role: 'hand', key: 'a' });
    expect(meshRole('a/object.ply')).toEqual({ role: 'object', key: 'a' });
    expect(meshRole('mug_01_right_hand.ply')).toEqual({ role: 'hand', key: 'mug_01' });
    expect(meshRole('mug_01-obj.stl')).toEqual({ role: 'object', key: 'mug_01' });
    expect(meshRole('x/scene 3.mano.obj')).toEqual({ role: 'hand', key: 'x/scene_3' });
    expect(meshRole('hand_object.obj')).toBeUndefined();
    expect(meshRole('scan.obj')).toBeUndefined();
    const { groups, unclassified } = groupHoiMeshes(['a/hand.ply', 'a/hand.obj', 'a/object.obj', 'b_hand.obj', 'b_object.glb', 'c.obj', 'a/robot.json']);
    expect(groups).toEqual([
      { key: 'a', hand: 'a/hand.obj', object: 'a/object.obj', duplicates: ['a/hand.ply'] },
      { key: 'b', hand: 'b_hand.obj', object: 'b_object.glb', duplicates: [] },
    ]);
    expect(unclassified).toEqual(['c.obj']);
  });

  it('takes the category from the folder above the grasp, else the name without its number', () => {
    expect(hoiCategory('mug/scene1')).toBe('mug');
    expect(hoiCategory('mug_01')).toBe('mug');
    expect(hoiCategory('banana')).toBe('banana');
  });
});

describe('importHoiFolder', () => {
  const folder = {
    'mug/s1/hand.obj': 'h',
    'mug/s1/object.obj': 'o',
    'mug/s1/robot.json': sidecar({ category: 'cup', score: 0.9 }),
    'bowl_02_hand.ply': 'h',
    'bowl_02_object.ply': 'o',
    'pan_hand.obj': 'h',
    'pan_object.obj': 'o',
    'pan.json': sidecar({ joints: { '0': 'nan?', nope: 1 } }),
    'lonely_hand.obj': 'h',
    'box_object.obj': 'o',
    'notes.obj': 'x',
  };

  it('imports every usable grasp, reports the rest by file, and loads through a local folder', async () => {
    const res = await importHoiFolder(importFilesFromMap(folder));
    const grasps = res.manifest.grasps as OutGrasp[];
    expect(grasps.map((g) => g.id)).toEqual(['bowl_02', 'mug/s1', 'pan']);
    const [bowl, mug, pan] = grasps;
    expect(mug).toMatchObject({ hand: 'leaphand', joints: { '0': 0.2, '12': 0.4 }, mano: { mesh: 'mug/s1/hand.obj' }, meta: { score: 0.9, sidecar: 'mug/s1/robot.json' } });
    expect(res.manifest.objects['mug/s1']).toEqual({ mesh: 'mug/s1/object.obj', category: 'cup' });
    // No sidecar: still a grasp, robot hand flagged as not posed; the placeholder is the hand sidecars use.
    expect(bowl).toMatchObject({ hand: 'leaphand', joints: {}, mano: { mesh: 'bowl_02_hand.ply' } });
    expect(bowl.root).toBeUndefined();
    expect(res.manifest.objects.bowl_02).toEqual({ mesh: 'bowl_02_object.ply', category: 'bowl' });
    expect(pan.root).toBeUndefined();

    const msgs = res.issues.map((i) => `${i.severity} ${i.file}: ${i.message}`);
    expect(msgs.some((m) => m.startsWith('error pan.json: unknown joint name "nope"; non-finite joint value 0="nan?"'))).toBe(true);
    expect(msgs).toContain('error lonely_hand.obj: grasp "lonely" has no object mesh (expected e.g. lonely/object.obj or lonely_object.ply); skipped');
    expect(msgs).toContain('error box_object.obj: grasp "box" has neither a hand mesh nor a robot sidecar; skipped');
    expect(msgs).toContain('info notes.obj: ignored: the file name says neither hand nor object');
    expect(msgs.some((m) => m.startsWith('warning bowl_02_hand.ply: grasp "bowl_02" has no robot sidecar'))).toBe(true);

    // The studio's path: manifest written at the folder root, loaded through folderIO.
    const local: Record<string, ReturnType<typeof blob>> = { 'drop/manifest.json': blob(JSON.stringify(res.manifest)) };
    for (const [k, v] of Object.entries(folder)) local[`drop/${k}`] = blob(v);
    const ds = await loadDataset(localUrl('drop/manifest.json'), folderIO(local));
    expect(ds.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(ds.grasps.find((g) => g.id === 'mug/s1')?.manoMeshUrl).toBe('local:///drop/mug/s1/hand.obj');
    expect(await folderIO(local).fetchText(ds.objects['mug/s1'].meshUrl)).toBe('o');
  });

  it('rejects bad sidecars with the reason', async () => {
    const cases: [unknown, RegExp][] = [
      [{ hand: 'allegro' }, /"hand" must be "shadowhand" or "leaphand" \(found "allegro"\)/],
      [{ hand: 'shadow', root: { position: [0, 0], quaternion: [0, 0, 0, 1] } }, /root\.position must be \[x, y, z\]/],
      [{ hand: 'shadow', root: { position: [0, 0, 0], quaternion: [0, 0, 0, 2] } }, /unit length \(\|q\| = 2\.000\)/],
      [
        { hand: 'shadow', root: { position: { x: 0, y: 0, z: 0 }, quaternion: { x: 0, y: 0, z: 0, w: 1 } }, joints: { WRJ9: 0 } },
        /unknown joint name "WRJ9" \(shadowhand joints: WRJ2, WRJ1,/,
      ],
    ];
    for (const [data, re] of cases) {
      const res = await importHoiFolder(importFilesFromMap({ 'g/hand.obj': 'h', 'g/object.obj': 'o', 'g/robot.json': JSON.stringify(data) }));
      expect((res.manifest.grasps as OutGrasp[])[0].root).toBeUndefined();
      const err = res.issues.find((i) => i.severity === 'error');
      expect(err?.file).toBe('g/robot.json');
      expect(err?.message).toMatch(re);
    }
  });
});
