#!/usr/bin/env node
// What AsyncLocalStorage costs on this Node (issue 18: "AsyncLocalStorage is much cheaper on
// Node 24"): a request-like async chain (ALS_AWAITS awaits of resolved promises and one
// setImmediate hop, as a resolver chain with I/O does) run ALS_ROUNDS times, once plain and
// once inside storage.run() with a getStore() per await. Each in a process of its own:
// on Node 20 the first storage.run() turns on promise hooks for the whole process, so a
// plain chain measured after it would pay them too. Run with each Node:
// `node bench/als.mjs` and `<node 24> bench/als.mjs` (bench/README.md).
import { execFileSync } from 'node:child_process';
import { AsyncLocalStorage } from 'node:async_hooks';

const ROUNDS = Number(process.env.ALS_ROUNDS ?? 200_000);
const AWAITS = Number(process.env.ALS_AWAITS ?? 20);
const storage = new AsyncLocalStorage();
const hop = () => new Promise((resolve) => setImmediate(resolve));

async function request(withStore) {
  await hop();
  for (let i = 0; i < AWAITS; i++) {
    await Promise.resolve(i);
    if (withStore && storage.getStore() === undefined) throw new Error('store lost');
  }
}

async function measure(withStore) {
  const started = process.hrtime.bigint();
  const batch = 100;
  for (let done = 0; done < ROUNDS; done += batch) {
    const all = [];
    for (let i = 0; i < batch; i++)
      all.push(withStore ? storage.run({ id: i }, () => request(true)) : request(false));
    await Promise.all(all);
  }
  return Number(process.hrtime.bigint() - started) / 1e3 / ROUNDS; // µs per request
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
if (process.env.ALS_MODE) {
  // The child: one mode only, a warm-up and five rounds, µs per request on stdout.
  const withStore = process.env.ALS_MODE === 'als';
  await measure(withStore);
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await measure(withStore));
  console.log(median(runs));
} else {
  const child = (mode) =>
    Number(
      execFileSync(process.execPath, [process.argv[1]], {
        env: { ...process.env, ALS_MODE: mode },
        encoding: 'utf8',
      }).trim(),
    );
  const plain = [];
  const withAls = [];
  for (let i = 0; i < 3; i++) {
    plain.push(child('plain'));
    withAls.push(child('als'));
  }
  const round = (value) => Math.round(value * 100) / 100;
  const result = {
    node: process.version,
    rounds: ROUNDS,
    awaits: AWAITS,
    plainMicros: round(median(plain)),
    alsMicros: round(median(withAls)),
  };
  result.alsCostMicros = round(result.alsMicros - result.plainMicros);
  result.ratio = round(result.alsMicros / result.plainMicros);
  console.log(JSON.stringify(result));
}
