import { test, expect } from '@playwright/test';

test.describe.configure({ timeout: 480_000 });

// The whole NAA in Chromium on WASM with the built-in tiny models, on a sample object, then saved
// as the object's avoid region. Small views and grid keep it to seconds on a busy machine; the
// pipeline is the same at 256 px / 32 × 32.
test('Affordance panel runs NAA on WASM with a kept model folder and saves the region', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./?e2e&metrics=manual&grasp=power_drill-shadow-000');
  await expect(page.getByTestId('viewport')).toHaveAttribute('data-status', 'ready');
  const panel = page.getByTestId('affordance-panel');
  await panel.locator('summary').click();
  // A folder that is not an NAA model says what it lacks.
  await panel.getByLabel('NAA model folder').setInputFiles('public/models/naa-tiny/clip');
  await expect(panel.getByRole('alert')).toContainText('not an NAA model folder: 3 of 5 of its files found, missing sam/onnx/vision_encoder.onnx');
  // The tiny models opened as a local folder: kept in IndexedDB and run from memory.
  await panel.getByLabel('NAA model folder').setInputFiles('public/models/naa-tiny');
  await expect(panel.getByLabel('NAA models')).toHaveValue('kept');
  await expect(panel.getByLabel('Kept NAA model')).toHaveValue('naa-tiny');
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
  await expect(panel.getByTestId('region-status')).toHaveAttribute('data-dirty', 'true');
  await panel.getByRole('button', { name: 'Save region' }).click();
  await expect(panel.getByRole('button', { name: 'Saved' })).toBeVisible();
  await expect(panel.getByTestId('region-status')).toContainText('avoid region “chuck part”, 100 points (naa), saved in this browser');
  // Saved into the open dataset: the region is the object's avoid, ready for the manifest export.
  const avoid = await page.evaluate(() =>
    (window as unknown as { __hoiStudio: { avoidRegion(id: string): { points: number[][]; source: string } | null } }).__hoiStudio.avoidRegion('power_drill'),
  );
  expect(avoid?.source).toBe('naa');
  expect(avoid?.points).toHaveLength(100);
  expect(errors).toEqual([]);
});

// Painting by hand with the real pointer path: brush keys, dabs on the mesh, save, reload.
test('a region painted and erased on the mesh is saved, measured, and there again after a reload', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./?e2e&metrics=manual&grasp=power_drill-shadow-000');
  const viewport = page.getByTestId('viewport');
  await expect(viewport).toHaveAttribute('data-status', 'ready');
  const panel = page.getByTestId('affordance-panel');
  await panel.locator('summary').click();
  const status = panel.getByTestId('region-status');
  await expect(status).toContainText('no avoid region');
  const score = page.locator('[data-testid=metrics-panel] tr[data-metric=affordance_score] td').first();
  await expect(score).toHaveText('—');
  await page.keyboard.press('h'); // the hand out of the way of the object
  await page.keyboard.press('b');
  await expect(viewport).toHaveAttribute('data-brush', 'add');
  // Dabs on a grid over the viewport until one lands on the drill (the camera frames it, but where exactly depends on the framing).
  const box = (await viewport.boundingBox())!;
  let hit: { x: number; y: number } | null = null;
  for (const fy of [0.5, 0.4, 0.6, 0.3, 0.7]) {
    for (const fx of [0.5, 0.4, 0.6, 0.3, 0.7]) {
      const at = { x: box.x + fx * box.width, y: box.y + fy * box.height };
      await page.mouse.click(at.x, at.y);
      if (Number(await status.getAttribute('data-points')) > 0) {
        hit = at;
        break;
      }
    }
    if (hit) break;
  }
  expect(hit).not.toBeNull();
  await expect(status).toHaveAttribute('data-dirty', 'true');
  // A drag paints a stroke: more points than one dab.
  const afterDab = Number(await status.getAttribute('data-points'));
  await page.mouse.move(hit!.x, hit!.y);
  await page.mouse.down();
  for (let k = 1; k <= 6; k++) await page.mouse.move(hit!.x + 4 * k, hit!.y + 2 * k);
  await page.mouse.up();
  await expect.poll(async () => Number(await status.getAttribute('data-points'))).toBeGreaterThan(afterDab);
  const painted = Number(await status.getAttribute('data-points'));
  // Erase at the first dab's spot takes points away.
  await page.keyboard.press('e');
  await expect(viewport).toHaveAttribute('data-brush', 'erase');
  await page.mouse.click(hit!.x, hit!.y);
  await expect.poll(async () => Number(await status.getAttribute('data-points'))).toBeLessThan(painted);
  await page.keyboard.press('e');
  await expect(viewport).toHaveAttribute('data-brush', 'off');
  const kept = Number(await status.getAttribute('data-points'));
  expect(kept).toBeGreaterThan(0);
  await panel.getByRole('button', { name: 'Save region' }).click();
  await expect(status).toHaveAttribute('data-dirty', 'false');
  await expect(status).toContainText(`${kept} points (manual), saved in this browser`);
  // The metrics follow the saved region: the selected grasp gets an affordance score (a count of fingertips).
  await expect(score).toHaveText(/^[0-5]$/, { timeout: 120_000 });
  await page.reload();
  await expect(viewport).toHaveAttribute('data-status', 'ready');
  await panel.locator('summary').click();
  await expect(status).toHaveAttribute('data-points', String(kept));
  await expect(status).toContainText('(manual), saved in this browser');
  await expect(score).toHaveText(/^[0-5]$/, { timeout: 120_000 });
  expect(errors).toEqual([]);
});

