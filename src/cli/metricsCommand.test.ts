import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeCliTestDataset } from './cliTestDataset.testutil';
import { loadDataset } from '../core/dataset/loadDataset';
import { nodeIO } from '../core/dataset/nodeIO';
import { MetricsService } from '../core/metrics/metricsService';
import { parseResultsFile, CSV_COLUMNS } from '../core/metrics/resultsFile';
import { parseMetricsArgs, UsageError } from './metricsArgs';
import { runMetricsCommand } from './metricsCommand';

const repo = path.resolve(__dirname, '../..');

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
const makeDataset = () => {
  const dir = makeCliTestDataset();
  made.push(dir);
  return dir;
};

// Each worker thread loads the TypeScript core through tsx first: ~10 s on an idle machine, a
// minute or more on a busy 2-core one. The budget says when it hangs, not how fast it is.
const WORKER_BUDGET_MS = 300_000;

describe('hoi-studio metrics', () => {
  it('parses every documented flag and rejects bad ones', () => {
    const a = parseMetricsArgs([
      'm.json',
      '--out',
      'r.csv',
      '--samples',
      '100',
      '--voxel-mm',
      '2',
      '--contact-mm',
      '3',
      '--seed',
      '9',
      '--geometry',
      'collision',
      '--workers',
      '3',
      '--d2-pairs',
      '64',
      '--inside-rays',
      '3',
      '--avoid-mm',
      '15',
    ]);
    if (a === 'help') throw new Error('unexpected');
    expect(a.params).toMatchObject({ avoidMm: 15, samples: 100, voxelMm: 2, contactMm: 3, seed: 9, geometry: 'collision', d2Pairs: 64, insideRays: 3 });
    expect(a.workers).toBe(3);
    expect(a.format).toBe('csv');
    expect(parseMetricsArgs(['--help'])).toBe('help');
    expect(() => parseMetricsArgs(['m.json'])).toThrow(UsageError);
    expect(() => parseMetricsArgs(['m.json', '--out', 'r.txt'])).toThrow(/output format/);
    expect(() => parseMetricsArgs(['m.json', '--out', 'r.csv', '--geometry', 'both'])).toThrow(/visual or collision/);
    expect(() => parseMetricsArgs(['m.json', '--out', 'r.csv', '--samples', 'many'])).toThrow(/expects a number/);
    expect(() => parseMetricsArgs(['m.json', '--out', 'r.csv', '--inside-rays', '4'])).toThrow(/odd/);
  });

  it('--help documents every flag', () => {
    const res = spawnSync(process.execPath, [path.join(repo, 'bin/hoi-studio.mjs'), 'metrics', '--help'], { encoding: 'utf8' });
    expect(res.status).toBe(0);
    for (const flag of [
      '--samples',
      '--voxel-mm',
      '--contact-mm',
      '--seed',
      '--geometry',
      '--workers',
      '--out',
      '--d2-pairs',
      '--inside-rays',
      '--max-triangles',
      '--timeout-s',
      '--avoid-mm',
    ])
      expect(res.stdout).toContain(flag);
  });

  it(
    'computes a dataset on worker threads, one row per grasp, identical to the in-process core',
    async () => {
      const dir = makeDataset();
      const out = path.join(dir, 'out', 'metrics.json');
      const args = parseMetricsArgs([path.join(dir, 'manifest.json'), '--out', out, '--workers', '2', '--chunk', '2', '--quiet', '--samples', '512']);
      if (args === 'help') throw new Error('unexpected');
      const summary = await runMetricsCommand(args, () => undefined);
      const file = parseResultsFile(readFileSync(out, 'utf8'), 'metrics.json');
      const byId = new Map(file.rows.map((r) => [r.id, r]));
      expect([...byId.keys()].sort()).toEqual(['g-ball-far', 'g-ball-near', 'g-brick', 'g-missing-object', 'g-missing-recon', 'g-unknown-joint', 'g-unknown-object']);
      expect(byId.get('g-missing-object')!.error).toMatch(/^object mesh: ghost.obj: cannot read/);
      expect(byId.get('g-unknown-object')!.error).toMatch(/^dataset: manifest.json: .*unknown object "nothing"/);
      expect(byId.get('g-missing-recon')!.error).toMatch(/d2_wasserstein: reconstruction mesh: nope.obj: cannot read/);
      expect(byId.get('g-missing-recon')!.contact_ratio_pct).not.toBeNull();
      expect(byId.get('g-unknown-joint')!.error).toContain('warning: joints unknown to the hand ignored: NOT_A_JOINT');
      expect(byId.get('g-ball-near')!.d2_wasserstein_cm).toBeGreaterThan(0);
      expect(byId.get('g-ball-far')!.d2_wasserstein_cm).toBeNull();
      expect(byId.get('g-brick')!.object_extents_cm).toEqual([9, 6, 15]);
      expect(summary.withErrors).toBe(3);
      // Objects with an "avoid" region (inline for the ball, a file for the brick) get both columns.
      for (const id of ['g-ball-near', 'g-ball-far', 'g-brick']) {
        const row = byId.get(id)!;
        expect(Number.isInteger(row.affordance_score)).toBe(true);
        expect(row.affordance_score).toBeGreaterThanOrEqual(0);
        expect(row.affordance_score).toBeLessThanOrEqual(5);
        expect(row.avoid_distance_cm).toBeGreaterThanOrEqual(0);
      }
      // The two ball grasps place the hand 12 cm apart, so their fingertips are at different distances from the region.
      expect(Math.abs(byId.get('g-ball-far')!.avoid_distance_cm! - byId.get('g-ball-near')!.avoid_distance_cm!)).toBeGreaterThan(1);
      expect(byId.get('g-missing-object')!.affordance_score).toBeNull();

      // Same numbers as the core computed directly in this thread.
      const ds = await loadDataset(pathToFileURL(path.join(dir, 'manifest.json')).href, nodeIO());
      const svc = new MetricsService(nodeIO());
      svc.configure(ds, args.params);
      for (const g of ds.grasps) {
        const direct = await svc.computeOne(g);
        const row = byId.get(g.id)!;
        for (const c of CSV_COLUMNS.slice(1, -1)) {
          const v = direct[c as keyof typeof direct] as number | null;
          expect(row[c as keyof typeof row] === null ? null : Number(row[c as keyof typeof row])).toBeCloseTo(
            v === null ? (null as unknown as number) : Number(v.toPrecision(7)),
            5,
          );
        }
      }
    },
    WORKER_BUDGET_MS,
  );

  it(
    'writes CSV with the specified columns',
    async () => {
      const dir = makeDataset();
      const out = path.join(dir, 'metrics.csv');
      const args = parseMetricsArgs([path.join(dir, 'manifest.json'), '--out', out, '--workers', '1', '--quiet', '--samples', '256', '--limit', '2', '--avoid-mm', '500']);
      if (args === 'help') throw new Error('unexpected');
      await runMetricsCommand(args, () => undefined);
      const lines = readFileSync(out, 'utf8').trim().split('\n');
      expect(lines[0]).toBe(
        'id,penetration_depth_cm,penetration_volume_cm3,disjoint_distance_cm,contact_ratio_pct,object_diagonal_cm,d2_wasserstein_cm,affordance_score,avoid_distance_cm,error',
      );
      expect(lines).toHaveLength(3);
      // Within 50 cm of the ball's bottom every fingertip violates the region.
      const rows = parseResultsFile(readFileSync(out, 'utf8'), 'metrics.csv').rows;
      for (const r of rows) {
        expect(r.affordance_score).toBe(0);
        expect(r.avoid_distance_cm).toBeLessThan(50);
      }
    },
    WORKER_BUDGET_MS,
  );
});
