import { configDefaults, defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { availableParallelism } from 'node:os';

// Cross-origin isolation lets multithreaded WASM (onnxruntime-web) use SharedArrayBuffer.
// "credentialless" rather than "require-corp" so datasets on other CORS hosts still load.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'credentialless',
};

const STATEFUL = ['src/state/**/*.test.ts', 'src/storage/**/*.test.ts'];

export default defineConfig({
  // Relative base: the built site works under any path on any static host.
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    rolldownOptions: {
      output: {
        // The libraries every session needs in their own chunks: a new release of the studio's code
        // leaves them cached. Only three's core: its loaders (three/examples) stay in the lazy
        // chunks of the importers that use them.
        codeSplitting: {
          groups: [
            { name: 'vendor-three', test: /node_modules[\\/](three[\\/]build|@react-three[\\/]fiber)[\\/]/ },
            { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  // ORT finds its .wasm relative to its own module; pre-bundling would move the module away from it.
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  server: { headers: isolationHeaders, port: 5173 },
  preview: { headers: isolationHeaders, port: 4173 },
  test: {
    environment: 'node',
    // Vitest leaves a core free by default; on the 2-core CI machine both cores cut the run by a quarter.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        // Plain functions with no globals to stub: one module graph per worker, not per file, halves
        // the run (importing three, onnxruntime and the core again for each of ~90 files was half of it).
        test: { name: 'core', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'workers/**/*.test.ts'], exclude: [...configDefaults.exclude, ...STATEFUL], isolate: false },
      },
      // Stores and IndexedDB (fake-indexeddb, stubbed globals, module-level stores): a fresh module graph per file.
      { extends: true, test: { name: 'state', include: STATEFUL } },
    ],
  },
});
