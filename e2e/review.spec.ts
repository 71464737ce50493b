import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';

// ?e2e installs window.__hoiStudio (metric rows can be injected); every test gets a fresh
// browser context, so a fresh IndexedDB.
const URL = './?e2e&metrics=manual';

async function open(page: Page) {
  await page.goto(URL);
  await expect(page.getByTestId('viewport')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByRole('button', { name: 'Accept', exact: true })).toBeEnabled();
}

async function listIds(page: Page, n: number): Promise<string[]> {
  return page
    .getByRole('listbox', { name: 'Grasps' })
    .getByRole('option')
    .evaluateAll((els, n) => els.slice(0, n).map((e) => e.getAttribute('data-grasp-id')!), n);
}

const panel = (page: Page) => page.getByRole('region', { name: 'Review' });
const badge = (page: Page, id: string) => page.locator(`[data-grasp-id="${id}"] [data-decision]`);
const selectedId = (page: Page) => page.getByRole('listbox', { name: 'Grasps' }).getByRole('option', { selected: true }).getAttribute('data-grasp-id');

async function nameAnnotator(page: Page, name: string) {
  const dialog = page.getByRole('dialog', { name: 'Annotator name' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Your name').fill(name);
  await dialog.getByRole('button', { name: /^Save/ }).click();
  await expect(dialog).toBeHidden();
}

test('decides with the keyboard, undoes, and finds the decisions after a reload', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await open(page);
  const ids = await listIds(page, 5);

  // The first decision asks for the annotator once, then is made.
  await page.keyboard.press('a');
  await nameAnnotator(page, 'alice');
  await expect(badge(page, ids[0])).toHaveAttribute('data-decision', 'accept');
  await expect.poll(() => selectedId(page)).toBe(ids[1]);

  // A ticked reason goes with the decision; the checkbox keeps no keyboard focus hostage.
  await panel(page).getByRole('checkbox', { name: 'penetration', exact: true }).check();
  await page.keyboard.press('x');
  await expect(badge(page, ids[1])).toHaveAttribute('data-decision', 'reject');
  await expect.poll(() => selectedId(page)).toBe(ids[2]);
  // The reasons were for grasp 1 only: grasp 2 starts with none ticked.
  await expect(panel(page).getByRole('checkbox', { name: 'penetration', exact: true })).not.toBeChecked();

  // Space skips (and does not toggle or scroll anything), backspace undoes it and goes back.
  // (How soon the next grasp is selected after the key, `npm run bench` measures: scripts/bench-browser.ts.)
  await page.keyboard.press(' ');
  await expect.poll(() => selectedId(page)).toBe(ids[3]);
  await expect(badge(page, ids[2])).toHaveAttribute('data-decision', 'skip');
  await page.keyboard.press('Backspace');
  await expect.poll(() => selectedId(page)).toBe(ids[2]);
  await expect(badge(page, ids[2])).toHaveAttribute('data-decision', 'undecided');
  const history = page.getByTestId('decision-history');
  await expect(history.locator('li')).toHaveCount(2);
  await expect(history.locator('li.withdrawn')).toHaveAttribute('data-decision', 'skip');
  await expect(page.getByTestId('progress-count')).toHaveText('2 / 410');

  // Arrow keys still move through the list.
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => selectedId(page)).toBe(ids[3]);

  await expect(page.getByTestId('save-state')).toHaveText('All decisions saved');
  await page.reload();
  await expect(page.getByTestId('viewport')).toHaveAttribute('data-status', 'ready');
  await expect(badge(page, ids[0])).toHaveAttribute('data-decision', 'accept');
  await expect(badge(page, ids[1])).toHaveAttribute('data-decision', 'reject');
  await expect(badge(page, ids[2])).toHaveAttribute('data-decision', 'undecided');
  await expect(page.getByTestId('annotator-name')).toHaveText('alice');
  await page.locator(`[data-grasp-id="${ids[1]}"]`).click();
  const h = page.getByTestId('decision-history');
  await expect(h.locator('li')).toHaveCount(1);
  await expect(h).toContainText('reject');
  await expect(h).toContainText('alice');
  await expect(h).toContainText('penetration');
  expect(errors).toEqual([]);
});

