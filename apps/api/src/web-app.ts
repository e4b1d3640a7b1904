import type { NestExpressApplication } from '@nestjs/platform-express';
import { matchWebRoute } from '@wissensnetz/domain';
import express, { type NextFunction, type Request, type Response } from 'express';
import { join } from 'node:path';
import { PrecompressedFiles } from './http-compression';
import type { Actor } from './core/tenancy/actor';
import { AuthService } from './modules/auth/auth.service';
import { SESSION_COOKIE } from './modules/auth/session-cookie';
import { CityService } from './modules/cities/city.service';
import { ConferenceService } from './modules/conferences/conference.service';
import { PracticeService } from './modules/practices/practice.service';
import { TandemService } from './modules/tandems/tandem.service';

/** Paths the API answers itself; everything else that asks for HTML gets the web app. */
const API_PATHS = [
  '/graphql',
  '/health',
  '/metrics',
  '/export/',
  '/calendar/',
  '/feeds/',
  '/files/',
  '/api/',
  '/.well-known/',
];

/**
 * Serves the built web app. Every page address gets index.html; the status says whether
 * the page exists (the list is libs/domain/src/web-routes.ts): an unknown path or a city
 * slug no member city has is 404, so crawlers see it too, and the app shows its
 * not-found page. A page of one practice, conference or tandem is 404 as well when the
 * visitor cannot see that row: unknown and not visible look the same, as in the API.
 */
export function serveWebApp(app: NestExpressApplication, dir: string): void {
  const indexFile = join(dir, 'index.html');
  const pages = new PageLookup(app);
  // The brotli/gzip copies of the build (scripts/compress-web.mjs) go first, with
  // Content-Encoding and Vary; files without a copy (images, small files) as they are.
  const compressed = new PrecompressedFiles(dir);
  const YEAR_MS = 365 * 24 * 3600_000;
  const HOUR_MS = 3600_000;
  // Hashed assets may be cached for long; index.html must always be fresh.
  app.use('/assets', compressed.middleware('assets', { immutable: true, maxAge: YEAR_MS }));
  app.use(
    '/assets',
    express.static(join(dir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }),
  );
  app.use(compressed.middleware('', { maxAge: HOUR_MS }));
  app.use(express.static(dir, { index: false, maxAge: '1h' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    const wantsPage =
      (req.method === 'GET' || req.method === 'HEAD') &&
      !API_PATHS.some(
        (path) => req.path === path.replace(/\/$/, '') || req.path.startsWith(path),
      ) &&
      req.accepts(['html', 'json']) === 'html';
    if (!wantsPage) {
      next();
      return;
    }
    pages.exists(req.path, req.cookies as Record<string, string | undefined>).then(
      (exists) => {
        const status = exists ? 200 : 404;
        const sent = compressed.send(
          req,
          res,
          'index.html',
          { maxAge: 0, status, cacheControl: 'no-cache' },
          next,
        );
        if (sent) return;
        res.setHeader('Cache-Control', 'no-cache');
        res.status(status).sendFile(indexFile);
      },
      (error: unknown) => next(error),
    );
  });
}

type Lookup = (actor: Actor, id: string) => Promise<unknown>;

/** Whether a page address names something the visitor may see. */
class PageLookup {
  private readonly cities: CityService;
  private readonly auth: AuthService;
  /** Pages of one row, by route pattern: the row's read as the visitor (null = not visible). */
  private readonly rows: Record<string, Lookup>;

  constructor(app: NestExpressApplication) {
    this.cities = app.get(CityService);
    this.auth = app.get(AuthService);
    const practices = app.get(PracticeService);
    const conferences = app.get(ConferenceService);
    const tandems = app.get(TandemService);
    const practice: Lookup = (actor, id) => practices.get(actor, id);
    this.rows = {
      'praxis/:id': practice,
      'praxis/:id/bearbeiten': practice,
      'praxis/:id/verlauf': practice,
      'konferenzen/:id': (actor, id) => conferences.get(actor, id),
      'tandems/:id': (actor, id) => tandems.get(actor, id),
    };
  }

  async exists(path: string, cookies: Record<string, string | undefined> = {}): Promise<boolean> {
    const match = matchWebRoute(path);
    if (!match) return false;
    if (match.kind === 'city' && !(await this.isCity(match.slug))) return false;
    const row = this.rows[match.route];
    const id = match.params.id;
    if (!row || id === undefined) return true;
    const actor = await this.auth.authenticate(cookies[SESSION_COOKIE]);
    return (await row(actor, id)) !== null;
  }

  private async isCity(slug: string): Promise<boolean> {
    // The cached list answers almost always; a city admitted seconds ago costs one query.
    const [cached] = await this.cities.bySlugs([slug]);
    return Boolean(cached ?? (await this.cities.bySlug(slug)));
  }
}
