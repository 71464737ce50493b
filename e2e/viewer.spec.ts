import { test, expect, type Page } from '@playwright/test';

/** Counts canvas pixels close to a colour (the hand and the object have distinct colours). */
async function colourShare(page: Page, rgb: [number, number, number], tolerance = 70): Promise<number> {
  return page.evaluate(
    ({ rgb, tolerance }) => {
      const canvas = document.querySelector('[data-testid="viewport"] canvas') as HTMLCanvasElement;
      const c = document.createElement('canvas');
      c.width = canvas.width;
      c.height = canvas.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(canvas, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) {
        // Shading scales the colour, so compare chromaticity (normalised rgb) and require some brightness.
        const s = d[i] + d[i + 1] + d[i + 2];
        if (s < 60) continue;
        const t = rgb[0] + rgb[1] + rgb[2];
        const dist = Math.abs(d[i] / s - rgb[0] / t) + Math.abs(d[i + 1] / s - rgb[1] / t) + Math.abs(d[i + 2] / s - rgb[2] / t);
        if (dist * 255 < tolerance) n++;
      }
      return n / (d.length / 4);
    },
    { rgb, tolerance },
  );
}

test('opens the sample dataset and draws the first grasp', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto('./?metrics=manual');
  const viewport = page.getByTestId('viewport');
  await expect(viewport).toHaveAttribute('data-status', 'ready');

  // The list shows the sample's grasps (virtualized: count from the data, rows from the DOM).
  const list = page.getByTestId('grasp-list');
  const count = Number(await list.getAttribute('data-count'));
  expect(count).toBeGreaterThanOrEqual(410);
  const rows = list.getByRole('option');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThan(200);
  const firstId = await rows.first().getAttribute('data-grasp-id');
  await expect(viewport).toHaveAttribute('data-grasp-id', firstId!);

  // Both the hand and the object are in the scene and visible on screen.
  expect(Number(await viewport.getAttribute('data-hand-parts'))).toBeGreaterThan(5);
  expect(Number(await viewport.getAttribute('data-object-triangles'))).toBeGreaterThan(100);
  // Drawn on the next frames: wait for the colours to show rather than for a fixed time.
  await expect.poll(() => colourShare(page, [240, 165, 58]), { message: 'hand pixels' }).toBeGreaterThan(0.003);
  await expect.poll(() => colourShare(page, [79, 143, 220]), { message: 'object pixels' }).toBeGreaterThan(0.003);

  expect(errors).toEqual([]);
});

test('arrow keys move between grasps and the view toggles work', async ({ page }) => {
  await page.goto('./?metrics=manual');
  const viewport = page.getByTestId('viewport');
  await expect(viewport).toHaveAttribute('data-status', 'ready');
  const list = page.getByTestId('grasp-list');
  const ids = await list.getByRole('option').evaluateAll((els) => els.slice(0, 3).map((e) => e.getAttribute('data-grasp-id')));

  await page.keyboard.press('ArrowDown');
  await expect(viewport).toHaveAttribute('data-grasp-id', ids[1]!);
  await expect(list.getByRole('option', { selected: true })).toHaveAttribute('data-grasp-id', ids[1]!);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(viewport).toHaveAttribute('data-grasp-id', ids[1]!);
  await expect(viewport).toHaveAttribute('data-status', 'ready');

  await page.getByLabel('Robot hand').uncheck();
  await expect(viewport).toHaveAttribute('data-hand-parts', '0');
  await page.getByLabel('Robot hand').check();
  expect(Number(await viewport.getAttribute('data-hand-parts'))).toBeGreaterThan(5);

  // Sample grasps carry a reconstruction: switching shows the noisy mesh.
  await page.getByRole('radio', { name: 'Reconstructed' }).click();
  await expect(viewport).toHaveAttribute('data-object-source', 'reconstruction');
});

test('a grasp without a robot pose shows its human hand, as a mesh or as keypoints', async ({ page }) => {
  const keypoints = Array.from({ length: 21 }, (_, i) => [0.01 * (i % 5), 0.01 * Math.floor(i / 5), 0.05]);
  const manifest = {
    format: 'hoi-studio/dataset@1',
    name: 'human hands',
    hands: { shadow: { builtin: 'shadowhand' } },
    objects: { mug: { mesh: 'objects/mug.obj', category: 'mug' } },
    grasps: [
      { id: 'mesh-hand', object: 'mug', hand: 'shadow', joints: {}, mano: { mesh: 'objects/pen.ply' }, meta: { note: '<b>not bold</b>' } },
      { id: 'keypoint-hand', object: 'mug', hand: 'shadow', joints: {}, mano: { keypoints } },
    ],
  };
  // Beside the sample's meshes, so no path leaves the dataset's folder.
  await page.route('**/sample/human-hands.json', (route) => route.fulfill({ body: JSON.stringify(manifest) }));
  await page.goto('./?dataset=sample/human-hands.json&metrics=manual');
  const viewport = page.getByTestId('viewport');
  await expect(viewport).toHaveAttribute('data-grasp-id', 'mesh-hand');
  await expect(viewport).toHaveAttribute('data-status', 'ready');
  await expect(viewport).toHaveAttribute('data-mano', 'mesh');
  await expect(viewport).toHaveAttribute('data-hand-parts', '0');
  const info = page.getByTestId('grasp-info');
  await expect(info).toContainText('no robot pose');
  await info.getByText('Meta').click();
  await expect(info).toContainText('<b>not bold</b>');
  await expect(page.getByTestId('issues')).toHaveCount(0);

  await page.keyboard.press('ArrowDown');
  await expect(viewport).toHaveAttribute('data-grasp-id', 'keypoint-hand');
  await expect(viewport).toHaveAttribute('data-mano', 'keypoints');
  await page.getByLabel('Human hand').uncheck();
  await expect(viewport).toHaveAttribute('data-mano', '');
});
