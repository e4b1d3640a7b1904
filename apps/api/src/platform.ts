import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { AppModule } from './app.module';
import type { AppConfig } from './core/config/config';
import { PinoNestLogger } from './core/logging/logger';

/** Paths the API answers itself; everything else that asks for HTML gets the web app. */
const API_PATHS = [
  '/graphql',
  '/health',
  '/export/',
  '/calendar/',
  '/files/',
  '/api/',
  '/.well-known/',
];

/** Builds the Nest application: GraphQL API, health check and the built web app on one port. */
export async function createApp(
  config: AppConfig,
  logger: Logger,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logger), {
    logger: new PinoNestLogger(logger.child({ component: 'nest' })),
    bufferLogs: false,
  });
  app.disable('x-powered-by');
  // X-Forwarded-For (client address for throttling, sessions) and X-Forwarded-Proto
  // (Secure cookies) are believed only from the proxies named in TRUST_PROXY.
  app.set('trust proxy', config.trustProxy.length > 0 ? config.trustProxy : false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          ...(config.production ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      // The API is only served over HTTPS by a proxy in production.
      strictTransportSecurity: config.production,
    }),
  );
  app.use(cookieParser());
  app.use(
    pinoHttp({
      logger: logger.child({ component: 'http' }),
      autoLogging: { ignore: (req) => req.url === '/health' },
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug',
    }),
  );
  if (config.webDist && existsSync(join(config.webDist, 'index.html'))) {
    serveWebApp(app, config.webDist);
  } else {
    logger.warn(
      { webDist: config.webDist },
      'no built web app found; serving the API only (run npm run build:web)',
    );
  }
  return app;
}

function serveWebApp(app: NestExpressApplication, dir: string): void {
  const indexFile = join(dir, 'index.html');
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
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
}
