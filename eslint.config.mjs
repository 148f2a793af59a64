// `npm run lint`: typescript-eslint's recommended rules, React's hooks rules for the renderer, and
// the process boundaries (eslint/import-boundaries.mjs). Zero warnings allowed (--max-warnings 0).
// Formatting is Prettier's job (.prettierrc), not ESLint's.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import boundaries from './eslint/import-boundaries.mjs';

export default tseslint.config(
  {
    ignores: [
      '.tmp/**',
      '.scratch-tmp/**',
      'bench/results.json',
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { local: boundaries },
    rules: {
      'local/import-boundaries': 'error',
      'local/disable-needs-reason': 'error',
      // The code strips or rejects control characters on purpose (CSV, phone numbers, the ECP
      // protocol, the fuzzers): every regex this rule flags here is one of those.
      'no-control-regex': 'off',
      // `_name` marks a parameter or binding that is deliberately unused (a callback's position).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Everything outside the renderer runs in Node.
    files: ['**/*.{ts,mts,cts,js,mjs,cjs}'],
    ignores: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'tests/unit/renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    // A store's state changes only through its own actions: UI code and other stores call those
    // (useXStore.getState().action()), never useXStore.setState(), so every write is in the store's file.
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='setState']",
          message: "Call the store's action instead of setState(): a store's state is written only inside its own create() (add an action there if none fits).",
        },
      ],
    },
  },
  {
    // Playwright reads a fixture's dependencies from its destructuring pattern: `({}, use)` = none.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }] },
  },
  {
    // TanStack Virtual's hooks are flagged only because the React Compiler would skip memoizing
    // their callers; this app does not use the React Compiler, so the warning says nothing here.
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: { 'react-hooks/incompatible-library': 'off' },
  },
  {
    // CommonJS helpers (scripts/electron-binary.cjs) use require by design.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
