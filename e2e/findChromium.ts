import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export const HOW_TO_GET_CHROMIUM = [
  'No Chromium found for the browser tests. Install one of:',
  '  Debian/Ubuntu:  sudo apt-get install -y chromium',
  "  Playwright's:   npx playwright install chromium   (needs access to Playwright's download host)",
  'or point CHROMIUM_PATH at a Chromium/Chrome executable.',
].join('\n');

/** Chromium for the e2e tests: $CHROMIUM_PATH, then Playwright's own browser, then a system one. */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own installed.
  }
  return SYSTEM_CANDIDATES.find((p) => existsSync(p)) ?? null;
}
