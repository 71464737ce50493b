import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { REPO, serveOrigin } from './fixtures/serve';

/*
 * Opens every case of the broken-input corpus (e2e/fixtures/broken, made by make-corpus.ts) from
 * another origin. Each must be named in the page (file + problem), the good grasp "ok" of the
 * case must still render, no dialog may open and no markup from the data may become HTML.
 */

const CORPUS = path.join(REPO, 'e2e/fixtures/broken');
const DATA = 'http://data.test';

type Where = 'load-error' | 'issues' | 'grasp-info';
interface Case {
  name: string;
  /** nothing of the dataset is usable: the error box names the problem */
  fatal?: boolean;
  expect: [Where, ...(string | RegExp)[]][];
  /** a grasp to select before checking (its problems show when it is shown) */
  select?: string;
  count?: number;
}

const CASES: Case[] = [
  { name: 'not-json', fatal: true, expect: [['load-error', 'manifest.json', 'not valid JSON']] },
  { name: 'wrong-format', fatal: true, expect: [['load-error', 'manifest.json', '"format" must be "hoi-studio/dataset@1"', 'hoi-studio/dataset@9']] },
  {
    name: 'schema',
    count: 1,
    expect: [
      [
        'issues',
        'manifest.json',
        'hands.gripper: unknown built-in hand "robotiq"',
        'objects.nomesh: mesh',
        '"bad-quat"',
        'unit length',
        '"no-hand"',
        '"joints-not-numbers"',
        'expected number, received string',
      ],
    ],
  },
  { name: 'unknown-refs', count: 1, expect: [['issues', 'manifest.json', 'refers to unknown object "teapot"', 'refers to unknown hand "allegro"']] },
  { name: 'duplicate-ids', count: 2, expect: [['issues', 'grasps.jsonl', 'line 3: duplicate grasp id "twin"']] },
  { name: 'missing-mesh', select: 'mesh-404', count: 2, expect: [['issues', 'meshes/gone.obj', 'HTTP 404 not found']] },
  { name: 'truncated-obj', select: 'truncated', expect: [['issues', 'meshes/cut.obj', 'face with fewer than 3 vertices']] },
  { name: 'truncated-ply', select: 'truncated', expect: [['issues', 'meshes/cut.ply', 'binary PLY is truncated']] },
  { name: 'truncated-stl', select: 'truncated', expect: [['issues', 'meshes/cut.stl', 'binary STL is truncated']] },
  { name: 'truncated-glb', select: 'truncated', expect: [['issues', 'meshes/cut.glb', 'GLB is truncated']] },
  { name: 'urdf-missing-meshes', select: 'tiny-hand', expect: [['issues', "mesh 'meshes/palm.stl' could not be fetched", '404']] },
  {
    name: 'nan-joints',
    count: 1,
    expect: [['issues', 'grasps.jsonl', 'line 2: not valid JSON', 'line 3 (grasp "infinite-joint")', 'received Infinity']],
  },
  {
    name: 'out-of-range-joints',
    select: 'over-bent',
    expect: [['grasp-info', /Clamped to limits: .*FFJ3/, /MFJ3/, 'Unknown joints: NOSUCHJOINT']],
  },
  {
    name: 'xss',
    select: '<img src=x onerror=alert(1)>-grasp',
    expect: [['issues', 'refers to unknown object "<svg onload=alert(4)>"']],
  },
  { name: 'missing-shard', count: 1, expect: [['issues', 'grasps/not-there.jsonl', 'cannot read shard (HTTP 404 not found)']] },
];

/** Elements or handlers that would exist only if dataset text had been parsed as HTML. */
async function injected(page: Page): Promise<number> {
  return page.evaluate(
    () => document.querySelectorAll('img[src="x"], [onerror], [onload], [onmouseover], svg[onload], #root script').length,
  );
}

async function shows(page: Page, id: string) {
  const viewport = page.getByTestId('viewport');
  await expect(viewport).toHaveAttribute('data-grasp-id', id);
  await expect(viewport).toHaveAttribute('data-status', 'ready');
  return viewport;
}

for (const c of CASES) {
  test(`broken input: ${c.name}`, async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await serveOrigin(page, DATA, CORPUS);
    await page.goto(`./?dataset=${encodeURIComponent(`${DATA}/${c.name}/manifest.json`)}`);

    if (c.fatal) {
      for (const [where, ...texts] of c.expect) for (const t of texts) await expect(page.getByTestId(where)).toContainText(t);
      // The studio still works: another dataset opens from the Open dialog.
      await page.getByRole('button', { name: 'Open…' }).click();
      await page.getByLabel(/Manifest URL/).fill(`${DATA}/xss/manifest.json`);
      await page.getByRole('button', { name: 'Open URL' }).click();
      await shows(page, 'ok');
    } else {
      const viewport = await shows(page, 'ok');
      expect(Number(await viewport.getAttribute('data-object-triangles'))).toBeGreaterThan(100);
      expect(Number(await viewport.getAttribute('data-hand-parts'))).toBeGreaterThan(5);
      if (c.count !== undefined) await expect(page.getByTestId('grasp-list')).toHaveAttribute('data-count', String(c.count));
      if (c.select) {
        await page.locator('[data-testid="grasp-list"] [role="option"]').filter({ hasText: c.select }).first().click();
        await shows(page, c.select);
      }
      for (const [where, ...texts] of c.expect) for (const t of texts) await expect(page.getByTestId(where)).toContainText(t);
      // Back on the good grasp: it renders as before.
      if (c.select) {
        await page.locator('[data-testid="grasp-list"] [role="option"][data-grasp-id="ok"]').click();
        const v = await shows(page, 'ok');
        expect(Number(await v.getAttribute('data-object-triangles'))).toBeGreaterThan(100);
      }
    }
    expect(await injected(page)).toBe(0);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
}

test('broken input: dataset text is shown as text, never as HTML', async ({ page }) => {
  await serveOrigin(page, DATA, CORPUS);
  await page.goto(`./?dataset=${encodeURIComponent(`${DATA}/xss/manifest.json`)}`);
  await shows(page, 'ok');
  await expect(page.locator('.dataset-name')).toHaveText('Dataset <img src=x onerror=alert(1)>');
  await expect(page.getByTestId('grasp-list')).toContainText('<img src=x onerror=alert(1)>-grasp');
  await expect(page.getByTestId('grasp-list')).toContainText('<b onmouseover=alert(2)>cat</b>');
  expect(await injected(page)).toBe(0);
});

test('broken input: a dataset parameter or typed URL that is not http(s) is refused, never followed', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  for (const bad of ['javascript:alert(1)', 'data:application/json,{"format":"hoi-studio/dataset@1"}', 'file:///etc/passwd']) {
    await page.goto('./?dataset=' + encodeURIComponent(bad));
    await expect(page.getByTestId('load-error')).toContainText('only http(s) URLs are allowed');
  }
  // The same rule for a URL typed into the Open dialog; the page keeps working.
  await page.goto('./');
  await expect(page.getByTestId('viewport')).toHaveAttribute('data-status', 'ready');
  await page.getByRole('button', { name: 'Open…' }).click();
  await page.getByLabel(/Manifest URL/).fill('javascript:alert(document.domain)');
  await page.getByRole('button', { name: 'Open URL' }).click();
  await expect(page.getByTestId('open-dialog')).toContainText('only http(s) URLs are allowed');
  expect(new URL(page.url()).searchParams.get('dataset')).toBeNull();
  expect(dialogs).toEqual([]);
});
