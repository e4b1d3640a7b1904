#!/usr/bin/env node
// `npm run bench`: every benchmark in bench/, one after the other (they must not overlap).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// Run by hand only: the resilience suite takes 6 minutes or more and freezes and kills
// processes on purpose (bench/README.md, "resilience.mjs").
const BY_HAND = new Set(['run.mjs', 'resilience.mjs']);
// Modules the benchmarks import, not benchmarks.
const HELPERS = new Set(['production-env.mjs', 'demo-platform.mjs']);
// Every other bench/*.mjs, in name order.
const benchmarks = readdirSync(here)
  .filter((name) => name.endsWith('.mjs') && !BY_HAND.has(name) && !HELPERS.has(name))
  .sort();

let failed = false;
for (const script of benchmarks) {
  console.log(`\n=== bench/${script}`);
  const result = spawnSync(process.execPath, [join(here, script)], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
