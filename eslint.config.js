// Lint: typescript-eslint's recommended rules, the React hooks rules, and no import cycles.
// Not type-aware: the type-checked presets take minutes on a 2-core CI box; `tsc --noEmit` already runs in CI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['dist/', 'dist-*/', 'public/', 'node_modules/', 'test-results/', 'playwright-report/', '.bench/', '.e2e-*/', 'tools/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.worker, ...globals.node },
    },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // useGeometry (viewport) takes deps like useMemo; check them at its call sites too.
      'react-hooks/exhaustive-deps': ['error', { additionalHooks: '^useGeometry$' }],
      // Cycles make load order matter and break worker bundles; ignore package code (only our files can cycle).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Unused arguments and caught errors are often part of a signature; the leading underscore marks them.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['e2e/**/*.ts'],
    // Playwright reads the fixtures a test uses from its first parameter's destructuring, so `{}` is how a test asks for none.
    rules: { 'no-empty-pattern': 'off' },
  },
);
