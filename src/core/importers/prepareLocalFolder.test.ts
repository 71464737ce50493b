import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { folderIO, localUrl, type BlobLike } from '../dataset/folderIO';
import { loadDataset } from '../dataset/loadDataset';
import { prepareLocalFolder } from './prepareLocalFolder';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../e2e/fixtures/open');

/** The files of a fixture folder as a browser gives them for a picked folder ('dro-set/grasps.json'). */
function folder(name: string): Record<string, BlobLike> {
  const out: Record<string, BlobLike> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out[path.relative(fixtures, full).split(path.sep).join('/')] = new Blob([readFileSync(full)]);
    }
  };
  walk(path.join(fixtures, name));
  return out;
}

async function open(name: string) {
  const prepared = await prepareLocalFolder(folder(name));
  if (!prepared.ok) throw new Error(prepared.error);
  const ds = await loadDataset(localUrl(prepared.report.manifestPath), folderIO(prepared.files));
  return { report: prepared.report, ds };
}

describe('prepareLocalFolder', () => {
  it('opens a folder with a manifest as it is', async () => {
    const { report, ds } = await open('tiny-set');
    expect(report).toMatchObject({ folder: 'tiny-set', manifestPath: 'tiny-set/manifest.json' });
    expect(report.imported).toBeUndefined();
    expect(ds.grasps.map((g) => g.id)).toEqual(['tiny-ball-0', 'tiny-ball-1', 'tiny-egg-0']);
    expect(ds.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('imports DRO q vectors found by content and opens the result', async () => {
    const { report, ds } = await open('dro-set');
    expect(report.imported).toMatchObject({ kind: 'dro', grasps: 2 });
    expect(ds.grasps).toHaveLength(2);
    expect(ds.hands[ds.grasps[0].hand].spec).toEqual({ builtin: 'leaphand' });
    // The mesh path points at the user's file, relative to the generated manifest.
    expect(ds.objects[ds.grasps[0].object].meshUrl).toBe(localUrl('dro-set/data_urdf/object/contactdb/apple/apple.obj'));
    expect(ds.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('imports a folder of reconstructed HOI results by file names', async () => {
    const { report, ds } = await open('hoi-set');
    expect(report.imported?.kind).toBe('hoi-folder');
    expect(ds.grasps.map((g) => g.id)).toEqual(['mug_01']);
    expect(ds.grasps[0].joints).toEqual({ FFJ3: 0.6 });
  });

  it('keeps mesh paths right in the shards of a large import', async () => {
    const files: Record<string, BlobLike> = {};
    for (let i = 0; i < 2001; i++) {
      files[`big/s${i}/hand.obj`] = new Blob(['v 0 0 0']);
      files[`big/s${i}/object.obj`] = new Blob(['v 0 0 0']);
    }
    const prepared = await prepareLocalFolder(files);
    if (!prepared.ok) throw new Error(prepared.error);
    expect(prepared.report.imported?.grasps).toBe(2001);
    const ds = await loadDataset(localUrl(prepared.report.manifestPath), folderIO(prepared.files));
    expect(ds.grasps).toHaveLength(2001);
    expect(ds.grasps.every((g) => g.source.startsWith('grasps-'))).toBe(true);
    // Every hand mesh named in a shard resolves to a file of the folder.
    for (const g of ds.grasps) expect(await folderIO(prepared.files).fetchText(g.manoMeshUrl!)).toBe('v 0 0 0');
  });

  it('says what is wrong with a folder it cannot open', async () => {
    expect(await prepareLocalFolder({})).toEqual({ ok: false, error: expect.stringMatching(/empty/) });
    const notes = { 'notes/readme.txt': new Blob(['hi']) };
    expect(await prepareLocalFolder(notes)).toEqual({ ok: false, error: expect.stringMatching(/Nothing to open in "notes": no manifest\.json/) });
    const records = { 'recs/a.json': new Blob(['{"hello": 1}']) };
    expect(await prepareLocalFolder(records)).toEqual({ ok: false, error: expect.stringMatching(/neither DexGraspNet records/) });
  });
});
