import { describe, expect, it } from 'vitest';
import { sniffImportKind } from '../importers/detectImportKind';
import { filesFromFileList, findManifest, folderIO, localPath, localUrl, topFolder } from './folderIO';
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

describe('findManifest', () => {
  it('picks the shallowest manifest.json and lists the others', () => {
    const choice = findManifest(['top/b/manifest.json', 'top/manifest.json', 'top/a/Manifest.json', 'top/x.obj']);
    expect(choice).toEqual({ kind: 'manifest', path: 'top/manifest.json', url: 'local:///top/manifest.json', others: ['top/a/Manifest.json', 'top/b/manifest.json'] });
  });

  it('without a manifest, names the importer that applies', () => {
    expect(findManifest(['res/s1/hand.obj', 'res/s1/object.obj', 'res/s1/robot.json'])).toMatchObject({ kind: 'import', importer: 'hoi-folder', root: 'res/' });
    expect(findManifest(['dgn/a.npy'])).toMatchObject({ kind: 'import', importer: 'dexgraspnet' });
    expect(findManifest(['q/a.json', 'q/m/x.stl'])).toMatchObject({ kind: 'records', files: ['q/a.json'], root: 'q/' });
    expect(findManifest(['x/readme.txt'])).toMatchObject({ kind: 'none' });
    expect(topFolder(['a/b/c.obj', 'a/b/d/e.obj', 'a/bb.json'])).toBe('a/');
    expect(topFolder(['a/b.obj', 'c/d.obj'])).toBe('');
    expect(topFolder(['a.obj'])).toBe('');
  });

  it('tells DexGraspNet from DRO records by content', () => {
    expect(sniffImportKind('[{"qpos": {"WRJTx": 0}, "scale": 1}]', 'a.json')?.kind).toBe('dexgraspnet');
    expect(sniffImportKind('{"object": "x", "grasps": [{"qpos": {}}]}', 'a.json')?.kind).toBe('dexgraspnet');
    expect(sniffImportKind('{"robot": "leaphand", "object": "o", "q": [[0]]}', 'a.json')?.kind).toBe('dro');
    expect(sniffImportKind('leaphand,o,0,0', 'a.csv')?.kind).toBe('dro');
    expect(sniffImportKind('{"format": "x"}', 'a.json')).toBeUndefined();
  });
});
