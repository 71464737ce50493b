import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { REPO, serveOrigin } from './fixtures/serve';
import { serveStatic } from './fixtures/staticServer';

const FIXTURES = path.join(REPO, 'e2e/fixtures/open');
const DATA = 'http://data.test';

async function ready(page: Page, id?: string) {
  const viewport = page.getByTestId('viewport');
  if (id) await expect(viewport).toHaveAttribute('data-grasp-id', id);
  await expect(viewport).toHaveAttribute('data-status', 'ready');
  return viewport;
}

/** The canvas, downsampled to grey levels, to compare two renders of "the same view". */
async function canvasGrey(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const src = document.querySelector('[data-testid="viewport"] canvas') as HTMLCanvasElement;
    const c = document.createElement('canvas');
    c.width = 96;
    c.height = 64;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(src, 0, 0, c.width, c.height);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const out: number[] = [];
    for (let i = 0; i < d.length; i += 4) out.push((d[i] + d[i + 1] + d[i + 2]) / 3);
    return out;
  });
}
const meanDiff = (a: number[], b: number[]) => a.reduce((s, v, i) => s + Math.abs(v - b[i]), 0) / a.length;
/** The viewport's background (#1c1d22) as a grey level. */
const BACKGROUND_GREY = (0x1c + 0x1d + 0x22) / 3;

/** Share of the canvas that is not background: something is drawn. */
const drawnShare = (grey: number[]) => grey.filter((v) => Math.abs(v - BACKGROUND_GREY) > 12).length / grey.length;

/** The canvas once the scene is drawn and the picture has stopped changing (it draws on demand, so a still picture stays). */
async function settledCanvas(page: Page): Promise<number[]> {
  let last = await canvasGrey(page);
  await expect
    .poll(async () => {
      const now = await canvasGrey(page);
      const still = meanDiff(last, now) < 0.05;
      last = now;
      return still && drawnShare(now) > 0.02;
    })
    .toBe(true);
  return last;
}

function camFrom(url: string): number[] {
  const cam = new URL(url).searchParams.get('cam');
  expect(cam, `cam in ${url}`).toBeTruthy();
  return cam!.split(',').map(Number);
}

test('opens a manifest on another origin with download progress, and re-opens from the cache', async ({ page }) => {
  const log: string[] = [];
  // The host is slow for meshes so the progress line has time to show.
  await serveOrigin(page, DATA, FIXTURES, { log, delay: (p) => (p.endsWith('.obj') ? 1200 : 0) });
  const url = `./?metrics=manual&dataset=${encodeURIComponent(`${DATA}/tiny-set/manifest.json`)}`;

  await page.goto(url);
  const progress = page.getByTestId('download-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText(/Downloading \d+ files?/);
  await ready(page, 'tiny-ball-0');
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('grasp-list')).toHaveAttribute('data-count', '3');
  expect(log).toContain('GET /tiny-set/meshes/ball.obj');

  // Re-open: the mesh comes from the Cache API after a HEAD (no slow body download). How much
  // sooner that is, `npm run bench` measures (scripts/bench-browser.ts).
  log.length = 0;
  await page.reload();
  await ready(page, 'tiny-ball-0');
  expect(log).toContain('HEAD /tiny-set/meshes/ball.obj');
  expect(log).not.toContain('GET /tiny-set/meshes/ball.obj');
});

test('opens a picked folder with a manifest, locally, and explains that a link cannot reopen it', async ({ page }) => {
  await page.goto('./?metrics=manual');
  await ready(page);
  await page.getByRole('button', { name: 'Open…' }).click();
  await page.getByTestId('open-folder-input').setInputFiles(path.join(FIXTURES, 'tiny-set'));
  await expect(page.getByTestId('grasp-list')).toHaveAttribute('data-count', '3');
  const viewport = await ready(page, 'tiny-ball-0');
  expect(Number(await viewport.getAttribute('data-hand-parts'))).toBeGreaterThan(5);
  expect(Number(await viewport.getAttribute('data-object-triangles'))).toBeGreaterThan(100);
  await expect(page.locator('.dataset-name')).toHaveText('Tiny local set');
  expect(new URL(page.url()).searchParams.get('local')).toBe('tiny-set');
  expect(new URL(page.url()).searchParams.get('dataset')).toBeNull();

  // Another object of the folder loads in the worker too.
  await page.getByRole('option', { name: /tiny-egg-0/ }).click();
  await ready(page, 'tiny-egg-0');
  expect(Number(await viewport.getAttribute('data-object-triangles'))).toBeGreaterThan(100);

  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByTestId('share-popover')).toContainText('cannot reopen local files');
});