test('two tabs on one dataset see each other’s decisions and lose none', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await open(a);
  await open(b);
  const ids = await listIds(a, 12);

  await a.keyboard.press('a');
  await nameAnnotator(a, 'alice');
  await expect(badge(b, ids[0])).toHaveAttribute('data-decision', 'accept');
  // The annotator setting is shared by the tabs.
  await expect(b.getByTestId('annotator-name')).toHaveText('alice');

  await b.locator(`[data-grasp-id="${ids[6]}"]`).click();
  await b.keyboard.press('x');
  await expect(badge(a, ids[6])).toHaveAttribute('data-decision', 'reject');

  // Both tabs writing at once: every record arrives in both.
  await Promise.all([
    (async () => {
      for (let k = 0; k < 4; k++) await a.keyboard.press('a');
    })(),
    (async () => {
      for (let k = 0; k < 4; k++) await b.keyboard.press('x');
    })(),
  ]);
  for (const p of [a, b]) {
    await panel(p).getByRole('tab', { name: 'Export / import' }).click();
    await expect(p.getByText(/^10 records/)).toBeVisible();
  }
  for (const k of [1, 2, 3, 4]) await expect(badge(b, ids[k])).toHaveAttribute('data-decision', 'accept');
  for (const k of [7, 8, 9, 10]) await expect(badge(a, ids[k])).toHaveAttribute('data-decision', 'reject');
});

test('exports decisions as JSON, clears them, and re-imports them', async ({ page }) => {
  await open(page);
  const ids = await listIds(page, 4);
  await page.keyboard.press('a');
  await nameAnnotator(page, 'carol');
  await panel(page).getByLabel('Note').fill('thumb looks odd');
  await panel(page).getByLabel('Note').press('Escape');
  await page.keyboard.press('x');
  await page.keyboard.press('a');
  await expect(badge(page, ids[2])).toHaveAttribute('data-decision', 'accept');

  await panel(page).getByRole('tab', { name: 'Export / import' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), panel(page).getByRole('button', { name: 'Export JSON' }).click()]);
  expect(download.suggestedFilename()).toMatch(/-decisions\.json$/);
  const file = await download.path();
  const json = JSON.parse(readFileSync(file, 'utf8'));
  expect(json.dataset.name).toContain('HOI Studio sample');
  expect(json.decisions.map((d: { grasp: string; decision: string }) => `${d.grasp}:${d.decision}`)).toEqual([`${ids[0]}:accept`, `${ids[1]}:reject`, `${ids[2]}:accept`]);
  for (const d of json.decisions) {
    expect(d.annotator).toBe('carol');
    expect(new Date(d.time).toISOString()).toBe(d.time);
  }
  expect(json.decisions[1].note).toBe('thumb looks odd');

  page.once('dialog', (d) => d.accept());
  await panel(page).getByRole('button', { name: 'Clear decisions' }).click();
  await expect(page.getByText(/^0 records/)).toBeVisible();
  await expect(badge(page, ids[0])).toHaveAttribute('data-decision', 'undecided');

  await page.getByLabel('Import decision files').setInputFiles(file);
  await expect(page.getByTestId('review-notice')).toContainText('3 of your 3 restored');
  await expect(badge(page, ids[0])).toHaveAttribute('data-decision', 'accept');
  await expect(badge(page, ids[1])).toHaveAttribute('data-decision', 'reject');
  await expect(badge(page, ids[2])).toHaveAttribute('data-decision', 'accept');
  // Importing the same file again adds nothing.
  await page.getByLabel('Import decision files').setInputFiles(file);
  await expect(page.getByTestId('review-notice')).toContainText('0 of your 3 restored');
  await expect(page.getByText(/^3 records/)).toBeVisible();
  // And the decisions are stored again, not only shown.
  await page.reload();
  await expect(page.getByTestId('viewport')).toHaveAttribute('data-status', 'ready');
  await expect(badge(page, ids[1])).toHaveAttribute('data-decision', 'reject');
});

function expectedSummary(n: number, total: number) {
  return `${n} of ${total} pass: ${Number(((100 * n) / total).toFixed(1))}%`;
}

