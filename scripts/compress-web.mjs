#!/usr/bin/env node
// After `vite build` (npm run build:web): writes a brotli (.br) and a gzip (.gz) copy next
// to every compressible file of dist/web, so the API sends them with Content-Encoding
// instead of compressing on every request (apps/api/src/http-compression.ts).
// A copy that would not be smaller than the file is not written.
import { readdirSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.argv[2] ?? join(root, 'dist/web');
// Source maps are left out: only developer tools fetch them.
const COMPRESSIBLE = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.svg',
  '.json',
  '.txt',
  '.xml',
  '.webmanifest',
  '.ico',
]);
const MIN_BYTES = 512;

let files = 0;
let before = 0;
let afterBr = 0;
let afterGz = 0;
const walk = (folder) => {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      walk(path);
      continue;
    }
    if (path.endsWith('.br') || path.endsWith('.gz')) continue;
    // A stale copy of an earlier build must not outlive its file's new content.
    rmSync(`${path}.br`, { force: true });
    rmSync(`${path}.gz`, { force: true });
    if (!COMPRESSIBLE.has(extname(path)) || statSync(path).size < MIN_BYTES) continue;
    const content = readFileSync(path);
    const br = brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    });
    const gz = gzipSync(content, { level: constants.Z_BEST_COMPRESSION });
    if (br.length < content.length) writeFileSync(`${path}.br`, br);
    if (gz.length < content.length) writeFileSync(`${path}.gz`, gz);
    files += 1;
    before += content.length;
    afterBr += Math.min(br.length, content.length);
    afterGz += Math.min(gz.length, content.length);
  }
};
walk(dir);
const kb = (n) => `${Math.round(n / 1024)} KB`;
console.log(
  `compress-web: ${files} files, ${kb(before)} → brotli ${kb(afterBr)}, gzip ${kb(afterGz)}`,
);
