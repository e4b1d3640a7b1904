/** @jest-config-loader-options {"transpileOnly": true} */
import type { Config } from 'jest';

// Browser tests against the real, built platform (API + web) with demo data.
const config: Config = {
  displayName: 'e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    // Same path alias as tsconfig.base.json.
    '^@wissensnetz/domain$': '<rootDir>/../../libs/domain/src/index.ts',
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/src/global-setup.ts',
  globalTeardown: '<rootDir>/src/global-teardown.ts',
  testTimeout: 60_000,
};

export default config;