test('imports a folder of DRO q vectors and shows what the importer did', async ({ page }) => {
  await page.goto('./?metrics=manual');
  await ready(page);
  await page.getByRole('button', { name: 'Open…' }).click();
  await page.getByTestId('open-folder-input').setInputFiles(path.join(FIXTURES, 'dro-set'));
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('imported it as dro');
  await expect(report).toContainText('2 grasps');
  await expect(page.getByTestId('grasp-list')).toHaveAttribute('data-count', '2');
  const viewport = await ready(page);
  expect(await viewport.getAttribute('data-grasp-id')).toMatch(/^contactdb\+apple-leaphand-0$/);
  expect(Number(await viewport.getAttribute('data-hand-parts'))).toBeGreaterThan(5);
  expect(Number(await viewport.getAttribute('data-object-triangles'))).toBeGreaterThan(100);
});

test('a shared link reproduces grasp, camera and toggles; back/forward walk the visited grasps', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./?metrics=manual');
  await ready(page);
  const ids = await page
    .getByTestId('grasp-list')
    .getByRole('option')
    .evaluateAll((els) => els.slice(0, 4).map((e) => e.getAttribute('data-grasp-id')!));

  // Each click is a visit of its own: one new history entry each.
  const entries = () => page.evaluate(() => history.length);
  const start = await entries();
  for (const [k, id] of ids.slice(1, 4).entries()) {
    await page.locator(`[role="option"][data-grasp-id="${id}"]`).click();
    await ready(page, id);
    await expect.poll(entries).toBe(start + k + 1);
  }
  await page.goBack();
  await ready(page, ids[2]);
  await page.goBack();
  await ready(page, ids[1]);
  await page.goForward();
  await ready(page, ids[2]);
  expect(new URL(page.url()).searchParams.get('grasp')).toBe(ids[2]);

  // Orbit the camera and switch to wireframe: both go into the URL.
  const before = camFrom(page.url());
  const box = (await page.getByTestId('viewport').locator('canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 140, box.y + box.height / 2 + 40, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => camFrom(page.url()).join(',')).not.toBe(before.join(','));
  await page.getByLabel('Wireframe').check();
  await expect.poll(() => new URL(page.url()).searchParams.get('view')).toContain('wireframe.1');

  await page.getByRole('button', { name: 'Copy link' }).click();
  const popover = page.getByTestId('share-popover');
  await expect(popover).toBeVisible();
  const link = (await popover.textContent())!.includes('copied')
    ? await page.evaluate(() => navigator.clipboard.readText())
    : await page.getByLabel('Link to this view').inputValue();
  expect(link).toBe(page.url());
  const original = await settledCanvas(page);

  const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await other.goto(link);
  await ready(other, ids[2]);
  await expect(other.getByLabel('Wireframe')).toBeChecked();
  await expect(other.getByTestId('grasp-list').getByRole('option', { selected: true })).toHaveAttribute('data-grasp-id', ids[2]);
  const want = camFrom(link);
  await expect.poll(() => camFrom(other.url()).every((v, i) => Math.abs(v - want[i]) < 1e-3)).toBe(true);
  // Same view: nearly identical pixels; the default camera on the same grasp differs clearly.
  await expect.poll(async () => meanDiff(original, await canvasGrey(other))).toBeLessThan(2);
  await other.goto('./?metrics=manual&grasp=' + encodeURIComponent(ids[2]) + '&view=wireframe.1');
  await ready(other, ids[2]);
  expect(meanDiff(original, await settledCanvas(other))).toBeGreaterThan(4);
  await other.close();
});

test('saves the viewport as a PNG', async ({ page }) => {
  await page.goto('./?metrics=manual');
  await ready(page);
  // Something is drawn: a fair share of the canvas differs from the background.
  await settledCanvas(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save PNG' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.png$/);
  const bytes = readFileSync((await file.path())!);
  expect(bytes.length).toBeGreaterThan(5000);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
});

test('link problems are reported and the rest of the link still applies', async ({ page }) => {
  await page.goto('./?metrics=manual&grasp=no-such-grasp&cam=1,2,x&view=wireframe.1~nonsense.3');
  await ready(page);
  const problems = page.getByTestId('link-problems');
  await expect(problems).toContainText('"cam" must be six numbers');
  await expect(problems).toContainText('"nonsense.3" is not known');
  await expect(problems).toContainText('grasp "no-such-grasp" is not in this dataset');
  await expect(page.getByLabel('Wireframe')).toBeChecked();
});

test('the built site works under a sub-path, with the sample and its workers', async ({ page }) => {
  const dist = path.resolve(REPO, process.env.E2E_OUT_DIR ?? 'dist');
  const server = await serveStatic(dist, '/some/base/');
  try {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/some/base/?metrics=manual`);
    const viewport = await ready(page);
    expect(Number(await viewport.getAttribute('data-hand-parts'))).toBeGreaterThan(5);
    expect(Number(await viewport.getAttribute('data-object-triangles'))).toBeGreaterThan(100);
    const second = await page.getByTestId('grasp-list').getByRole('option').nth(1).getAttribute('data-grasp-id');
    // A relative dataset link and a grasp resolve under the sub-path too.
    await page.goto(`${server.url}/some/base/?metrics=manual&dataset=sample/manifest.json&grasp=${encodeURIComponent(second!)}`);
    await ready(page, second!);
    expect(server.requested.some((p) => p.startsWith('/some/base/assets/') && p.includes('worker'))).toBe(true);
    expect(server.requested.filter((p) => !p.startsWith('/some/base/'))).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    server.close();
  }
});

// How fast (first grasp, whole list, frames while scrolling) is measured by `npm run bench`
// (scripts/bench-browser.ts); this test checks what happens, on a busy machine too.
test('a 100,000-grasp dataset streams in: first grasp before the last shard, virtualized list, scrolls to the end', async ({ page }) => {
  test.setTimeout(300_000);
  const out = path.join(REPO, '.bench/large');
  const { makeLargeDataset } = await import('../scripts/make-large-dataset');
  makeLargeDataset({ grasps: 100_000, perShard: 10_000, out, sample: path.join(REPO, 'public/sample') });
  const shardFiles = readdirSync(path.join(out, 'grasps'))
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  const lastLine = readFileSync(path.join(out, 'grasps', shardFiles[shardFiles.length - 1]), 'utf8')
    .trim()
    .split('\n')
    .pop()!;
  const lastId: string = JSON.parse(lastLine).id;
  // A host that takes 300 ms per shard, so streaming is visible.
  await serveOrigin(page, DATA, REPO, { delay: (p) => (p.endsWith('.jsonl') ? 300 : 0) });
  await page.goto(`./?metrics=manual&dataset=${encodeURIComponent(`${DATA}/.bench/large/manifest.json`)}`);
  const list = page.getByTestId('grasp-list');
  const viewport = await ready(page);
  const countAtFirst = Number(await list.getAttribute('data-count'));
  expect(countAtFirst).toBeLessThan(100_000);
  await expect(list).toHaveAttribute('data-count', '100000', { timeout: 240_000 });
  expect(Number(await viewport.getAttribute('data-hand-parts'))).toBeGreaterThan(5);

  // Scroll through the whole list, a frame per step: only visible rows are ever in the DOM.
  const most = await page.evaluate(async () => {
    const el = document.querySelector('.grasp-list-scroll') as HTMLElement;
    let most = 0;
    for (let i = 0; i <= 40; i++) {
      el.scrollTop = (el.scrollHeight - el.clientHeight) * (i / 40);
      await new Promise(requestAnimationFrame);
      most = Math.max(most, el.querySelectorAll('[role="option"]').length);
    }
    return most;
  });
  expect(most).toBeLessThan(200);
  const rows = page.getByTestId('grasp-list').getByRole('option');
  await expect(rows.last()).toHaveAttribute('data-grasp-id', lastId);
  await rows.last().click();
  await expect(viewport).toHaveAttribute('data-grasp-id', lastId);
  await ready(page);
});

test('the review filters travel in the link', async ({ page, browser }) => {
  await page.goto('./?metrics=manual');
  await ready(page);
  await page.getByRole('tab', { name: 'Filter' }).click();
  const summary = page.getByTestId('pass-summary');
  const all = await summary.textContent();
  await page.getByLabel('Search id and meta').fill('leap');
  await expect(summary).not.toHaveText(all!);
  const filtered = await summary.textContent();
  await expect.poll(() => new URL(page.url()).searchParams.get('filters')).toBeTruthy();

  const other = await browser.newPage();
  await other.goto(page.url());
  await ready(other);
  await expect(other.getByTestId('pass-summary')).toHaveText(filtered!);
  await other.getByRole('tab', { name: 'Filter' }).click();
  await expect(other.getByLabel('Search id and meta')).toHaveValue('leap');
  await other.close();
});

test('files dropped on the page are opened (here a flat folder of reconstructed HOI results)', async ({ page }) => {
  await page.goto('./?metrics=manual');
  await ready(page);
  const dir = path.join(FIXTURES, 'hoi-set');
  const files = ['mug_01_hand.obj', 'mug_01_object.obj', 'mug_01.json'].map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name));
    for (const type of ['dragenter', 'dragover', 'drop']) window.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
  await expect(page.getByTestId('import-report')).toContainText('imported it as hoi-folder');
  const viewport = await ready(page, 'mug_01');
  expect(Number(await viewport.getAttribute('data-object-triangles'))).toBeGreaterThan(100);
  await expect(page.getByTestId('grasp-list')).toHaveAttribute('data-count', '1');
});

test('a URL opened from the dialog gets its own history entry; Back returns to the previous dataset', async ({ page }) => {
  await serveOrigin(page, DATA, FIXTURES);
  await page.goto('./?metrics=manual');
  const first = await ready(page);
  const sampleGrasp = await first.getAttribute('data-grasp-id');
  await page.keyboard.press('Shift+O');
  await page.getByLabel(/Manifest URL/).fill(`${DATA}/tiny-set/manifest.json`);
  await page.getByLabel(/Manifest URL/).press('Enter');
  await ready(page, 'tiny-ball-0');
  expect(new URL(page.url()).searchParams.get('dataset')).toBe(`${DATA}/tiny-set/manifest.json`);
  await page.goBack();
  await ready(page, sampleGrasp!);
  await expect(page.getByTestId('grasp-list')).not.toHaveAttribute('data-count', '3');
  await page.goForward();
  await ready(page, 'tiny-ball-0');
});

test('metrics workers read the meshes of a local folder too', async ({ page }) => {
  await page.goto('./?metrics=manual');
  await ready(page);
  await page.getByRole('button', { name: 'Open…' }).click();
  await page.getByTestId('open-folder-input').setInputFiles(path.join(FIXTURES, 'tiny-set'));
  await ready(page, 'tiny-ball-0');
  const panel = page.getByTestId('metrics-panel');
  await panel.getByRole('button', { name: /^(Compute|Recompute)$/ }).click();
  await expect(page.getByTestId('metrics-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  // The ball of the folder is 8 cm across: the worker measured the local file.
  await expect(panel).toContainText('8.0 × 8.0 × 8.0 cm');
  await expect(panel.locator('.error')).toHaveCount(0);
});
