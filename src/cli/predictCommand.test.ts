import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadDataset } from '../core/dataset/loadDataset';
import { nodeIO } from '../core/dataset/nodeIO';
import { FORMAT_V1 } from '../core/dataset/schema';
import { writeObj } from '../core/mesh/writeMesh';
import { MetricsService } from '../core/metrics/metricsService';
import { box } from '../core/metrics/proceduralShapes';
import { UsageError } from './metricsArgs';
import { parsePredictArgs, runPredictCommand } from './predictCommand';

const tinyModel = path.resolve(__dirname, '../core/dro/fixtures/tiny/dro.json');
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function makeDataset(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hoi-predict-'));
  made.push(dir);
  mkdirSync(path.join(dir, 'meshes'));
  writeFileSync(path.join(dir, 'meshes/brick.obj'), writeObj(box([-0.03, -0.02, -0.05], [0.03, 0.02, 0.05])));
  const manifest = {
    format: FORMAT_V1,
    name: 'predict-test',
    hands: { shadow: { builtin: 'shadowhand' }, leap: { builtin: 'leaphand' } },
    objects: { brick: { mesh: 'meshes/brick.obj', category: 'box' } },
    grasps: [],
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

describe('hoi-studio predict', () => {
  it('parses its flags and rejects bad ones', () => {
    const a = parsePredictArgs(['m.json', '--model', 'x/dro.json', '--object', 'o', '--hand', 'h', '--out', 'p.json', '--count', '3', '--seed', '7']);
    expect(a).toMatchObject({ manifest: 'm.json', model: 'x/dro.json', object: 'o', hand: 'h', out: 'p.json', count: 3, seed: 7, threads: 1, refine: true });
    expect(parsePredictArgs(['m.json', '--model', 'd', '--object', 'o', '--hand', 'h', '--out', 'p.json', '--no-refine'])).toMatchObject({ refine: false });
    expect(parsePredictArgs(['--help'])).toBe('help');
    expect(() => parsePredictArgs(['m.json', '--object', 'o', '--hand', 'h', '--out', 'p.json'])).toThrow(/--model is required/);
    expect(() => parsePredictArgs(['m.json', '--model', 'd', '--object', 'o', '--hand', 'h', '--out', 'p.json', '--count', '0'])).toThrow(UsageError);
    expect(() => parsePredictArgs(['m.json', '--model', 'd', '--object', 'o', '--hand', 'h', '--out', 'p.json', '--bogus'])).toThrow(UsageError);
  });

  it('writes a dataset@1 manifest that loads, with meta.prediction, and goes through the metrics', async () => {
    const dir = makeDataset();
    const out = path.join(dir, 'out/sub/predictions.json');
    const args = { manifest: path.join(dir, 'manifest.json'), model: tinyModel, object: 'brick', hand: 'shadow', out, count: 2, seed: 11, threads: 1, refine: true, quiet: true };
    const r = await runPredictCommand(args, () => {});
    expect(r.grasps).toBe(2);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    // Paths are rewritten for the output's folder.
    expect(written.objects.brick.mesh).toBe('../../meshes/brick.obj');
    expect(Object.keys(written.hands)).toEqual(['shadow']);
    const ds = await loadDataset(pathToFileURL(out).href, nodeIO());
    // Outputs written beside, not above, their inputs reach them with ../: a warning, nothing else.
    expect(ds.issues.filter((i) => !/outside the dataset's folder/.test(i.message))).toEqual([]);
    expect(ds.grasps).toHaveLength(2);
    const meta = ds.grasps[0].meta!.prediction as {
      model: string;
      seed: number;
      backend: string;
      initial: { root: { position: number[]; quaternion: number[] }; joints: Record<string, number> };
      refine: { rounds: number; depthAfter_m: number; depthBefore_m: number; unrefined: { joints: Record<string, number> } };
    };
    expect(meta.seed).toBe(11);
    expect(meta.backend).toBe('wasm');
    expect(path.resolve(path.dirname(out), meta.model)).toBe(tinyModel);
    expect(meta.initial.root.position).toEqual([0, 0, 0]);
    expect(Math.hypot(...meta.initial.root.quaternion)).toBeCloseTo(1, 9);
    expect(Object.keys(meta.initial.joints).length).toBeGreaterThan(20);
    expect(ds.grasps[0].root).not.toEqual(ds.grasps[1].root);

    const service = new MetricsService(nodeIO());
    service.configure(ds, { samples: 200 });
    const [row] = await service.compute([ds.grasps[0]]);
    expect(row.error).toBe('');
    expect(row.object_diagonal_cm).toBeGreaterThan(0);

    // Same seed, same predictions; prediction k does not depend on the count.
    const again = path.join(dir, 'again.json');
    await runPredictCommand({ ...args, out: again, count: 1 }, () => {});
    expect(JSON.parse(readFileSync(again, 'utf8')).grasps[0].joints).toEqual(written.grasps[0].joints);

    // Refinement starts from DRO's own solution, which --no-refine writes as it is.
    expect(meta.refine.depthAfter_m).toBeLessThanOrEqual(meta.refine.depthBefore_m);
    const raw = path.join(dir, 'raw.json');
    await runPredictCommand({ ...args, out: raw, count: 1, refine: false }, () => {});
    const rawGrasp = JSON.parse(readFileSync(raw, 'utf8')).grasps[0];
    expect(rawGrasp.meta.prediction.refine).toBeUndefined();
    expect(rawGrasp.joints).toEqual(meta.refine.unrefined.joints);
  });

  it('refuses a model made for another hand, naming the model file', async () => {
    const dir = makeDataset();
    const args = {
      manifest: path.join(dir, 'manifest.json'),
      model: tinyModel,
      object: 'brick',
      hand: 'leap',
      out: path.join(dir, 'x.json'),
      count: 1,
      seed: 0,
      threads: 1,
      refine: true,
      quiet: true,
    };
    await expect(runPredictCommand(args, () => {})).rejects.toThrow(/dro\.json: the model was made for the shadowhand hand; dataset hand "leap" is the built-in leaphand/);
    await expect(runPredictCommand({ ...args, hand: 'shadow', object: 'nope' }, () => {})).rejects.toThrow(/unknown object "nope"/);
  });
});
