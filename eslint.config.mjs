// ESLint 9 flat config for the whole monorepo. Nx is used only for its project graph,
// which feeds @nx/enforce-module-boundaries (tags live in each project.json).
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { dirname, join, relative, sep } from 'node:path';

/**
 * API features meet only through their public files: another feature's module,
 * services, dto/, exceptions and its register entries (`.processing`), never its entities, resolvers, controllers or helpers
 * (apps/api/src/core/auth/README.md). Relative imports are resolved against the file.
 */
const featureBoundaries = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const modules = join(context.cwd, 'apps', 'api', 'src', 'modules');
    const featureOf = (path) => {
      const inside = relative(modules, path);
      return inside.startsWith('..') ? null : inside.split(sep);
    };
    const from = featureOf(context.filename);
    if (!from) return {};
    return {
      ImportDeclaration(node) {
        const specifier = node.source.value;
        if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
        const target = featureOf(join(dirname(context.filename), specifier));
        if (!target || target[0] === from[0]) return;
        const path = target.slice(1).join('/');
        if (/\.(module|service|exception|processing)$/.test(path) || path.startsWith('dto/'))
          return;
        context.report({
          node: node.source,
          message: `${from[0]} reaches into ${target[0]}/${path}: use its module, a service, dto/ or its exception instead.`,
        });
      },
    };
  },
};

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

  {
    files: ['apps/api/src/modules/**/*.ts'],
    plugins: { wissensnetz: { rules: { 'feature-boundaries': featureBoundaries } } },
    rules: { 'wissensnetz/feature-boundaries': 'error' },
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
