import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { browserPid, recordsInDb, recordsInJournal, type StoredDecision } from './fixtures/reviewStorage';

/*
 * No decision is lost: a fast burst of key presses, then a reload or a killed browser, and every
 * decision is found again. The bursts press keys back to back with no waits, as a fast annotator does.
 */

const URL = './?e2e&metrics=manual';
const BURST = ['a', 'a', 'x', 'a', 'x', 'x', 'a', 'a', 'a', 'x', 'a', 'x', 'a', 'a', 'x', 'a'];
const DECISION: Record<string, string> = { a: 'accept', x: 'reject' };

async function open(page: Page) {
  await page.goto(URL);
  await expect(page.getByTestId('viewport')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByRole('button', { name: 'Accept', exact: true })).toBeEnabled();
}

const saveState = (page: Page) => page.getByTestId('save-state');

async function listIds(page: Page, n: number): Promise<string[]> {
  return page
    .getByRole('listbox', { name: 'Grasps' })
    .getByRole('option')
    .evaluateAll((els, n) => els.slice(0, n).map((e) => e.getAttribute('data-grasp-id')!), n);
}

/** grasp -> decision as the list shows it; `savedOnly` leaves out decisions the UI marks as still saving. */
async function shownDecisions(page: Page, savedOnly = false): Promise<Record<string, string>> {
  return page
    .getByRole('listbox', { name: 'Grasps' })
    .getByRole('option')
    .evaluateAll((els, savedOnly) => {
      const out: Record<string, string> = {};
      for (const e of els) {
        const badge = e.querySelector('[data-decision]');
        const d = badge?.getAttribute('data-decision');
        if (!d || d === 'undecided' || (savedOnly && badge!.getAttribute('data-saved') === 'false')) continue;
        out[e.getAttribute('data-grasp-id')!] = d;
      }
      return out;
    }, savedOnly);
}

const asMap = (records: StoredDecision[]) => Object.fromEntries(records.map((r) => [r.grasp, r.decision]));

/** Names the annotator with the first decision (on ids[0]), then presses the burst with no waits. */
async function decideBurst(page: Page): Promise<Record<string, string>> {
  const ids = await listIds(page, BURST.length + 1);
  await page.keyboard.press('a');
  const dialog = page.getByRole('dialog', { name: 'Annotator name' });
  await dialog.getByLabel('Your name').fill('kim');
  await dialog.getByRole('button', { name: /^Save/ }).click();
  await expect(saveState(page)).toHaveText('All decisions saved');
  for (const key of BURST) await page.keyboard.press(key);
  return Object.fromEntries([[ids[0], 'accept'], ...BURST.map((k, i) => [ids[i + 1], DECISION[k]])]);
}

test('a fast burst of decisions, then an immediate reload: every decision is found', async ({ page }) => {
  await open(page);
  const expected = await decideBurst(page);
  // Leaving with unsaved decisions asks first (beforeunload); here the user confirms at once.
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.type());
    void d.accept();
  });
  await page.reload();
  await expect(page.getByTestId('viewport')).toHaveAttribute('data-status', 'ready');
  await expect(saveState(page)).toHaveText('All decisions saved');
  const stored = await recordsInDb(page);
  console.log(`burst of ${BURST.length + 1} decisions then reload: ${stored.length} in the database, beforeunload asked ${dialogs.length}×`);
  expect(asMap(stored)).toEqual(expected);
  expect(stored).toHaveLength(BURST.length + 1);
  await expect.poll(() => shownDecisions(page)).toEqual(expected);
  expect(dialogs.every((t) => t === 'beforeunload')).toBe(true);
});

