// ESLint 9 flat config for the whole monorepo. Nx is used only for its project graph,
// which feeds @nx/enforce-module-boundaries (tags live in each project.json).
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'apps/web/src/generated/**',
      '**/coverage/**',
      '.data/**',
      '.data-*/**',
      '.tmp/**',
      '.nx/**',
      'test-results/**',
      'bench/results/**',
    ],
  },
  ...nx.configs['flat/base'],
  js.configs.recommended,
  ...tseslint.configs.recommended,

  // Plain Node scripts (scripts/, bench/, .mjs configs) run without a bundler.
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Jest helper files (setup, module stand-ins) see jest's globals.
  {
    files: ['**/jest/**/*.{js,cjs}'],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    files: ['**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },

  // The browser app: hooks rules and accessibility (WCAG 2.1 AA / BITV 2.0 is a requirement).
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    ...jsxA11y.flatConfigs.recommended,
  },

  // Unused arguments/variables are fine when the name says so (`_actor`, `[_, value]`).
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  // CSV leaves the API only through core/export/csv.ts, which neutralises formula cells.
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/core/export/csv.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['csv-stringify', 'csv-stringify/*'],
              message:
                'Write CSV with toSpreadsheetCsv (core/export/csv.ts): it neutralises formula cells.',
            },
          ],
        },
      ],
    },
  },

  // Project boundaries from the Nx graph: the web app cannot import the API, libs import no app,
  // and the dev-services launcher (tag runtime:node) stays out of the browser bundle and libs.
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            // dev-services may be used by the api, e2e tests and scripts only.
            { allSourceTags: ['scope:web', 'type:app'], notDependOnLibsWithTags: ['runtime:node'] },
            { sourceTag: 'type:lib', notDependOnLibsWithTags: ['runtime:node'] },
          ],
        },
      ],
    },
  },
);
