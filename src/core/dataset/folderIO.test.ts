import { describe, expect, it } from 'vitest';
import { filesFromFileList, folderIO, localPath, localUrl } from './folderIO';
import { loadDataset } from './loadDataset';
import { memoryIO } from './memoryIO';
import { resolveUrl } from './resolveUrl';

const blob = (text: string) => ({ text: async () => text, arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer });

describe('local:// URLs', () => {
  it('round-trip paths with spaces, # and ? and resolve relative paths like http URLs', () => {
    for (const p of ['set/manifest.json', 'my set/a#1/b?.obj', 'ünï/cödé.ply']) expect(localPath(localUrl(p))).toBe(p);
    const m = localUrl('my set/sub/manifest.json');
    expect(resolveUrl(m, 'meshes/a b.obj')).toBe('local:///my%20set/sub/meshes/a%20b.obj');
    expect(localPath(resolveUrl(m, '../shared/x.obj'))).toBe('my set/shared/x.obj');
    expect(localPath(resolveUrl(m, 'q%231.obj'))).toBe('my set/sub/q#1.obj');
    expect(resolveUrl(m, 'https://cdn.example/x.obj')).toBe('https://cdn.example/x.obj');
    expect(localPath('https://cdn.example/x.obj')).toBeUndefined();
  });
});

describe('folderIO', () => {
  const files = {
    'ds/manifest.json': blob(
      JSON.stringify({
        format: 'hoi-studio/dataset@1',
        name: 'local',
        hands: { s: { builtin: 'shadowhand' } },
        objects: { mug: { mesh: 'objects/mug 1.obj', category: 'mug' }, far: { mesh: 'https://cdn.example/far.obj', category: 'x' } },
        shards: ['grasps/part 0.jsonl'],
      }),
    ),
    'ds/grasps/part 0.jsonl': blob(
      JSON.stringify({ id: 'g1', object: 'mug', hand: 's', root: { position: [0, 0, 0], quaternion: [0, 0, 0, 1] }, joints: {}, mano: { mesh: '../recon/g1 hand.obj' } }) + '\n',
    ),
    'ds/objects/mug 1.obj': blob('v 0 0 0'),
    'ds/recon/g1 hand.obj': blob('v 1 1 1'),
  };

  it('loads a dropped folder through loadDataset, shards and relative paths included', async () => {
    const io = folderIO(files, memoryIO({ 'https://cdn.example/far.obj': 'remote' }));
    const ds = await loadDataset(localUrl('ds/manifest.json'), io);
    // Only the mesh on another host is worth a word (a warning; it still loads).
    expect(ds.issues.map((i) => `${i.severity} ${i.message}`)).toEqual([
      'warning objects.far: mesh "https://cdn.example/far.obj" is fetched from another host (cdn.example): https://cdn.example/far.obj',
    ]);
    // Labels are URL-relative, so still percent-encoded (fileLabel is the loader's business).
    expect(ds.grasps.map((g) => decodeURIComponent(g.source))).toEqual(['grasps/part 0.jsonl']);
    expect(await io.fetchText(ds.objects.mug.meshUrl)).toBe('v 0 0 0');
    expect(await io.fetchText(ds.grasps[0].manoMeshUrl!)).toBe('v 1 1 1');
    expect(await io.fetchText(ds.objects.far.meshUrl)).toBe('remote');
    expect(new TextDecoder().decode(await io.fetchBytes(ds.objects.mug.meshUrl))).toBe('v 0 0 0');
  });

  it('names the missing file, and refuses other schemes without a fallback', async () => {
    const io = folderIO(files);
    await expect(io.fetchText(localUrl('ds/nope.obj'))).rejects.toThrow('not found in the opened folder: ds/nope.obj');
    await expect(io.fetchText('https://cdn.example/far.obj')).rejects.toThrow('not a local file URL: https://cdn.example/far.obj');
    await expect(loadDataset(localUrl('other/manifest.json'), io)).rejects.toThrow(/cannot read the manifest \(not found in the opened folder: other\/manifest\.json\)/);
  });

  it('keys picked files by webkitRelativePath', () => {
    const f = (name: string, rel: string) => ({ name, webkitRelativePath: rel, ...blob(name) });
    expect(Object.keys(filesFromFileList([f('a.obj', 'top/a.obj'), f('b.obj', ''), f('c.obj', 'top\\sub\\c.obj')]))).toEqual(['top/a.obj', 'b.obj', 'top/sub/c.obj']);
  });
});
