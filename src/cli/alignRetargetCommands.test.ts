import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../core/dataset/loadDataset';
import { nodeIO } from '../core/dataset/nodeIO';
import { buildSampleDataset } from '../core/sample/buildSampleDataset';
import { fromPose, invertSimilarity } from '../core/align/similarity';
import { runAlignCommand, runRetargetCommand } from './alignRetargetCommands';

const tmp = mkdtempSync(path.join(tmpdir(), 'hoi-align-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(cmd: typeof runAlignCommand, ...argv: string[]) {
  let out = '',
    err = '';
  const code = await cmd(
    argv,
    (s) => ((out += s), true),
    (s) => ((err += s), true),
  );
  return { code, out, err };
}
const open = (p: string) => loadDataset(pathToFileURL(p).href, nodeIO());

describe('hoi-studio align / retarget', () => {
  beforeAll(async () => {
    // One category, one robot grasp per hand, plus its human-only grasp.
    const { files } = await buildSampleDataset({ categories: ['power_drill'], graspsPerObjectPerHand: 1 });
    for (const f of files) {
      mkdirSync(path.dirname(path.join(tmp, 'in', f.path)), { recursive: true });
      writeFileSync(path.join(tmp, 'in', f.path), f.data);
    }
  });

  it('aligns the human-only grasp into the reference frame, then retargets it to LEAP with the object scaled', async () => {
    const aligned = path.join(tmp, 'out/aligned.json');
    const a = await run(runAlignCommand, path.join(tmp, 'in/manifest.json'), '--out', aligned);
    expect(a.err).toBe('');
    expect(a.out).toMatch(/3 grasps aligned/);
    const ds = await open(aligned);
    // Outputs written beside, not above, their inputs reach them with ../: a warning, nothing else.
    expect(ds.issues.filter((i) => !/outside the dataset's folder/.test(i.message))).toEqual([]);
    const human = ds.grasps.find((g) => g.id === 'power_drill-human-000')!;
    const meta = human.meta as { align: { scale: number; rmsMm: number; inliers: number }; sample_camera: Parameters<typeof fromPose>[0] };
    expect(meta.align.scale).toBeCloseTo(invertSimilarity(fromPose(meta.sample_camera)).scale, 2);
    expect(meta.align.rmsMm).toBeLessThan(2);
    expect(meta.align.inliers).toBeGreaterThan(0.9);
    expect(human.reconstruction?.frame).toBeUndefined();
    expect(human.reconstruction?.pose).toBeDefined();
    expect(human.objectScale).toBeCloseTo(1 / meta.align.scale, 4);

    const leap = path.join(tmp, 'out/leap.json');
    const r = await run(runRetargetCommand, aligned, '--hand', 'leaphand', '--object-scale', '1.5', '--out', leap);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1 grasps for "leap"/); // only the human-only grasp has a human hand
    const out = await open(leap);
    // Outputs written beside, not above, their inputs reach them with ../: a warning, nothing else.
    expect(out.issues.filter((i) => !/outside the dataset's folder/.test(i.message))).toEqual([]);
    expect(Object.keys(out.hands)).toEqual(['leap']);
    const g = out.grasps.find((x) => x.id === 'power_drill-human-000-rt-leap')!;
    expect(g.root).toBeDefined();
    expect(g.objectScale).toBeCloseTo(human.objectScale! * 1.5, 5);
    const rt = (g.meta as { retarget: { source: string; meanFingertipErrorMm: number; unmatchedFingertips: string[] } }).retarget;
    expect(rt.source).toBe('power_drill-human-000');
    expect(rt.unmatchedFingertips).toEqual(['little']);
    expect(rt.meanFingertipErrorMm).toBeLessThan(15);
  });

  it('skips grasps that are not aligned yet, and names unknown hands', async () => {
    const r = await run(runRetargetCommand, path.join(tmp, 'in/manifest.json'), '--hand', 'shadowhand', '--out', path.join(tmp, 'out/x.json'));
    expect(r.err).toMatch(/power_drill-human-000.*align it first/);
    expect(r.out).toMatch(/0 grasps for "shadow"/);
    await expect(run(runRetargetCommand, path.join(tmp, 'in/manifest.json'), '--hand', 'robotiq', '--out', path.join(tmp, 'out/y.json'))).rejects.toThrow(
      /unknown hand "robotiq": use a hand id of the dataset \(shadow, leap\) or shadowhand \/ leaphand/,
    );
    const u = await run(runAlignCommand, path.join(tmp, 'in/manifest.json'));
    expect(u.code).toBe(2);
    expect(u.err).toMatch(/--out <manifest.json> is required/);
  });
});
