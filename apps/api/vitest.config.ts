import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const root = resolve(__dirname, '../..');

/**
 * The API's tests. Nest and TypeORM read design-time types, which esbuild does
 * not emit, so TypeScript goes through SWC with decorator metadata.
 */
export default defineConfig({
  plugins: [
    swc.vite({
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
    }),
  ],
  resolve: {
    alias: {
      // Nest loads graphql's CommonJS build; tests must share that one instance.
      graphql: createRequire(__filename).resolve('graphql'),
      '@wissensnetz/domain': resolve(root, 'libs/domain/src/index.ts'),
      '@wissensnetz/dev-services': resolve(root, 'libs/dev-services/src/index.ts'),
    },
  },
  test: {
    globals: true,
    root: __dirname,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.spec.ts', '../../libs/domain/src/**/*.spec.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.integration-spec.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One PostgreSQL for the run; files share it one after the other.
          fileParallelism: false,
        },
      },
    ],
  },
});
