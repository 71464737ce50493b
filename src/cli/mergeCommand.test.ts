import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseResultsFile } from '../core/metrics/resultsFile';
import { makeCliTestDataset } from './cliTestDataset.testutil';
import { parseMetricsArgs } from './metricsArgs';
import { runMetricsCommand } from './metricsCommand';
import { runMergeCommand } from './mergeCommand';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function metrics(dir: string, out: string, ...extra: string[]) {
  const args = parseMetricsArgs([path.join(dir, 'manifest.json'), '--out', out, '--workers', '1', '--quiet', '--samples', '256', '--d2-pairs', '256', ...extra]);
  if (args === 'help') throw new Error('unexpected');
  return runMetricsCommand(args, () => undefined);
}

describe('hoi-studio metrics --shard and hoi-studio merge', () => {
  // Three CLI runs with worker threads: honest budget for a busy 2-core machine.
  it('two shards merged equal the whole run, grasp for grasp', { timeout: 240_000 }, async () => {
    const dir = makeCliTestDataset();
    made.push(dir);
    const whole = path.join(dir, 'whole.json');
    await metrics(dir, whole);
    const shardFiles: string[] = [];
    const sizes: number[] = [];
    for (let k = 0; k < 2; k++) {
      const f = path.join(dir, `shard-${k}.json`);
      sizes.push((await metrics(dir, f, '--shard', `${k}/2`)).grasps);
      shardFiles.push(f);
    }
    const all = parseResultsFile(readFileSync(whole, 'utf8'));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(all.rows.length);
    expect(parseResultsFile(readFileSync(shardFiles[1], 'utf8')).shard).toEqual({ index: 1, count: 2 });

    const log: string[] = [];
    const merged = path.join(dir, 'merged.json');
    expect(await runMergeCommand([...shardFiles, '--out', merged], (s) => void log.push(s))).toBe(0);
    const m = parseResultsFile(readFileSync(merged, 'utf8'));
    const byId = new Map(m.rows.map((r) => [r.id, r]));
    expect([...byId.keys()].sort()).toEqual(all.rows.map((r) => r.id).sort());
    for (const r of all.rows) expect(byId.get(r.id)).toEqual(r);

    // A missing shard is an error unless allowed; a conflicting file is refused.
    expect(await runMergeCommand([shardFiles[0], '--out', merged], (s) => void log.push(s))).toBe(1);
    expect(log.join('')).toMatch(/shards missing from the 2-way split: 1/);
    expect(await runMergeCommand([shardFiles[0], '--out', merged, '--allow-missing'], () => undefined)).toBe(0);
    const tampered = path.join(dir, 'tampered.json');
    const t = JSON.parse(readFileSync(whole, 'utf8'));
    const victim = t.rows.find((r: { contact_ratio_pct: number | null }) => r.contact_ratio_pct !== null);
    victim.contact_ratio_pct += 1;
    writeFileSync(tampered, JSON.stringify(t));
    const errs: string[] = [];
    expect(await runMergeCommand([whole, tampered, '--out', merged], (s) => void errs.push(s))).toBe(1);
    expect(errs.join('')).toContain(`"${victim.id}" has different values in ${whole} and ${tampered}`);
    expect(await runMergeCommand([path.join(dir, 'nope.json'), '--out', merged], (s) => void errs.push(s))).toBe(1);
    expect(await runMergeCommand(['--out', merged], () => undefined)).toBe(2);
  });
});