// WebGPU smoke test: Chromium's SwiftShader adapter (playwright.config.ts flags); never a speed check.
// SwiftShader makes every tiny ORT run slow: one view and a 3 × 3 grid (its centre prompt lands on the drill).
test('WebGPU smoke test (SwiftShader): NAA with the tiny models runs on WebGPU', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./?e2e&metrics=manual&grasp=power_drill-shadow-000');
  await expect(page.getByTestId('viewport')).toHaveAttribute('data-status', 'ready');
  const panel = page.getByTestId('affordance-panel');
  await panel.locator('summary').click();
  await panel.getByLabel('NAA backend').selectOption('webgpu');
  await panel.getByLabel('NAA view size').fill('64');
  await panel.getByLabel('NAA grid').fill('3');
  // One view: each costs a SAM encoder run on a 1024² frame, about a minute on SwiftShader.
  for (const v of ['+x', '-x', '+y', '-y', '-z']) await panel.getByLabel(`NAA view ${v}`).uncheck();
  await panel.getByRole('button', { name: 'Run NAA' }).click();
  const result = panel.getByTestId('naa-result');
  await expect(result).toBeVisible({ timeout: 440_000 });
  await expect(result).toHaveAttribute('data-backend', 'webgpu');
  await expect(result).toContainText('Backend: webgpu');
  await expect(panel.locator('.naa-view')).toHaveCount(1);
  await expect(panel.locator('.naa-view')).toHaveAttribute('data-view', '+z');
  await expect(result).toHaveAttribute('data-points', '100');
  // The same run on WASM: the same proposals, and CLIP scores that agree.
  const caption = async () => (await panel.locator('.naa-view figcaption').textContent()) ?? '';
  const onGpu = await caption();
  await panel.getByLabel('NAA backend').selectOption('wasm');
  await panel.getByRole('button', { name: 'Run NAA' }).click();
  await expect(result).toHaveAttribute('data-backend', 'wasm', { timeout: 120_000 });
  const onCpu = await caption();
  const parse = (c: string) =>
    c
      .match(/^\+z: (\d+) proposals, best (-?[\d.]+)/)
      ?.slice(1)
      .map(Number);
  expect(parse(onGpu), onGpu).toBeTruthy();
  expect(parse(onCpu)![0]).toBe(parse(onGpu)![0]);
  expect(Math.abs(parse(onCpu)![1] - parse(onGpu)![1])).toBeLessThanOrEqual(2e-3);
  expect(errors).toEqual([]);
});
