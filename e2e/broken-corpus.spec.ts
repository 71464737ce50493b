import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { REPO, serveOrigin } from './fixtures/serve';
import { generatedCorpus, type GeneratedFile } from './fixtures/broken/make-corpus';

/*
 * Opens every case of the broken-input corpus (e2e/fixtures/broken, made by make-corpus.ts) from
 * another origin. Each must be named in the page (file + problem), the good grasp "ok" of the
 * case must still render, no dialog may open and no markup from the data may become HTML.
 * Cases too big to commit (bombs, 200,000 duplicates) are made at test time by make-corpus.ts.
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
  /** made at test time (generatedCorpus) and served by a real HTTP server, gzip encoding included */
  generated?: boolean;
  /** extra page parameters, e.g. a lower size limit */
  query?: string;
  /** how long the selected grasp may take to settle (a bomb is inflated up to its cap by several workers) */
  settleMs?: number;
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
  // Dataset strings that name Object.prototype's members.
  {
    name: 'proto-object',
    count: 1,
    expect: [['issues', 'manifest.json', 'grasp "g-constructor" refers to unknown object "constructor"', 'grasp "g-proto" refers to unknown object "__proto__"']],
  },
  {
    name: 'proto-hand',
    count: 1,
    expect: [['issues', 'manifest.json', 'grasp "g-tostring" refers to unknown hand "toString"', 'grasp "g-hasown" refers to unknown hand "hasOwnProperty"']],
  },
  // ...and as real ids they simply work.
  { name: 'proto-ids', count: 3, select: 'proto-hand', expect: [['grasp-info', 'constructor (__proto__)']] },
  { name: 'glb-null-mesh', select: 'bad', expect: [['issues', 'meshes/null-mesh.glb: invalid glTF JSON: meshes.0: Invalid input: expected object, received null']] },
  { name: 'glb-buffers-nan', select: 'bad', expect: [['issues', 'meshes/buffers-nan.glb: invalid glTF JSON: buffers: Invalid input: expected array, received string']] },
  { name: 'gltf-no-scenes', select: 'bad', expect: [['issues', 'meshes/no-scenes.glb: glTF has no scenes and no nodes: nothing to show']] },
  { name: 'glb-deep-nesting', select: 'bad', expect: [['issues', 'meshes/deep.glb: invalid glTF JSON: nodes are nested 257 levels deep (limit 256)']] },
  {
    name: 'gltf-bad-accessor',
    select: 'bad',
    expect: [['issues', 'meshes/bad-accessor.glb: invalid glTF JSON: accessors.0 (222000 × VEC3) needs 2664000 bytes but bufferView 0 has 2664']],
  },
  { name: 'gltf-node-cycle', select: 'bad', expect: [['issues', 'meshes/cycle.glb: invalid glTF JSON: node 0 is its own ancestor (cycle in the node tree)']] },
  { name: 'stl-ascii-bad', select: 'bad', expect: [['issues', 'meshes/bad.stl: ASCII STL is corrupt']] },
  { name: 'ply-ascii-bad', select: 'bad', expect: [['issues', 'meshes/bad.ply: 1 triangle indices are out of range (mesh has 3 vertices)']] },
  { name: 'urdf-cycle', select: 'tiny-hand', expect: [['issues', "urdf-cycle/hand/tiny_hand.urdf: link 'a' is the child of more than one joint (j1, j3)"]] },
  { name: 'urdf-rootless', select: 'tiny-hand', expect: [['issues', 'urdf-rootless/hand/tiny_hand.urdf: no root link: every link is the child of a joint']] },
  { name: 'urdf-mimic-cycle', select: 'tiny-hand', expect: [['issues', 'urdf-mimic-cycle/hand/tiny_hand.urdf: mimic joints form a cycle']] },
  {
    name: 'path-escape',
    select: 'escape',
    expect: [['issues', 'manifest.json', `objects.passwd: mesh "../../etc/passwd" lies outside the dataset's folder (${DATA}/etc/passwd); loading it anyway`, '1 warning']],
  },
  {
    name: 'other-origin',
    select: 'far-away',
    expect: [['issues', 'manifest.json', 'objects.far: mesh "http://elsewhere.test/_good/ball.obj" is fetched from another host (elsewhere.test)']],
  },
  // Made at test time: decompression bombs (capped while they stream), 200,000 duplicates, huge faces, deep XML.
  { name: 'gzip-bomb-manifest', generated: true, fatal: true, expect: [['load-error', 'manifest.json', 'decodes to more than 64 MiB (the limit for a manifest']] },
  {
    name: 'gzip-bomb-shard',
    generated: true,
    query: '&maxShardMB=16',
    count: 1,
    expect: [['issues', 'grasps.jsonl: cannot read shard (decodes to more than 16 MiB (the limit for a shard']],
  },
  {
    name: 'gzip-bomb-mesh',
    generated: true,
    query: '&maxMeshMB=8',
    select: 'bad',
    settleMs: 90_000,
    expect: [['issues', 'meshes/bomb.obj: cannot read mesh (decodes to more than 8 MiB (the limit for a mesh']],
  },
  {
    name: 'dup-200k',
    generated: true,
    count: 2,
    expect: [['issues', 'grasps.jsonl: 200,000 duplicate grasp ids skipped, keeping the first of each (first at line 3: duplicate grasp id "twin")']],
  },
  { name: 'obj-huge-face', generated: true, select: 'bad', expect: [['issues', 'meshes/face.obj: line 4: face with 200,000 vertices (limit 1,024)']] },
  { name: 'urdf-deep', generated: true, select: 'tiny-hand', expect: [['issues', 'urdf-deep/hand/tiny_hand.urdf: XML elements nested more than 64 levels deep (limit 64)']] },
];

