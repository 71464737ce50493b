import { test, expect } from '@playwright/test';

test('aligns a human-only sample grasp, retargets it to ShadowHand and LEAP and adds both to the dataset', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./?metrics=manual&grasp=power_drill-human-000');
  const viewport = page.getByTestId('viewport');
  await expect(viewport).toHaveAttribute('data-grasp-id', 'power_drill-human-000');
  await expect(viewport).toHaveAttribute('data-status', 'ready');
  // Still in its camera-like frame: the viewer shows the reconstruction, not the reference.
  await expect(viewport).toHaveAttribute('data-object-source', 'reconstruction');
  const list = page.getByTestId('grasp-list');
  const before = Number(await list.getAttribute('data-total'));

  const panel = page.getByTestId('align-retarget-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('retarget-run')).toBeDisabled();
  await panel.getByTestId('align-run').click();
  await expect(panel.getByTestId('align-section')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  const rms = parseFloat(await panel.getByTestId('align-rms').innerText());
  expect(rms).toBeGreaterThan(0);
  expect(rms).toBeLessThan(3);
  // The handles in the preview nudge the pending alignment: drag the z arrow, straight up on
  // screen from the reference origin at the preview's centre.
  const readout = panel.getByTestId('nudge-readout');
  const moved = async () => (/move (\S+) \/ (\S+) \/ (\S+) mm/.exec(await readout.innerText()) ?? []).slice(1).map(Number);
  expect(await moved()).toEqual([0, 0, 0]);
  // The selected grasp's metrics arrive on their own time and their warning moves the panels
  // below: measure the preview once they are in.
  await expect(page.locator('.metrics-table')).toHaveAttribute('data-ready', 'yes');
  const box = (await panel.getByTestId('align-preview').boundingBox())!;
  const cx = box.x + box.width / 2,
    cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy - 40);
  await page.mouse.down();
  await page.mouse.move(cx, cy - 65, { steps: 5 });
  await page.mouse.move(cx, cy - 90, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await moved())[2]).toBeGreaterThan(0.5);
  const [mx, my] = await moved();
  expect(Math.abs(mx) + Math.abs(my)).toBeLessThan(0.05);
  await panel.getByRole('button', { name: 'rotate z plus' }).click();
  await panel.getByRole('button', { name: 'rotate z minus' }).click();
  await panel.getByTestId('align-accept').click();
  // The aligned grasp lives in the reference frame now.
  await expect(viewport).toHaveAttribute('data-object-source', 'reference');

  await panel.getByTestId('retarget-run').click();
  await expect(panel.getByTestId('retarget-section')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  for (const hand of ['shadowhand', 'leaphand']) {
    const mean = Number(await panel.getByTestId(`retarget-${hand}`).getAttribute('data-mean-error-mm'));
    expect(mean, `${hand} mean fingertip error`).toBeLessThan(20);
    await expect(panel.getByTestId(`retarget-preview-${hand}`).locator('canvas')).toBeVisible();
  }
  await panel.getByTestId('retarget-add').click();
  await expect(page.getByTestId('retarget-added')).toContainText('power_drill-human-000-rt-shadow');
  await expect(list).toHaveAttribute('data-total', String(before + 2));

  // The new grasp opens with its robot hand drawn.
  await page.locator('[data-grasp-id="power_drill-human-000-rt-leap"]').click();
  await expect(viewport).toHaveAttribute('data-grasp-id', 'power_drill-human-000-rt-leap');
  await expect(viewport).toHaveAttribute('data-status', 'ready');
  expect(Number(await viewport.getAttribute('data-hand-parts'))).toBeGreaterThan(5);
  expect(errors).toEqual([]);
});
