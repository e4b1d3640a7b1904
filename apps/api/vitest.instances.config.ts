import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * `npm run test:instances`: two built API processes against one PostgreSQL and one
 * Meilisearch that the test starts as servers of their own (test/instances/). Apart from
 * the integration project: it brings its own servers and needs `npm run build:api` first.
 */
export default defineConfig({
  ...base,
  test: {
    globals: true,
    root: __dirname,
    name: 'instances',
    include: ['test/instances/**/*.instances-spec.ts'],
    testTimeout: 90_000,
    hookTimeout: 240_000,
  },
});