/** A real HTTP server (gzip Content-Encoding is undone by the browser, as from any web host). */
let generated: { server: Server; origin: string } | null = null;
test.beforeAll(async () => {
  const files = await generatedCorpus();
  const server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).slice(1);
    const headers: Record<string, string> = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' };
    const made: GeneratedFile | undefined = files.get(urlPath);
    const disk = path.join(CORPUS, urlPath);
    const body = made?.body ?? (disk.startsWith(CORPUS) && existsSync(disk) && statSync(disk).isFile() ? readFileSync(disk) : null);
    if (!body) return res.writeHead(404, headers).end('not found');
    if (made?.gzip) headers['content-encoding'] = 'gzip';
    res.writeHead(200, { ...headers, 'content-length': String(body.byteLength) });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  generated = { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
});
test.afterAll(async () => {
  await new Promise((r) => generated?.server.close(r));
});

/** Elements or handlers that would exist only if dataset text had been parsed as HTML. */
async function injected(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('img[src="x"], [onerror], [onload], [onmouseover], svg[onload], #root script').length);
}

async function shows(page: Page, id: string, manifest?: string, timeout?: number) {
  const viewport = page.getByTestId('viewport');
  // Every case has a grasp "ok": only the manifest tells this dataset's from the previous one's.
  if (manifest) await expect(viewport).toHaveAttribute('data-manifest', manifest);
  await expect(viewport).toHaveAttribute('data-grasp-id', id);
  await expect(viewport).toHaveAttribute('data-status', 'ready', { timeout });
  return viewport;
}

/** Opens a case: by the page URL when it is the first of its group or carries limits, else by the Open dialog. */
async function openCase(page: Page, c: Case, byUrl: boolean): Promise<string> {
  const origin = c.generated ? generated!.origin : DATA;
  const manifest = `${origin}/${c.name}/manifest.json`;
  if (byUrl) {
    await page.goto(`./?metrics=manual&dataset=${encodeURIComponent(manifest)}${c.query ?? ''}`);
  } else {
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByLabel(/Manifest URL/).fill(manifest);
    await page.getByRole('button', { name: 'Open URL' }).click();
  }
  return manifest;
}

async function checkCase(page: Page, c: Case, manifest: string) {
  if (c.settleMs) test.setTimeout(test.info().timeout + c.settleMs);
  if (c.fatal) {
    for (const [where, ...texts] of c.expect) for (const t of texts) await expect(page.getByTestId(where)).toContainText(t);
    // The studio still works: another dataset opens from the Open dialog.
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByLabel(/Manifest URL/).fill(`${DATA}/xss/manifest.json`);
    await page.getByRole('button', { name: 'Open URL' }).click();
    await shows(page, 'ok', `${DATA}/xss/manifest.json`);
    return;
  }
  const viewport = await shows(page, 'ok', manifest);
  expect(Number(await viewport.getAttribute('data-object-triangles'))).toBeGreaterThan(100);
  expect(Number(await viewport.getAttribute('data-hand-parts'))).toBeGreaterThan(5);
  if (c.count !== undefined) await expect(page.getByTestId('grasp-list')).toHaveAttribute('data-count', String(c.count));
  if (c.select) {
    await page.locator('[data-testid="grasp-list"] [role="option"]').filter({ hasText: c.select }).first().click();
    await shows(page, c.select, manifest, c.settleMs);
  }
  for (const [where, ...texts] of c.expect) for (const t of texts) await expect(page.getByTestId(where)).toContainText(t);
  // Back on the good grasp: it renders as before.
  if (c.select) {
    await page.locator('[data-testid="grasp-list"] [role="option"][data-grasp-id="ok"]').click();
    const v = await shows(page, 'ok', manifest);
    expect(Number(await v.getAttribute('data-object-triangles'))).toBeGreaterThan(100);
  }
}

// Cases run in groups on one page, each opened as a user would open the next dataset: this also checks
// that nothing of one broken dataset leaks into the next, and it spares a page start per case.
const GROUP = 8;
for (let g = 0; g < CASES.length; g += GROUP) {
  const group = CASES.slice(g, g + GROUP);
  test(`broken input: ${group.map((c) => c.name).join(', ')}`, async ({ page }) => {
    test.setTimeout(group.length * 60_000);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await serveOrigin(page, DATA, CORPUS);
    await serveOrigin(page, 'http://elsewhere.test', CORPUS);
    for (let i = 0; i < group.length; i++) {
      const c = group[i];
      await test.step(c.name, async () => {
        const manifest = await openCase(page, c, i === 0 || !!c.query || !!group[i - 1].query);
        await checkCase(page, c, manifest);
        expect(await injected(page)).toBe(0);
        expect(dialogs).toEqual([]);
        expect(pageErrors).toEqual([]);
      });
    }
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
