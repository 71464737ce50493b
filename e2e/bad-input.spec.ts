import { test, expect, type Page } from '@playwright/test';

// Broken datasets are served through request routing so each case is self-contained.
async function serve(page: Page, files: Record<string, { status?: number; body: string }>) {
  await page.route('**/broken/**', (route) => {
    const name = new URL(route.request().url()).pathname.split('/broken/')[1];
    const f = files[name];
    return f ? route.fulfill({ status: f.status ?? 200, body: f.body }) : route.fulfill({ status: 404, body: 'not found' });
  });
}

const grasp = (id: string, object: string, extra: object = {}) => ({
  id,
  object,
  hand: 'shadow',
  root: { position: [0, -0.2, 0], quaternion: [0, 0, 0, 1] },
  joints: { FFJ3: 0.5 },
  ...extra,
});

test('a manifest that is not JSON is named in a visible error', async ({ page }) => {
  await serve(page, { 'manifest.json': { body: '{ "format": "hoi-studio/dataset@1", ' } });
  await page.goto('./?dataset=broken/manifest.json');
  const err = page.getByTestId('load-error');
  await expect(err).toContainText('manifest.json');
  await expect(err).toContainText('not valid JSON');
});

test('a missing mesh and bad grasps are reported while the rest of the dataset works', async ({ page }) => {
  const manifest = {
    format: 'hoi-studio/dataset@1',
    name: 'broken',
    hands: { shadow: { builtin: 'shadowhand' } },
    objects: {
      mug: { mesh: '../sample/objects/mug.obj', category: 'mug' },
      ghost: { mesh: 'meshes/ghost.obj', category: 'mug' },
      corrupt: { mesh: 'meshes/corrupt.stl', category: 'phone' },
    },
    grasps: [
      grasp('ok', 'mug'),
      grasp('no-mesh', 'ghost'),
      grasp('bad-stl', 'corrupt'),
      grasp('bad-quat', 'mug', { root: { position: [0, 0, 0], quaternion: [1, 1, 1, 1] } }),
      grasp('unknown-joint', 'mug', { joints: { NOPE: 1, FFJ3: 9 } }),
    ],
  };
  await serve(page, {
    'manifest.json': { body: JSON.stringify(manifest) },
    'meshes/corrupt.stl': { body: 'solid x\nfacet normal 0 0 1\nouter loop\nvertex 0 0 oops' },
  });
  await page.goto('./?dataset=broken/manifest.json');

  const issues = page.getByTestId('issues');
  await expect(issues).toContainText('bad-quat');
  await expect(issues).toContainText('unit length');
  await expect(page.getByTestId('grasp-list')).toHaveAttribute('data-count', '4');

  const viewport = page.getByTestId('viewport');
  await expect(viewport).toHaveAttribute('data-status', 'ready');
  expect(Number(await viewport.getAttribute('data-object-triangles'))).toBeGreaterThan(100);

  await page.keyboard.press('ArrowDown');
  await expect(viewport).toHaveAttribute('data-grasp-id', 'no-mesh');
  await expect(issues).toContainText('meshes/ghost.obj');
  await expect(issues).toContainText('404');
  // The hand still draws without its object.
  await expect(viewport).toHaveAttribute('data-status', 'ready');
  expect(Number(await viewport.getAttribute('data-hand-parts'))).toBeGreaterThan(5);

  await page.keyboard.press('ArrowDown');
  await expect(viewport).toHaveAttribute('data-grasp-id', 'bad-stl');
  await expect(issues).toContainText('meshes/corrupt.stl');

  await page.keyboard.press('ArrowDown');
  await expect(viewport).toHaveAttribute('data-grasp-id', 'unknown-joint');
  const info = page.getByTestId('grasp-info');
  await expect(info).toContainText('Unknown joints: NOPE');
  await expect(info).toContainText('Clamped to limits: FFJ3');

  // Going back to a good grasp shows it again with no leftover error.
  await page.getByRole('option', { name: /^ok/ }).click();
  await expect(viewport).toHaveAttribute('data-grasp-id', 'ok');
  await expect(viewport).toHaveAttribute('data-status', 'ready');
  await expect(issues).not.toContainText('ghost.obj: cannot read');
});

test('a dataset parameter that is not http(s) is refused, never followed', async ({ page }) => {
  let dialog = false;
  page.on('dialog', (d) => {
    dialog = true;
    return d.dismiss();
  });
  await page.goto('./?dataset=' + encodeURIComponent('javascript:alert(1)'));
  await expect(page.getByTestId('load-error')).toContainText('only http(s) URLs are allowed');
  await page.goto('./?dataset=' + encodeURIComponent('data:application/json,{}'));
  await expect(page.getByTestId('load-error')).toContainText('only http(s) URLs are allowed');
  expect(dialog).toBe(false);
});
