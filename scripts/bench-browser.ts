// In-browser timings (npx tsx scripts/bench-browser.ts), in the Chromium the e2e tests use, on the
// built site (dist/, built first if missing). The e2e tests check behaviour only; the speeds live here:
// (a) opening the sample; (b) key press -> next grasp selected, and -> the decision committed to
//     IndexedDB ("All decisions saved"); (c) opening a dataset from a slow host, then re-opening it
//     from the Cache API; (d) a 100,000-grasp dataset: first grasp drawn, whole list, main-thread
//     tasks and frame times while scrolling the list.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { findChromium, HOW_TO_GET_CHROMIUM } from '../e2e/findChromium';
import { serveOrigin } from '../e2e/fixtures/serve';
import { serveStatic } from '../e2e/fixtures/staticServer';
import { makeLargeDataset } from './make-large-dataset';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const DATA = 'http://data.test';
// The e2e tests' switches: software GL, no background services.
const ARGS = [
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const executablePath = findChromium();
if (!executablePath) {
  console.log(`browser benchmarks skipped: ${HOW_TO_GET_CHROMIUM}`);
  process.exit(0);
}
if (!existsSync(path.join(dist, 'index.html'))) {
  console.log('building dist/ for the browser benchmarks (vite build)');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0)} ms`;

// tsx (esbuild, keepNames) wraps named functions in functions passed to page.evaluate with __name().
const NAME_SHIM = '(globalThis.__name = globalThis.__name || ((f) => f))';

/** Collects the page's main-thread tasks over 50 ms (Long Tasks API) in window.__longTasks. */
const LONG_TASKS = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
})()`;
const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);

async function ready(page: Page): Promise<void> {
  await page.getByTestId('viewport').and(page.locator('[data-status="ready"]')).waitFor({ timeout: 300_000 });
}

const server = await serveStatic(dist, '/');
const browser = await chromium.launch({ executablePath, args: ARGS });
try {
  // (a) + (b)
  {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(NAME_SHIM);
    await page.addInitScript(LONG_TASKS);
    const t0 = Date.now();
    await page.goto(`${server.url}/`);
    await ready(page);
    console.log(`(a) sample dataset: first grasp drawn ${ms(Date.now() - t0)} after navigation`);
    await page.getByRole('button', { name: 'Accept', exact: true }).waitFor();
    await page.keyboard.press('a');
    const dialog = page.getByRole('dialog', { name: 'Annotator name' });
    await dialog.getByLabel('Your name').fill('bench');
    await dialog.getByRole('button', { name: /^Save/ }).click();
    await page.getByTestId('save-state').filter({ hasText: 'All decisions saved' }).waitFor();
    const moved: number[] = [];
    const saved: number[] = [];
    await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks.length = 0));
    for (let k = 0; k < 10; k++) {
      // In-page clock from the key's keydown to the next grasp selected and to the save state settling.
      await page.evaluate(() => {
        const w = window as unknown as { __t: Promise<[number, number]> };
        w.__t = new Promise((resolve) => {
          let t0 = 0;
          let movedAt = 0;
          const list = document.querySelector('[aria-label="Grasps"]')!;
          const before = list.querySelector('[aria-selected="true"]')?.getAttribute('data-grasp-id');
          addEventListener('keydown', () => (t0 = performance.now()), { once: true, capture: true });
          const check = () => {
            const now = list.querySelector('[aria-selected="true"]')?.getAttribute('data-grasp-id');
            if (!movedAt && now && now !== before) movedAt = performance.now();
            const state = document.querySelector('[data-testid="save-state"]');
            if (movedAt && state?.getAttribute('data-unsaved') === '0') {
              obs.disconnect();
              resolve([movedAt - t0, performance.now() - t0]);
            }
          };
          const obs = new MutationObserver(check);
          obs.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-selected', 'data-unsaved'] });
        });
      });
      await page.keyboard.press(k % 3 === 2 ? 'x' : 'a');
      const [m, s] = await page.evaluate(() => (window as unknown as { __t: Promise<[number, number]> }).__t);
      moved.push(m);
      saved.push(s);
    }
    console.log(
      `(b) review key -> next grasp selected: median ${median(moved).toFixed(1)} ms (max ${Math.max(...moved).toFixed(1)} ms); ` +
        `-> shown as committed to IndexedDB: median ${median(saved).toFixed(1)} ms (max ${Math.max(...saved).toFixed(1)} ms), 10 decisions; ` +
        `main-thread tasks over 50 ms meanwhile: ${(await longTasks(page)).map((t) => t.toFixed(0)).join(', ') || 'none'}`,
    );
    await page.close();
  }

  // (c)
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(NAME_SHIM);
    await serveOrigin(page, DATA, path.join(root, 'e2e/fixtures/open'), { delay: (p) => (p.endsWith('.obj') ? 1200 : 0) });
    const url = `${server.url}/?dataset=${encodeURIComponent(`${DATA}/tiny-set/manifest.json`)}`;
    let t = Date.now();
    await page.goto(url);
    await ready(page);
    const first = Date.now() - t;
    t = Date.now();
    await page.reload();
    await ready(page);
    console.log(`(c) dataset on a slow host (1.2 s per mesh): first open ${ms(first)}, re-open from the cache ${ms(Date.now() - t)}`);
    await context.close();
  }

  // (d)
  {
    const out = path.join(root, '.bench/large');
    if (!existsSync(path.join(out, 'manifest.json'))) makeLargeDataset({ grasps: 100_000, perShard: 10_000, out, sample: path.join(root, 'public/sample') });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(NAME_SHIM);
    await page.addInitScript(LONG_TASKS);
    // 300 ms per shard, so the streaming shows.
    await serveOrigin(page, DATA, root, { delay: (p) => (p.endsWith('.jsonl') ? 300 : 0) });
    const t0 = Date.now();
    await page.goto(`${server.url}/?dataset=${encodeURIComponent(`${DATA}/.bench/large/manifest.json`)}`);
    await ready(page);
    const firstMs = Date.now() - t0;
    const list = page.getByTestId('grasp-list');
    const countAtFirst = Number(await list.getAttribute('data-count'));
    await page.locator('[data-testid="grasp-list"][data-count="100000"]').waitFor({ timeout: 300_000 });
    const allMs = Date.now() - t0;
    // Frames while the list scrolls end to end vs while nothing moves (software GL sets the pace).
    const frameGaps = (scroll: boolean) =>
      page.evaluate(async (scroll) => {
        const el = document.querySelector('.grasp-list-scroll') as HTMLElement;
        const gaps: number[] = [];
        let last = performance.now();
        for (let i = 0; i <= 40; i++) {
          if (scroll) el.scrollTop = (el.scrollHeight - el.clientHeight) * (i / 40);
          await new Promise(requestAnimationFrame);
          const now = performance.now();
          gaps.push(now - last);
          last = now;
        }
        return gaps.sort((a, b) => a - b);
      }, scroll);
    const idle = await frameGaps(false);
    const frames = await frameGaps(true);
    const tasks = await longTasks(page);
    console.log(
      `(d) 100,000 grasps (10 shards, 300 ms each): first grasp drawn after ${ms(firstMs)} (${countAtFirst.toLocaleString('en-US')} listed), ` +
        `all listed after ${ms(allMs)}; longest main-thread task ${ms(Math.max(0, ...tasks))}; ` +
        `frame median while scrolling ${median(frames).toFixed(1)} ms (max ${frames.at(-1)!.toFixed(1)} ms) vs ${median(idle).toFixed(1)} ms without`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
