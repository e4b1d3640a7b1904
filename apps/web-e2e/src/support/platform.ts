import path from 'node:path';

/** Repository root, from apps/web-e2e/src/support. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const API_MAIN = path.join(REPO_ROOT, 'dist/api/apps/api/src/main.js');
export const WEB_INDEX = path.join(REPO_ROOT, 'dist/web/index.html');
/** Output of the platform started by the global setup (gitignored). */
export const PLATFORM_LOG = path.resolve(__dirname, '../../platform.log');

/** Set by the global setup; the workers inherit it when jest forks them. */
export const BASE_URL_ENV = 'WISSENSNETZ_E2E_BASE_URL';

export function baseUrl(): string {
  const value = process.env[BASE_URL_ENV];
  if (!value)
    throw new Error(
      `${BASE_URL_ENV} is not set: run the tests through apps/web-e2e/jest.config.ts`,
    );
  return value.replace(/\/$/, '');
}