test('the save state shows unsaved decisions, and leaving then asks first', async ({ page, context }) => {
  await open(page);
  const ids = await listIds(page, 2);
  await page.keyboard.press('a');
  const dialog = page.getByRole('dialog', { name: 'Annotator name' });
  await dialog.getByLabel('Your name').fill('kim');
  await dialog.getByRole('button', { name: /^Save/ }).click();
  await expect(saveState(page)).toHaveText('All decisions saved');

  // Another page of the studio's origin holds a read-write transaction on the decision records,
  // so the next decision's write has to wait for it: a slow disk, made on purpose.
  const blocker = await context.newPage();
  await blocker.goto('./sample/manifest.json');
  await blocker.evaluate(async () => {
    const name = (await indexedDB.databases()).map((d) => d.name!).find((n) => n.startsWith('hoi-review:'))!;
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => resolve(r.result);
    });
    const store = db.transaction('records', 'readwrite').objectStore('records');
    const w = window as unknown as { __hold: boolean };
    w.__hold = true;
    // Keep the transaction alive with a chain of reads until told to stop.
    const spin = () => {
      if (w.__hold) store.count().onsuccess = spin;
    };
    spin();
  });

  await page.keyboard.press('x');
  await expect(saveState(page)).toHaveText('Saving 1…');
  await expect(page.locator(`[data-grasp-id="${ids[1]}"] [data-decision]`)).toHaveAttribute('data-saved', 'false');

  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const d = await asked;
  expect(d.type()).toBe('beforeunload');
  await d.dismiss();
  expect(page.isClosed()).toBe(false);

  await blocker.evaluate(() => ((window as unknown as { __hold: boolean }).__hold = false));
  await expect(saveState(page)).toHaveText('All decisions saved');
  await expect(page.locator(`[data-grasp-id="${ids[1]}"] [data-decision]`)).toHaveAttribute('data-saved', 'true');
  expect(asMap(await recordsInDb(blocker))).toEqual({ [ids[0]]: 'accept', [ids[1]]: 'reject' });
});

/** A browser with a profile on disk, so what it wrote outlives its process. */
async function launchProfile(dir: string, testInfo: TestInfo): Promise<BrowserContext> {
  const use = testInfo.project.use;
  return chromium.launchPersistentContext(dir, {
    executablePath: use.launchOptions?.executablePath,
    args: use.launchOptions?.args,
    baseURL: use.baseURL,
    viewport: use.viewport ?? undefined,
  });
}

async function killed(ctx: BrowserContext, dir: string): Promise<void> {
  const pid = browserPid(dir);
  const closed = new Promise((resolve) => ctx.once('close', resolve));
  process.kill(pid, 'SIGKILL');
  await closed;
}

/** After the kill: what a new browser on the same profile finds, before and after the studio starts. */
async function reopen(dir: string, testInfo: TestInfo) {
  const ctx = await launchProfile(dir, testInfo);
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  // A page of the origin that is not the studio: the raw contents, before any replay.
  await page.goto('./sample/manifest.json');
  const rawDb = await recordsInDb(page);
  const rawJournal = await recordsInJournal(page);
  await page.goto(URL);
  await expect(page.getByTestId('viewport')).toHaveAttribute('data-status', 'ready');
  await expect(saveState(page)).toHaveText('All decisions saved');
  return { ctx, page, rawDb, rawJournal, db: await recordsInDb(page) };
}

for (const when of ['right after the burst', 'once the UI says saved'] as const) {
  test(`the browser killed ${when}: every decision shown as saved is there after a restart`, async ({}, testInfo) => {
    // Two cold starts of a browser and the studio.
    test.setTimeout(300_000);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hoi-kill-'));
    try {
      const ctx = await launchProfile(dir, testInfo);
      const page = ctx.pages()[0] ?? (await ctx.newPage());
      await open(page);
      const made = await decideBurst(page);
      if (when === 'once the UI says saved') await expect(saveState(page)).toHaveText('All decisions saved');
      const shownSaved = await shownDecisions(page, true);
      await killed(ctx, dir);

      const after = await reopen(dir, testInfo);
      const union = new Set([...after.rawDb, ...after.rawJournal].map((r) => r.id));
      console.log(
        `killed ${when}: ${Object.keys(made).length} made, ${Object.keys(shownSaved).length} shown saved; after restart ` +
          `${after.rawDb.length} in IndexedDB + ${after.rawJournal.length} in the journal (${union.size} distinct) before the studio starts, ` +
          `${after.db.length} in IndexedDB once it has`,
      );
      const found = asMap(after.db);
      for (const [grasp, decision] of Object.entries(shownSaved)) expect(found[grasp], grasp).toBe(decision);
      if (when === 'once the UI says saved') {
        expect(found).toEqual(made);
        expect(after.rawDb).toHaveLength(Object.keys(made).length);
      }
      // The studio shows what the database holds.
      await expect.poll(() => shownDecisions(after.page)).toEqual(found);
      await after.ctx.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
