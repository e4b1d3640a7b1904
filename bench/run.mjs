#!/usr/bin/env node
// `npm run bench`: every benchmark in bench/, one after the other (they must not overlap).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// Every bench/*.mjs except this runner, in name order.
const benchmarks = readdirSync(here)
  .filter((name) => name.endsWith('.mjs') && name !== 'run.mjs')
  .sort();

let failed = false;
for (const script of benchmarks) {
  console.log(`\n=== bench/${script}`);
  const result = spawnSync(process.execPath, [join(here, script)], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
