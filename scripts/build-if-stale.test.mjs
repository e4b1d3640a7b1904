// node --test scripts/build-if-stale.test.mjs: when `npm start` builds and when it does not.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildIfStale } from './build-if-stale.mjs';

const root = mkdtempSync(join(tmpdir(), 'build-if-stale-'));
after(() => rmSync(root, { recursive: true, force: true }));
const write = (path, text) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
const target = {
  script: 'build:fake',
  inputs: ['src', 'config.json'],
  output: 'dist/fake',
  entry: 'dist/fake/main.js',
};
let builds = 0;
/** A stand-in for the real build: writes the entry from the sources. */
const run = () => {
  builds += 1;
  write('dist/fake/main.js', `// build ${builds}`);
  return 0;
};
const once = () => buildIfStale('fake', target, { root, run, log: () => undefined });

test('builds when there is no build, then skips while nothing changed', () => {
  write('src/a.ts', 'export const a = 1;');
  write('config.json', '{}');
  assert.equal(once(), true);
  assert.equal(once(), false);
  assert.equal(once(), false);
  assert.equal(builds, 1);
});

test('a test file does not count; a changed, added or removed source does', () => {
  write('src/a.spec.ts', 'test');
  assert.equal(once(), false);
  write('src/a.ts', 'export const a = 2;');
  assert.equal(once(), true);
  write('src/b.ts', 'export const b = 1;');
  assert.equal(once(), true);
  unlinkSync(join(root, 'src/b.ts'));
  assert.equal(once(), true);
  write('config.json', '{"x":1}');
  assert.equal(once(), true);
  assert.equal(once(), false);
});

test('an output touched or removed by another build, or a deleted dist, rebuilds', () => {
  const later = new Date(Date.now() + 60_000);
  utimesSync(join(root, 'dist/fake/main.js'), later, later);
  assert.equal(once(), true);
  rmSync(join(root, 'dist'), { recursive: true });
  assert.equal(once(), true);
  assert.equal(once(), false);
});

test('a failed build writes no stamp', () => {
  write('src/a.ts', 'export const a = 3;');
  assert.throws(() => buildIfStale('fake', target, { root, run: () => 1, log: () => undefined }));
  assert.equal(once(), true);
});
