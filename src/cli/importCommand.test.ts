import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../core/dataset/loadDataset';
import { nodeIO } from '../core/dataset/nodeIO';
import { runImportCommand } from './importCommand';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../e2e/fixtures/open');
const tmp = mkdtempSync(path.join(tmpdir(), 'hoi-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runImportCommand(
    argv,
    (s) => ((out += s), true),
    (s) => ((err += s), true),
  );
  return { code, out, err };
}

describe('hoi-studio import', () => {
  it('converts DRO q vectors into a manifest elsewhere whose mesh paths reach the input files', async () => {
    const manifest = path.join(tmp, 'converted/dro/manifest.json');
    const r = await run('dro', path.join(fixtures, 'dro-set'), '--out', manifest);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/wrote .*manifest\.json: 2 grasps; 0 errors/);
    const ds = await loadDataset(pathToFileURL(manifest).href, nodeIO());
    expect(ds.grasps).toHaveLength(2);
    expect(ds.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const mesh = fileURLToPath(ds.objects[ds.grasps[0].object].meshUrl);
    expect(mesh).toBe(path.join(fixtures, 'dro-set/data_urdf/object/contactdb/apple/apple.obj'));
    expect(existsSync(mesh)).toBe(true);
  });

  it('takes a single records file and reads only it and the meshes beside it', async () => {
    const manifest = path.join(tmp, 'one/manifest.json');
    const r = await run('dro', path.join(fixtures, 'dro-set/grasps.json'), '--out', manifest, '--name', 'apples');
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(manifest, 'utf8')).name).toBe('apples');
  });

  it('imports a reconstructed-HOI folder', async () => {
    const manifest = path.join(tmp, 'hoi/manifest.json');
    expect((await run('hoi-folder', path.join(fixtures, 'hoi-set'), '--out', manifest)).code).toBe(0);
    const ds = await loadDataset(pathToFileURL(manifest).href, nodeIO());
    expect(existsSync(fileURLToPath(ds.grasps[0].manoMeshUrl!))).toBe(true);
  });

  it('explains usage errors and missing input with exit codes 2 and 1', async () => {
    expect(await run('dro', fixtures)).toMatchObject({ code: 2, err: expect.stringContaining('--out <manifest.json> is required') });
    expect(await run('npy', fixtures, '--out', 'x.json')).toMatchObject({ code: 2, err: expect.stringContaining('unknown kind "npy"') });
    expect(await run('dro', path.join(tmp, 'nope'), '--out', path.join(tmp, 'x.json'))).toMatchObject({ code: 1, err: expect.stringContaining('no such file or folder') });
    // Records the importer cannot use: written, but no grasps and a non-zero exit.
    const r = await run('dro', path.join(fixtures, 'tiny-set'), '--out', path.join(tmp, 'bad/manifest.json'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('0 grasps');
  });
});
