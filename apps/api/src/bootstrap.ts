import type { NestExpressApplication } from '@nestjs/platform-express';
import { startDevServices, type DevServices } from '@wissensnetz/dev-services';
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import { loadConfig, type AppConfig } from './core/config/config';
import { createLogger } from './core/logging/logger';
import { runMigrations } from './database/data-source';
import { assertApplicationRole } from './database/role-guard';
import { createApp } from './platform';
import { seedDemo } from './seed/seed-demo';

export interface RunningPlatform {
  app: NestExpressApplication;
  config: AppConfig;
  logger: Logger;
  url: string;
  services?: DevServices;
  stop(): Promise<void>;
}

export interface PlatformOptions {
  env?: NodeJS.ProcessEnv;
  /** Where embedded services keep their data (DATA_DIR, default `.data`). */
  dataDir?: string;
  /** Folder of the built web app. */
  webDist?: string;
}

/**
 * Starts what the environment does not provide (embedded PostgreSQL and
 * Meilisearch unless DATABASE_URL / MEILI_URL are set), applies migrations,
 * seeds the demo network when asked, and listens.
 */
export async function startPlatform(options: PlatformOptions = {}): Promise<RunningPlatform> {
  const env = options.env ?? process.env;
  const production = env.NODE_ENV === 'production';
  const bootLogger = createLogger({ logLevel: 'info', production });
  const embeddedWanted = !production && (!env.DATABASE_URL || !env.MEILI_URL);
  const services = embeddedWanted
    ? await startDevServices({
        dataDir: options.dataDir ?? env.DATA_DIR ?? '.data',
        env,
        log: (message) => bootLogger.info({ component: 'dev-services' }, message),
      })
    : undefined;
  try {
    const config = loadConfig(
      { WEB_DIST: options.webDist, ...env, ...(services?.env ?? {}) },
      { seedDemo: services?.started.postgres ?? false },
    );
    const logger = createLogger(config);
    await runMigrations(config, (message) => logger.info({ component: 'migrations' }, message));
    // Row-level security binds only a role that owns no table and cannot bypass it.
    await assertApplicationRole(config.databaseUrl);
    if (config.seedDemo)
      await seedDemo(config, (message) => logger.info({ component: 'seed' }, message));
    const app = await createApp(config, logger);
    await app.listen(config.port, config.host);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${urlHost(config.host)}:${port}`;
    // Links in e-mails come from configuration only; without PUBLIC_URL (development,
    // tests) that is the address just opened, never a request's Host header.
    if (!config.publicUrl) config.publicUrl = url;
    let stopped = false;
    return {
      app,
      config,
      logger,
      services,
      url,
      async stop() {
        if (stopped) return;
        stopped = true;
        await app.close();
        await services?.stop();
      },
    };
  } catch (error) {
    await services?.stop();
    throw error;
  }
}

/** How to reach the platform from this machine: localhost for loopback and all-interfaces. */
function urlHost(host: string): string {
  if (['0.0.0.0', '::', '127.0.0.1', '::1', 'localhost'].includes(host)) return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** The built web app next to the built API: dist/web beside dist/api. */
export function defaultWebDist(): string {
  return resolve(__dirname, '../../../../web');
}
