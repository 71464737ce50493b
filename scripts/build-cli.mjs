// Builds the CLI to JavaScript (dist-cli/) so it runs after `npm install --omit=dev`, without tsx.
// Dependencies stay external: a production install provides them, and onnxruntime-web must find
// its .wasm next to its own module.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist-cli`;
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // The metrics worker is its own entry: worker threads load it by URL (src/cli/nodePool.ts).
  entryPoints: { main: 'src/cli/main.ts', metricsWorker: 'src/cli/metricsWorker.ts' },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
console.log(`built the CLI into ${outdir}`);
