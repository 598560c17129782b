import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Lint, type-aware (the root tsconfig's program), and the layering rule of docs/architecture.md:
 * - the toolbar core imports no vendor, no UEF (fusion), no UI, no extensions host, no app shell,
 *   no platform code, no browser library and not the bridge's wire protocol (only @ctikit/kernel);
 * - a vendor imports no other vendor, and neither the Fusion adapter, the UI nor the extensions
 *   host; the Amazon vendor does not import the Genesys bridge's wire protocol;
 * - the Fusion adapter, the extensions host and the UI import no vendor and no wire protocol.
 */
const layer = (from, forbidden) => ({
  files: [from],
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden.map(([group, message]) => ({ group, message })) }],
  },
});

const CORE = 'the toolbar core knows no vendor, DOM or UEF (docs/architecture.md)';
const VENDOR = 'a vendor adapter reaches the rest of the toolbar only through the core (docs/architecture.md)';
const VIEW = 'views reach the vendors only through the workspace (docs/architecture.md)';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.bench/**', '.test-results/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      'no-console': 'error',
    },
  },
  layer('packages/toolbar/src/core/**', [
    [['**/vendors/**', '**/fusion/**', '**/ui/**', '**/extensions/**', '**/app/**', '**/platform/**', '**/i18n/**'], CORE],
    [['preact', 'preact/*', 'amazon-connect-streams', '@ctikit/protocol', '@ctikit/service-client', '@ctikit/service-client/*'], CORE],
  ]),
  layer('packages/toolbar/src/vendors/genesys/**', [
    [['**/vendors/amazon/**', '../amazon/**', '**/fusion/**', '**/ui/**', '**/extensions/**', '**/app/**'], VENDOR],
  ]),
  layer('packages/toolbar/src/vendors/amazon/**', [
    [['**/vendors/genesys/**', '../genesys/**', '@ctikit/protocol', '**/fusion/**', '**/ui/**', '**/extensions/**', '**/app/**'], VENDOR],
  ]),
  layer('packages/toolbar/src/{fusion,extensions,ui}/**', [[['**/vendors/**', '@ctikit/protocol'], VIEW]]),
  {
    files: ['scripts/**', 'bench/**', '**/cli.ts', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly' },
    },
  },
);
