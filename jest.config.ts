/** @jest-config-loader-options {"transpileOnly": true} */
// The docblock above keeps ts-node from type-checking the config on every run.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from 'jest';

// Projects appear as their owners write them; a missing one must not break `npm test`.
// The API's tests run on Vitest (apps/api/vitest.config.ts), started by scripts/test.mjs.
const projectConfigs = [
  'apps/web/jest.config.ts',
  'libs/dev-services/jest.config.ts',
  'apps/web-e2e/jest.config.ts',
].filter((path) => existsSync(join(__dirname, path)));

const config: Config = {
  projects: projectConfigs.map((path) => `<rootDir>/${path}`),
  // testTimeout is a global option: in a project config it is ignored when jest runs from
  // here. 60 s is what the e2e project asks for; the launcher raises its own in a setup file.
  testTimeout: 60_000,
};

export default config;
