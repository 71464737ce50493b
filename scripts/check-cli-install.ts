// Proves the CLI runs from a production install: packs the package (prepack builds dist-cli/),
// installs the tarball with `npm install --omit=dev` into a temp folder (no tsx there), and runs
// `hoi-studio --help` and `hoi-studio metrics` on a tiny dataset on worker threads.
// Run: npm run check:cli-install (needs the npm registry or a warm npm cache).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCliTestDataset } from '../src/cli/cliTestDataset.testutil';
import { parseResultsFile } from '../src/core/metrics/resultsFile';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(tmpdir(), 'hoi-cli-install-'));
const dataset = makeCliTestDataset();
const fail = (why: string): never => {
  console.error(`check-cli-install: ${why} (left ${work} for a look)`);
  process.exit(1);
};

try {
  const packOut = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  // prepack (build:cli) prints to the same stdout, before npm's JSON.
  const packed = JSON.parse(packOut.slice(packOut.indexOf('[\n')));
  const tarball = path.join(work, packed[0].filename);
  const shipped: string[] = packed[0].files.map((f: { path: string }) => f.path);
  console.log(`packed ${packed[0].filename}: ${shipped.length} files, ${(packed[0].size / 1024).toFixed(0)} KiB`);
  if (!shipped.includes('dist-cli/main.mjs') || !shipped.includes('dist-cli/metricsWorker.mjs')) fail('the tarball lacks dist-cli/');
  if (shipped.some((f) => f.startsWith('src/'))) fail('the tarball ships src/');

  const app = path.join(work, 'app');
  mkdirSync(app);
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'cli-install-check', private: true }));
  execFileSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: app, stdio: 'inherit' });
  if (existsSync(path.join(app, 'node_modules/tsx'))) fail('tsx was installed by a production install');
  const bin = path.join(app, 'node_modules/.bin/hoi-studio');

  const help = spawnSync(bin, ['--help'], { cwd: app, encoding: 'utf8' });
  if (help.status !== 0 || !help.stdout.includes('Commands:')) fail(`hoi-studio --help exited ${help.status}: ${help.stderr}`);
  console.log('hoi-studio --help: ok');

  const out = path.join(app, 'metrics.json');
  const run = spawnSync(bin, ['metrics', path.join(dataset, 'manifest.json'), '--out', out, '--workers', '2', '--samples', '256', '--quiet'], { cwd: app, encoding: 'utf8' });
  if (!existsSync(out)) fail(`hoi-studio metrics wrote no results (exit ${run.status}): ${run.stderr}`);
  const rows = parseResultsFile(readFileSync(out, 'utf8'), 'metrics.json').rows;
  const computed = rows.filter((r) => r.contact_ratio_pct !== null);
  console.log(`hoi-studio metrics (exit ${run.status}): ${rows.length} rows, ${computed.length} with metrics, ${rows.length - computed.length} with errors only`);
  // The test dataset has 7 grasps; 2 cannot be computed at all (missing / unknown object).
  if (rows.length !== 7 || computed.length !== 5) fail('unexpected results from the installed CLI');
  console.log('check-cli-install: the CLI runs after npm install --omit=dev');
  rmSync(work, { recursive: true, force: true });
} finally {
  rmSync(dataset, { recursive: true, force: true });
}
