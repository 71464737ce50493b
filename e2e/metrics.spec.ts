import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

test.describe.configure({ timeout: 240_000 });

test('metrics compute in workers with progress, show per grasp with overlays, and come from the cache after a reload', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./');
  const status = page.getByTestId('metrics-status');
  const viewport = page.getByTestId('viewport');
  await expect(viewport).toHaveAttribute('data-status', 'ready');

  // The viewport stays interactive while the pool works: stepping grasps still renders them.
  await expect(status).toHaveAttribute('data-status', 'computing');
  await page.keyboard.press('ArrowDown');
  await expect(viewport).toHaveAttribute('data-status', 'ready');
  await expect(page.getByRole('progressbar', { name: 'Metrics progress' })).toBeVisible();

  await expect(status).toHaveAttribute('data-status', 'done', { timeout: 200_000 });
  await expect(status).toHaveAttribute('data-done', '410');

  // The selected grasp's values, with units.
  const table = page.locator('.metrics-table');
  await expect(table).toHaveAttribute('data-ready', 'yes');
  const depth = await table.locator('tr[data-metric="penetration_depth_cm"] td').first().innerText();
  expect(Number(depth)).toBeGreaterThanOrEqual(0);
  await expect(table.locator('tr[data-metric="contact_ratio_pct"] td.unit')).toHaveText('%');

  // A grasp pushed into the object shows penetration points; the toggle hides them.
  await page.goto('./?grasp=mug-shadow-001');
  await expect(viewport).toHaveAttribute('data-overlay-grasp', 'mug-shadow-001');
  expect(Number(await viewport.getAttribute('data-penetration-points'))).toBeGreaterThan(0);
  await viewport.getByRole('checkbox', { name: 'Penetration', exact: true }).uncheck();
  await expect(viewport).toHaveAttribute('data-penetration-points', '0');

  // After the reload above every row came from IndexedDB, keyed by the inputs.
  await expect(status).toHaveAttribute('data-status', 'done');
  await expect(status).toContainText('410 cached');

  // Reloaded again, the grasp seen before: its cached values and overlay are what the page shows
  // first. The panel never passes through "computing" and the pool computes nothing.
  await page.addInitScript(() => {
    const seen: string[] = [];
    const overlays: string[] = [];
    Object.assign(window, { __metricsSeen: seen, __overlaysSeen: overlays });
    new MutationObserver(() => {
      const s = document.querySelector('[data-testid="metrics-status"]');
      const t = s && `${s.getAttribute('data-status')}:${s.getAttribute('data-done')}:${s.getAttribute('data-computed')}`;
      if (t && seen[seen.length - 1] !== t) seen.push(t);
      const v = document.querySelector('[data-testid="viewport"]');
      const o = v?.getAttribute('data-overlay-grasp') ? `${v.getAttribute('data-overlay-grasp')}:${v.getAttribute('data-overlay-source')}` : '';
      if (o && overlays[overlays.length - 1] !== o) overlays.push(o);
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.reload();
  await expect(viewport).toHaveAttribute('data-overlay-grasp', 'mug-shadow-001');
  await expect(status).toHaveAttribute('data-checking', 'no');
  await expect(status).toContainText('410 cached');
  await expect(status).toHaveAttribute('data-computed', '0');
  const seen = await page.evaluate(() => (window as unknown as { __metricsSeen: string[] }).__metricsSeen);
  expect(seen.filter((s) => !s.startsWith('idle') && !s.startsWith('reading'))).toEqual(['done:410:0']);
  const overlays = await page.evaluate(() => (window as unknown as { __overlaysSeen: string[] }).__overlaysSeen);
  expect(overlays[0]).toBe('mug-shadow-001:cache');
  await viewport.getByRole('checkbox', { name: 'Penetration', exact: true }).check();
  await expect.poll(async () => Number(await viewport.getAttribute('data-penetration-points'))).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('metrics can wait for Compute, computing can be cancelled, and a CLI results file can be loaded instead', async ({ page }) => {
  // A results file from the command line, for the same sample.
  const dir = mkdtempSync(path.join(tmpdir(), 'hoi-e2e-'));
  const out = path.join(dir, 'sample-metrics.csv');
  execFileSync(process.execPath, ['bin/hoi-studio.mjs', 'metrics', 'public/sample/manifest.json', '--out', out, '--limit', '12', '--quiet']);

  // ?metrics=manual: the dataset's metrics wait for Compute (a fresh context has an empty cache).
  await page.goto('./?metrics=manual&grasp=power_drill-shadow-000');
  const status = page.getByTestId('metrics-status');
  await expect(page.getByTestId('viewport')).toHaveAttribute('data-status', 'ready');
  await expect(status).toHaveAttribute('data-status', 'idle');
  await expect(status).toContainText('Metrics wait for Compute');
  // The selected grasp's own row still comes from the overlay worker.
  await expect(page.locator('.metrics-table')).toHaveAttribute('data-ready', 'yes');
  await status.getByRole('button', { name: 'Compute' }).click();
  await expect(status).toHaveAttribute('data-status', 'computing');
  await status.getByRole('button', { name: 'Cancel' }).click();
  await expect(status).toHaveAttribute('data-status', 'cancelled');

  await page.getByLabel('Metrics results file').setInputFiles(out);
  await expect(status).toHaveAttribute('data-status', 'done');
  await expect(status).toContainText('from file');
  await expect(status).toHaveAttribute('data-done', '12');
  await expect(page.locator('.metrics-table')).toHaveAttribute('data-ready', 'yes');

  // A file that is not a results file is named in the error.
  const bad = path.join(dir, 'broken.json');
  writeFileSync(bad, '{"format": "something-else", "rows": []}');
  await page.getByLabel('Metrics results file').setInputFiles(bad);
  await expect(status.getByRole('alert')).toContainText('broken.json');
  rmSync(dir, { recursive: true, force: true });
});