test('metric thresholds with a per-category override change the pass count', async ({ page }) => {
  await open(page);
  // ?metrics=manual: nothing computes in the background, so only the injected rows count.
  await expect(page.getByTestId('metrics-status')).toHaveAttribute('data-status', 'idle');
  const grasps: { id: string; category: string }[] = await page.evaluate(() =>
    (window as unknown as { __hoiStudio: { grasps(): { id: string; category: string }[] } }).__hoiStudio.grasps(),
  );
  const depth = (k: number) => (k % 10) / 10;
  await page.evaluate(
    (rows) => (window as unknown as { __hoiStudio: { setMetricRows(r: unknown[]): number } }).__hoiStudio.setMetricRows(rows),
    grasps.map((g, k) => ({ id: g.id, penetration_depth_cm: depth(k), contact_ratio_pct: 50 })),
  );
  const total = grasps.length;
  const count = (ok: (g: { category: string }, v: number) => boolean) => grasps.filter((g, k) => ok(g, depth(k))).length;

  await panel(page).getByRole('tab', { name: 'Filter' }).click();
  await expect(page.getByTestId('pass-summary')).toHaveText(expectedSummary(total, total));
  await page.getByLabel('Penetration depth max', { exact: true }).fill('0.45');
  const globalOnly = count((_, v) => v <= 0.45);
  expect(globalOnly).toBeLessThan(total);
  await expect(page.getByTestId('pass-summary')).toHaveText(expectedSummary(globalOnly, total));
  await expect(page.getByTestId('list-shown')).toHaveText(`${globalOnly} of ${total} shown`);

  await page.getByLabel('Threshold scope').selectOption('mug');
  await page.getByLabel('Penetration depth max for mug').fill('0.75');
  const withOverride = count((g, v) => v <= (g.category === 'mug' ? 0.75 : 0.45));
  expect(withOverride).toBeGreaterThan(globalOnly);
  await expect(page.getByTestId('pass-summary')).toHaveText(expectedSummary(withOverride, total));
  await expect(page.getByTestId('overrides')).toContainText('mug');

  // Dragging the global max handle far left tightens the rule for every other category.
  await page.getByLabel('Threshold scope').selectOption('');
  const svg = page.getByTestId('histogram-penetration_depth_cm').locator('svg');
  const box = (await svg.boundingBox())!;
  const handle = page.getByTestId('histogram-penetration_depth_cm').locator('[data-handle="max"] rect');
  const hb = (await handle.boundingBox())!;
  await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.22, box.y + 10, { steps: 5 });
  await page.mouse.up();
  const dragged = Number(await page.getByLabel('Penetration depth max', { exact: true }).inputValue());
  expect(dragged).toBeGreaterThan(0.1);
  expect(dragged).toBeLessThan(0.3);
  await expect(page.getByTestId('pass-summary')).toHaveText(
    expectedSummary(
      count((g, v) => v <= (g.category === 'mug' ? 0.75 : dragged)),
      total,
    ),
  );

  // The handle is a slider for the keyboard too: an arrow steps the bound, Delete removes it
  // (and does not reach the studio's Backspace/Delete shortcuts).
  const slider = page.getByRole('slider', { name: 'Maximum Penetration depth (cm)' });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Number(await page.getByLabel('Penetration depth max', { exact: true }).inputValue())).toBeGreaterThan(dragged);
  await page.keyboard.press('Delete');
  await expect(page.getByLabel('Penetration depth max', { exact: true })).toHaveValue('');
  await expect(page.getByTestId('pass-summary')).toHaveText(
    expectedSummary(
      count((g, v) => g.category !== 'mug' || v <= 0.75),
      total,
    ),
  );

  // "Show all" lists every grasp again without changing the filter.
  await page.getByLabel('Show all').check();
  await expect(page.getByTestId('list-shown')).toHaveText(`${total} of ${total} shown`);

  // Summary table: the passing set's mean follows the filter.
  await panel(page).getByRole('tab', { name: 'Summary' }).click();
  await expect(page.getByTestId('summary-table').locator('tr[data-set="All"] td').first()).toHaveText(String(total));
});

