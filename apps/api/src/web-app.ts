import type { NestExpressApplication } from '@nestjs/platform-express';
import { matchWebRoute } from '@wissensnetz/domain';
import express, { type NextFunction, type Request, type Response } from 'express';
import { join } from 'node:path';
import { CityService } from './modules/cities/city.service';

/** Paths the API answers itself; everything else that asks for HTML gets the web app. */
const API_PATHS = [
  '/graphql',
  '/health',
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
 * not-found page.
 */
export function serveWebApp(app: NestExpressApplication, dir: string): void {
  const indexFile = join(dir, 'index.html');
  const cities = app.get(CityService);
  // Hashed assets may be cached for long; index.html must always be fresh.
  app.use(
    '/assets',
    express.static(join(dir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }),
  );
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
    pageExists(cities, req.path).then(
      (exists) => {
        res.setHeader('Cache-Control', 'no-cache');
        res.status(exists ? 200 : 404).sendFile(indexFile);
      },
      (error: unknown) => next(error),
    );
  });
}

async function pageExists(cities: CityService, path: string): Promise<boolean> {
  const match = matchWebRoute(path);
  if (!match) return false;
  if (match.kind === 'network') return true;
  // The cached list answers almost always; a city admitted seconds ago costs one query.
  const [cached] = await cities.bySlugs([match.slug]);
  return Boolean(cached ?? (await cities.bySlug(match.slug)));
}
