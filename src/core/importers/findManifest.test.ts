import { describe, expect, it } from 'vitest';
import { sniffImportKind } from './detectImportKind';
import { findManifest, topFolder } from './findManifest';

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