test('? opens the keyboard help listing every action; Escape closes it', async ({ page }) => {
  await open(page);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const [label, key] of [
    ['Accept', 'a'],
    ['Reject', 'x'],
    ['Skip', 'Space'],
    ['Undo the last decision', 'Backspace'],
    ['Next grasp', '↓'],
  ]) {
    const row = help.locator('tr', { hasText: label }).first();
    await expect(row).toContainText(key);
  }
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

/** Stops the background computation and gives every grasp a known penetration depth. */
async function injectDepths(page: Page, depth: (k: number) => number) {
  await expect(page.getByTestId('metrics-status')).toHaveAttribute('data-status', 'idle');
  type Hooks = { __hoiStudio: { grasps(): { id: string }[]; setMetricRows(rows: unknown[]): void } };
  const grasps = await page.evaluate(() => (window as unknown as Hooks).__hoiStudio.grasps());
  await page.evaluate(
    (rows) => (window as unknown as Hooks).__hoiStudio.setMetricRows(rows),
    grasps.map((g, k) => ({ id: g.id, penetration_depth_cm: depth(k), contact_ratio_pct: 50 })),
  );
  return grasps.map((g) => g.id);
}

test('the list sorts by a metric heading, both ways and by keyboard, ties in dataset order', async ({ page }) => {
  await open(page);
  const depth = (k: number) => (k * 7) % 10;
  const ids = await injectDepths(page, depth);
  const expected = (dir: 1 | -1) =>
    ids
      .map((id, k) => ({ id, k, v: depth(k) }))
      .sort((a, b) => (a.v === b.v ? a.k - b.k : dir * (a.v - b.v)))
      .slice(0, 6)
      .map((x) => x.id);
  const heading = page.locator('[data-column="penetration_depth_cm"]');
  await heading.getByRole('button').click();
  await expect(heading).toHaveAttribute('data-sort', 'ascending');
  await expect.poll(() => listIds(page, 6)).toEqual(expected(1));
  await heading.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(heading).toHaveAttribute('data-sort', 'descending');
  // The list keeps the selected grasp (now near the end) in view: look at the top.
  await expect
    .poll(async () => {
      await page.locator('.grasp-list-scroll').evaluate((el) => (el.scrollTop = 0));
      return listIds(page, 6);
    })
    .toEqual(expected(-1));
  await expect(page.getByTestId('queue-order')).toHaveText('Penetration depth ↓');
  // The full id is on the row (and its tooltip) even where the column cuts it.
  const top = expected(-1)[0];
  await expect(page.locator(`[data-grasp-id="${top}"] .grasp-id`)).toHaveAttribute('title', top);
});

test('batch accept of every grasp passing the filters, after a confirmation, undone by one backspace', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await open(page);
  const ids = await injectDepths(page, (k) => (k % 4) / 10);
  const passing = ids.filter((_, k) => (k % 4) / 10 <= 0.15);
  await page.keyboard.press('a');
  await nameAnnotator(page, 'bob');
  await expect(badge(page, ids[0])).toHaveAttribute('data-decision', 'accept');
  await panel(page).getByRole('tab', { name: 'Filter' }).click();
  await page.getByLabel('Penetration depth max', { exact: true }).fill('0.15');
  await expect(page.getByTestId('list-shown')).toHaveText(`${passing.length} of ${ids.length} shown`);
  await panel(page).getByRole('tab', { name: 'Review' }).click();

  const batch = page.getByTestId('batch-actions');
  // ids[0] passes and is accepted already: the batch names only the grasps it changes.
  await batch.getByRole('button', { name: /^Accept all/ }).click();
  await expect(batch).toContainText(`Accept ${passing.length - 1} grasps passing the filters?`);
  await batch.getByRole('button', { name: `Accept ${passing.length - 1}` }).click();
  await expect(page.getByTestId('save-state')).toHaveText('All decisions saved');
  for (const id of passing.slice(0, 5)) await expect(badge(page, id)).toHaveAttribute('data-decision', 'accept');
  await expect(page.getByTestId('progress-count')).toHaveText(`${passing.length} / ${passing.length}`);

  // Durable: a reload finds the batch (the reload recomputes metrics, so look with Show all);
  // one backspace withdraws all of it, not the decision before.
  await page.reload();
  await expect(page.getByTestId('viewport')).toHaveAttribute('data-status', 'ready');
  await page.getByLabel('Show all').check();
  for (const id of passing.slice(1, 4)) await expect(badge(page, id)).toHaveAttribute('data-decision', 'accept');
  await page.keyboard.press('Backspace');
  for (const id of passing.slice(1, 4)) await expect(badge(page, id)).toHaveAttribute('data-decision', 'undecided');
  await expect(badge(page, ids[0])).toHaveAttribute('data-decision', 'accept');

  // A plain URL (no filters=) brings the dataset's last filters back; min above max is flagged.
  await page.goto(URL);
  await expect(page.getByTestId('viewport')).toHaveAttribute('data-status', 'ready');
  await panel(page).getByRole('tab', { name: 'Filter' }).click();
  await expect(page.getByLabel('Penetration depth max', { exact: true })).toHaveValue('0.15');
  await page.getByLabel('Penetration depth min', { exact: true }).fill('0.5');
  await page.getByLabel('Penetration depth min', { exact: true }).press('Tab');
  await expect(page.getByTestId('conflict-penetration_depth_cm')).toContainText('Min is above max');
  expect(errors).toEqual([]);
});

test('number keys tick the reasons, n goes to the note, and holding an arrow key raises no page error', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await open(page);
  const reasons = panel(page).locator('fieldset.reasons input[type="checkbox"]');
  await page.keyboard.press('1');
  await expect(reasons.nth(0)).toBeChecked();
  await page.keyboard.press('3');
  await expect(reasons.nth(2)).toBeChecked();
  await page.keyboard.press('1');
  await expect(reasons.nth(0)).not.toBeChecked();
  await page.keyboard.press('n');
  await expect(panel(page).getByLabel('Note')).toBeFocused();
  await page.keyboard.type('12 fingers');
  await expect(reasons.nth(1)).not.toBeChecked();
  await page.keyboard.press('Escape');
  await page.keyboard.press('x');
  await nameAnnotator(page, 'carol');
  const history = page.getByTestId('decision-history');
  await page.keyboard.press('ArrowUp');
  await expect(history).toContainText('12 fingers');

  // A held arrow key: many presses without waiting for the grasps to draw.
  const first = await selectedId(page);
  for (let k = 0; k < 40; k++) await page.keyboard.press('ArrowDown', { delay: 0 });
  await expect.poll(() => selectedId(page)).not.toBe(first);
  await expect(page.getByTestId('viewport')).toHaveAttribute('data-status', 'ready');
  await page.waitForTimeout(500);
  expect(errors).toEqual([]);
});
