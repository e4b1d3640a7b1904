import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const postgresUrl = z
  .string()
  .url()
  .refine(
    (value) => /^postgres(ql)?:\/\//.test(value),
    'must start with postgres:// or postgresql://',
  );

const httpUrl = z
  .string()
  .url()
  .refine((value) => /^https?:\/\//.test(value), 'must start with http:// or https://');

/** Every setting the API reads, validated once at start. */
const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: postgresUrl,
  DATABASE_MIGRATION_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  MEILI_URL: httpUrl,
  MEILI_MASTER_KEY: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: booleanFlag.optional(),
  WEB_DIST: z.string().optional(),
  /** Base of links in e-mails; by default the address the request came to. */
  PUBLIC_URL: httpUrl.optional(),
  /** e.g. smtps://user:pass@mail.example:465; without it mails stay in the dev outbox. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('Wissensnetz <no-reply@wissensnetz.example>'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  /** Every replica may drain the search outbox (rows are claimed with SKIP LOCKED). */
  SEARCH_WORKER: booleanFlag.default(true),
  SEARCH_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  SEARCH_RETRY_MAX_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** Folder for uploaded attachments (disk storage); default: <DATA_DIR>/attachments. */
  ATTACHMENTS_DIR: z.string().optional(),
  DATA_DIR: z.string().default('.data'),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface AppConfig {
  env: RawConfig['NODE_ENV'];
  port: number;
  host: string;
  databaseUrl: string;
  migrationUrl: string;
  databasePoolSize: number;
  meiliUrl: string;
  meiliMasterKey: string;
  logLevel: RawConfig['LOG_LEVEL'];
  seedDemo: boolean;
  /** Folder with the built web app; absent in API-only runs. */
  webDist?: string;
  production: boolean;
  publicUrl?: string;
  smtpUrl?: string;
  mailFrom: string;
  sessionTtlHours: number;
  searchWorker: boolean;
  searchPollMs: number;
  searchRetryMaxMs: number;
  attachmentsDir: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the configuration from an environment. A missing or malformed variable
 * stops the start with a message that names it.
 */
export function loadConfig(
  env: Record<string, string | undefined>,
  defaults: { seedDemo: boolean },
): AppConfig {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.') || '(environment)';
        const given =
          issue.code === 'invalid_type' && cleaned[name] === undefined
            ? 'is missing'
            : issue.message;
        return `${name}: ${given}`;
      }),
    );
  }
  const raw = parsed.data;
  const production = raw.NODE_ENV === 'production';
  // Without a master key Meilisearch has no access control at all, and searches cannot
  // carry tenant tokens (the engine-side visibility check).
  if (production && !raw.MEILI_MASTER_KEY)
    throw new ConfigError(['MEILI_MASTER_KEY: is missing (required in production)']);
  return {
    env: raw.NODE_ENV,
    port: raw.PORT,
    host: raw.HOST,
    databaseUrl: raw.DATABASE_URL,
    migrationUrl: raw.DATABASE_MIGRATION_URL ?? raw.DATABASE_URL,
    databasePoolSize: raw.DATABASE_POOL_SIZE,
    meiliUrl: raw.MEILI_URL,
    meiliMasterKey: raw.MEILI_MASTER_KEY,
    logLevel: raw.LOG_LEVEL,
    seedDemo: raw.SEED_DEMO ?? (production ? false : defaults.seedDemo),
    webDist: raw.WEB_DIST,
    production,
    publicUrl: raw.PUBLIC_URL?.replace(/\/$/, ''),
    smtpUrl: raw.SMTP_URL,
    mailFrom: raw.MAIL_FROM,
    sessionTtlHours: raw.SESSION_TTL_HOURS,
    searchWorker: raw.SEARCH_WORKER,
    searchPollMs: raw.SEARCH_POLL_MS,
    searchRetryMaxMs: raw.SEARCH_RETRY_MAX_MS,
    attachmentsDir: raw.ATTACHMENTS_DIR ?? `${raw.DATA_DIR}/attachments`,
  };
}
