#!/usr/bin/env node
// postinstall: makes sure native addons load, building them from source when the
// shipped prebuild does not work here.
//
// Why: the linux-x64 glibc prebuild of argon2 0.45 crashes Node with a segmentation
// fault on our Debian 12 machines (glibc 2.36), and npm 11 does not run argon2's own
// install script (not in "allowScripts"). Built from source with npm's bundled node-gyp
// against the headers of the running Node, it works. The load check runs in a child
// process, since a crashing addon takes the whole process down.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const addons = ['argon2'];

function loads(name) {
  const check = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(name)})`], {
    cwd: root,
    stdio: 'ignore',
  });
  return check.status === 0;
}

function nodeGyp() {
  // npm ships node-gyp; npm_execpath points at npm's own cli when run as a script.
  const candidates = [
    process.env.npm_execpath && join(dirname(process.env.npm_execpath), '..'),
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm'),
  ].filter(Boolean);
  for (const npmDir of candidates) {
    const gyp = join(npmDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    if (existsSync(gyp)) return gyp;
  }
  return undefined;
}

let failed = false;
for (const name of addons) {
  let packageDir;
  try {
    packageDir = dirname(require.resolve(`${name}/package.json`));
  } catch {
    continue; // not installed (e.g. a partial install); nothing to repair
  }
  if (loads(name)) continue;

  console.log(`[ensure-native] ${name}: the prebuilt addon does not load; building it from source`);
  const gyp = nodeGyp();
  // Headers of the running Node (e.g. /usr/include/node), so node-gyp downloads nothing.
  const nodeDir = join(dirname(process.execPath), '..');
  const args = ['rebuild'];
  if (existsSync(join(nodeDir, 'include', 'node', 'node.h'))) args.push(`--nodedir=${nodeDir}`);
  const build =
    gyp && spawnSync(process.execPath, [gyp, ...args], { cwd: packageDir, stdio: 'inherit' });
  if (!build || build.status !== 0 || !loads(name)) {
    console.error(
      `[ensure-native] ${name} could not be built (needs python3, make and g++` +
        `${gyp ? '' : ', and npm with its bundled node-gyp'}).`,
    );
    failed = true;
  } else {
    console.log(`[ensure-native] ${name}: built from source and loads`);
  }
}
process.exit(failed ? 1 : 0);
