import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import type { AppConfig } from './core/config/config';
import { PinoNestLogger } from './core/logging/logger';
import { graphqlCompression } from './http-compression';
import { httpTiming } from './core/metrics/instrumentation';
import { Metrics } from './core/metrics/metrics.service';
import { serveWebApp } from './web-app';

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
  // No ETag computed over every res.send (a SHA-1 of each GraphQL answer, which is a POST
  // nobody revalidates); the feeds set their own ETag, static files get theirs from serve-static.
  app.set('etag', false);
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
  app.use('/graphql', graphqlCompression());
  app.use(httpTiming(app.get(Metrics), config, logger.child({ component: 'http' })));
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
