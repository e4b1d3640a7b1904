#!/usr/bin/env node
// `npm test`: every test of the platform, ending in one line `tests: N passed, M failed`.
//
// 1. Chromium for the browser tests (installed through apt when missing and we are root).
// 2. `npm run build`: the e2e tests run against the built platform in dist/ (SKIP_BUILD=1 skips).
// 3. The API's tests (Vitest: unit + integration on real PostgreSQL and Meilisearch), then
//    the two-instance test (two built API processes on servers of their own).
// 4. The jest projects (launcher, e2e, and the API's if it moves back to jest), in band.
// Every suite runs even when an earlier one failed, so the summary counts all of them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const resultsDir = mkdtempSync(join(tmpdir(), 'wissensnetz-test-'));

function run(command, args, extraEnv = {}) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...extraEnv },
  });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function fail(message) {
  console.error(`\n${message}`);
  console.log('tests: 0 passed, 0 failed');
  process.exit(1);
}

function ensureChromium() {
  if (existsSync(chromium)) return;
  if (process.env.CHROMIUM_PATH) fail(`CHROMIUM_PATH=${chromium} does not exist.`);
  if (process.getuid?.() !== 0) {
    fail(
      `Chromium is missing at ${chromium}; the browser tests need it.\n` +
        'Install it as root (`apt-get install -y chromium`) or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  console.log('Chromium is missing; installing it with apt-get (Debian package "chromium").');
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update'], env) !== 0) fail('apt-get update failed.');
  if (run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], env) !== 0) {
    fail('apt-get install chromium failed.');
  }
  if (!existsSync(chromium)) fail(`apt-get installed chromium, but ${chromium} is still missing.`);
}

/** Reads numPassedTests / numFailedTests from a jest or Vitest JSON report. */
function counts(file, label) {
  if (!existsSync(file)) {
    console.error(`${label}: no JSON report was written (the runner crashed before reporting).`);
    return { passed: 0, failed: 0, broken: true };
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const passed = report.numPassedTests ?? 0;
  const failed = report.numFailedTests ?? 0;
  // A suite that cannot even load counts no failed test but must still fail the run.
  const brokenSuites = report.numRuntimeErrorTestSuites ?? 0;
  console.log(`${label}: ${passed} passed, ${failed} failed`);
  return { passed, failed, broken: brokenSuites > 0 || report.success === false };
}

ensureChromium();
// .ci/run builds right before the tests and sets SKIP_BUILD=1 to avoid building twice.
if (process.env.SKIP_BUILD === '1') {
  console.log('SKIP_BUILD=1: using the existing build in dist/.');
} else if (run('npm', ['run', 'build']) !== 0) {
  fail('npm run build failed; no tests were run.');
}

const outcomes = [];
try {
  if (existsSync(join(root, 'apps/api/vitest.config.ts'))) {
    const file = join(resultsDir, 'vitest.json');
    const status = run('npx', [
      'vitest',
      'run',
      '--config',
      'apps/api/vitest.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${file}`,
    ]);
    outcomes.push({ ...counts(file, 'api (vitest)'), status });
  }

  // Two built API processes against one PostgreSQL and one Meilisearch of their own
  // (`npm run test:instances`; the build above provides dist/).
  if (existsSync(join(root, 'apps/api/vitest.instances.config.ts'))) {
    const file = join(resultsDir, 'instances.json');
    const status = run('npx', [
      'vitest',
      'run',
      '--config',
      'apps/api/vitest.instances.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${file}`,
    ]);
    outcomes.push({ ...counts(file, 'two api instances (vitest)'), status });
  }

  const jestFile = join(resultsDir, 'jest.json');
  const jestStatus = run('npx', [
    'jest',
    '--runInBand',
    '--ci',
    '--json',
    `--outputFile=${jestFile}`,
  ]);
  outcomes.push({ ...counts(jestFile, 'jest projects'), status: jestStatus });
} finally {
  rmSync(resultsDir, { recursive: true, force: true });
}

const passed = outcomes.reduce((sum, outcome) => sum + outcome.passed, 0);
const failed = outcomes.reduce((sum, outcome) => sum + outcome.failed, 0);
const broken = outcomes.some((outcome) => outcome.broken || outcome.status !== 0);
if (passed + failed === 0) console.error('No test ran at all.');
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || broken || passed === 0 ? 1 : 0);
