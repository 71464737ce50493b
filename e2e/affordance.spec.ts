import { test, expect } from '@playwright/test';

test.describe.configure({ timeout: 480_000 });

// The whole NAA in Chromium on WASM with the built-in tiny models, on a sample object, then saved
// as the object's avoid region. Small views and grid keep it to seconds on a busy machine; the
// pipeline is the same at 256 px / 32 × 32.
test('Affordance panel runs NAA on WASM with the tiny models and saves the region', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./?e2e&grasp=power_drill-shadow-000');
  await expect(page.getByTestId('viewport')).toHaveAttribute('data-status', 'ready');
  const metrics = page.getByTestId('metrics-status');
  if ((await metrics.getAttribute('data-status')) === 'computing') await metrics.getByRole('button', { name: 'Cancel' }).click();
  const panel = page.getByTestId('affordance-panel');
  await panel.locator('summary').click();
  await panel.getByLabel('NAA backend').selectOption('wasm');
  await panel.getByLabel('NAA view size').fill('96');
  await panel.getByLabel('NAA grid').fill('12');
  await panel.getByRole('button', { name: 'Run NAA' }).click();
  const result = panel.getByTestId('naa-result');
  await expect(result).toBeVisible({ timeout: 240_000 });
  await expect(result).toHaveAttribute('data-backend', 'wasm');
  // The drill's labels give the query and the ground truth.
  await expect(result).toContainText('“a photo of the chuck part”');
  await expect(result).toContainText('IoU with the true part');
  await expect(panel.locator('.naa-view')).toHaveCount(6);
  // Without a minimum score every view contributes its best proposal, so a region is lifted and sampled.
  await expect(result).toHaveAttribute('data-points', '100');
  await panel.getByRole('button', { name: 'Save region' }).click();
  await expect(panel.getByRole('button', { name: 'Saved' })).toBeVisible();
  await expect(panel).toContainText('has an avoid region');
  // Saved into the open dataset: the region is the object's avoid, ready for the manifest export.
  const avoid = await page.evaluate(() =>
    (window as unknown as { __hoiStudio: { avoidRegion(id: string): { points: number[][]; source: string } | null } }).__hoiStudio.avoidRegion('power_drill'),
  );
  expect(avoid?.source).toBe('naa');
  expect(avoid?.points).toHaveLength(100);
  expect(errors).toEqual([]);
});

// WebGPU smoke test: Chromium's SwiftShader adapter (playwright.config.ts flags); never a speed check.
// SwiftShader makes every tiny ORT run slow: a 3 × 3 grid (its centre prompt lands on the drill in every view).
test('WebGPU smoke test (SwiftShader): NAA with the tiny models runs on WebGPU', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./?e2e&grasp=power_drill-shadow-000');
  await expect(page.getByTestId('viewport')).toHaveAttribute('data-status', 'ready');
  const metrics = page.getByTestId('metrics-status');
  if ((await metrics.getAttribute('data-status')) === 'computing') await metrics.getByRole('button', { name: 'Cancel' }).click();
  const panel = page.getByTestId('affordance-panel');
  await panel.locator('summary').click();
  await panel.getByLabel('NAA backend').selectOption('webgpu');
  await panel.getByLabel('NAA view size').fill('64');
  await panel.getByLabel('NAA grid').fill('3');
  await panel.getByRole('button', { name: 'Run NAA' }).click();
  const result = panel.getByTestId('naa-result');
  await expect(result).toBeVisible({ timeout: 440_000 });
  await expect(result).toHaveAttribute('data-backend', 'webgpu');
  await expect(result).toContainText('Backend: webgpu');
  await expect(panel.locator('.naa-view')).toHaveCount(6);
  await expect(result).toHaveAttribute('data-points', '100');
  expect(errors).toEqual([]);
});
