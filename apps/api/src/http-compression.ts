import compression from 'compression';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { existsSync, readdirSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { constants } from 'node:zlib';

/** GraphQL answers smaller than this go uncompressed (compressing them costs more than it saves). */
export const GRAPHQL_COMPRESSION_THRESHOLD = 1024;

/**
 * Compression of GraphQL answers above GRAPHQL_COMPRESSION_THRESHOLD (brotli at quality 4 or
 * gzip, as the client accepts). Mounted on /graphql only: attachments and sign-language
 * videos (range requests), CSV and calendar downloads and the precompressed static files
 * never pass through it; graphql-ws subscriptions are WebSocket upgrades, which Express
 * middleware does not see.
 */
export function graphqlCompression(): RequestHandler {
  return compression({
    threshold: GRAPHQL_COMPRESSION_THRESHOLD,
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    // An event stream (incremental delivery) must reach the client as it is written.
    filter: (req, res) =>
      !String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') &&
      compression.filter(req, res),
  });
}

type Encoding = 'br' | 'gzip';

/**
 * The encoding to send: the one with the highest q the client gives, brotli before gzip at
 * equal q (browsers send `gzip, deflate, br`: order is no preference). No header, or q=0
 * for both, is the file as it is.
 */
export function chooseEncoding(
  header: string | undefined,
  available: ReadonlySet<Encoding>,
): Encoding | undefined {
  if (!header) return undefined;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const quality = (name: string) => q.get(name) ?? q.get('*') ?? 0;
  let best: Encoding | undefined;
  for (const encoding of ['br', 'gzip'] as const) {
    if (!available.has(encoding) || quality(encoding) <= 0) continue;
    if (!best || quality(encoding) > quality(best)) best = encoding;
  }
  return best;
}
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/**
 * The brotli and gzip copies scripts/compress-web.mjs wrote next to the built files
 * (relative paths with '/', without the suffix), read once at start.
 */
export class PrecompressedFiles {
  private readonly variants = new Map<string, Set<Encoding>>();

  constructor(private readonly dir: string) {
    if (existsSync(dir)) this.scan(dir);
  }

  private scan(folder: string): void {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        this.scan(path);
        continue;
      }
      const encoding = entry.name.endsWith('.br')
        ? 'br'
        : entry.name.endsWith('.gz')
          ? 'gzip'
          : undefined;
      if (!encoding) continue;
      const original = relative(this.dir, path.slice(0, -SUFFIX[encoding].length))
        .split(sep)
        .join('/');
      if (!existsSync(join(this.dir, original))) continue;
      const set = this.variants.get(original) ?? new Set<Encoding>();
      set.add(encoding);
      this.variants.set(original, set);
    }
  }

  /**
   * Sends `file` (relative to the folder) in the best encoding the request accepts, with
   * Vary: Accept-Encoding and the original file's Content-Type. Returns false when the file
   * has no compressed copy (the caller sends it as it is).
   */
  send(
    req: Request,
    res: Response,
    file: string,
    options: { maxAge: number; immutable?: boolean; status?: number; cacheControl?: string },
    next: NextFunction,
  ): boolean {
    const variants = this.variants.get(file);
    if (!variants) return false;
    res.vary('Accept-Encoding');
    const encoding = chooseEncoding(req.headers['accept-encoding'], variants);
    res.type(extname(file));
    if (options.status) res.status(options.status);
    if (options.cacheControl) res.setHeader('Cache-Control', options.cacheControl);
    const path = encoding ? `${file}${SUFFIX[encoding]}` : file;
    if (encoding) res.setHeader('Content-Encoding', encoding);
    res.sendFile(
      path,
      {
        root: this.dir,
        maxAge: options.maxAge,
        immutable: options.immutable ?? false,
        cacheControl: !options.cacheControl,
        dotfiles: 'deny',
      },
      (error?: Error) => {
        if (error && !res.headersSent) next(error);
      },
    );
    return true;
  }

  /** Middleware for GET/HEAD of files under `prefix` that have a compressed copy. */
  middleware(prefix: string, options: { maxAge: number; immutable?: boolean }): RequestHandler {
    return (req, res, next) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        next();
        return;
      }
      let path: string;
      try {
        path = decodeURIComponent(req.path);
      } catch {
        next();
        return;
      }
      const file = `${prefix}${path}`.replace(/^\/+/, '');
      if (file.split('/').includes('..') || !this.send(req, res, file, options, next)) next();
    };
  }
}
