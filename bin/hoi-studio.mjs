#!/usr/bin/env node
// Launcher. A source checkout with its dev dependencies runs the TypeScript through tsx, so an edit
// never meets a stale build; an installed package (no src/, no tsx) runs the built CLI in dist-cli/,
// made by `npm run build:cli` and on `npm pack`.
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'src/cli/main.ts');
const built = path.join(root, 'dist-cli/main.mjs');

function resolveTsx() {
  try {
    // Resolved from this file, not the caller's directory, so the CLI runs from anywhere.
    return import.meta.resolve('tsx');
  } catch {
    return null;
  }
}

const tsx = existsSync(source) ? resolveTsx() : null;
if (tsx) {
  // Worker threads inherit the --import flag.
  const child = spawn(process.execPath, ['--import', tsx, source, ...process.argv.slice(2)], { stdio: 'inherit', cwd: process.cwd() });
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
} else if (existsSync(built)) {
  await import(pathToFileURL(built).href);
} else {
  console.error(`hoi-studio: ${built} is missing; run "npm run build:cli" in ${root}`);
  process.exit(1);
}
