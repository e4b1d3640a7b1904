/** @jest-config-loader-options {"transpileOnly": true} */
import type { Config } from 'jest';

// Small tests of the web app's pure logic (contrast, topic tree); pages are covered by apps/web-e2e.
const config: Config = {
  displayName: 'web',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.(tsx?|m?js)$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          target: 'es2022',
          transform: { react: { runtime: 'automatic' } },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // d3's packages ship as ES modules only: SWC turns them into CommonJS like our own code.
  transformIgnorePatterns: ['/node_modules/(?!(d3-[a-z]+|internmap)/)'],
  moduleNameMapper: {
    '^@wissensnetz/domain$': '<rootDir>/../../libs/domain/src/index.ts',
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};

export default config;
