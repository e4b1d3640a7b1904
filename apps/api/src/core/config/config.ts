import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { operatorFrom, OPERATOR_REQUIRED, type OperatorConfig } from './operator-config';

export {
  DEMO_OPERATOR,
  FEDERAL_ENFORCEMENT_BODY,
  OPERATOR_REQUIRED,
  type EnforcementBodyConfig,
  type OperatorConfig,
} from './operator-config';

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
  /** Loopback by default: a demo instance is not reachable from the network unless HOST says so. */
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: postgresUrl,
  DATABASE_MIGRATION_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  MEILI_URL: httpUrl,
  MEILI_MASTER_KEY: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: booleanFlag.optional(),
  WEB_DIST: z.string().optional(),
  /**
   * Base of every link the platform sends (e-mails, feeds). Required in production;
   * in development http://localhost:<port>. Never taken from a request's Host header.
   */
  PUBLIC_URL: httpUrl.optional(),
  /**
   * Proxies whose X-Forwarded-* headers are believed: comma-separated addresses or
   * CIDR ranges (Express "trust proxy" syntax, e.g. "10.0.0.5, 10.1.0.0/16"). Empty: none.
   */
  TRUST_PROXY: z.string().default(''),
  /**
   * Origins allowed to open WebSockets and send state-changing requests with the
   * session cookie (comma-separated, e.g. "https://wissensnetz.example"). The origin of
   * PUBLIC_URL is always allowed; in development also localhost/127.0.0.1 on PORT and
   * the Vite dev server on 5173.
   */
  ALLOWED_ORIGINS: z.string().default(''),
  /** A session not used for this long ends (on top of SESSION_TTL_HOURS). */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60 * 30)
    .default(120),
  /** How often open WebSockets re-check their session (logout, expiry, lost access). */
  WS_SESSION_CHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  /** Timeouts of outbound calls: an outage answers SERVICE_UNAVAILABLE within seconds. */
  MEILI_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(3000),
  SMTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  DATABASE_LOCK_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
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
  /** The notification outbox worker (every replica; rows and e-mails are claimed with SKIP LOCKED). */
  NOTIFICATION_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  NOTIFICATION_RETRY_MAX_MS: z.coerce.number().int().min(100).max(3_600_000).default(300_000),
  /**
   * The scheduler of periodic jobs (retention, digests). Every replica may run it: a job's
   * run is claimed with an advisory lock and recorded in scheduled_job_run, so it runs once.
   */
  JOBS_ENABLED: booleanFlag.default(true),
  /** How often the scheduler looks for due jobs. */
  JOBS_POLL_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  /** Shutdown waits this long for a running job (it is not cut off, only no longer waited for). */
  JOBS_SHUTDOWN_WAIT_MS: z.coerce.number().int().min(0).max(600_000).default(15_000),
  /** Participant data of registrations is deleted this many months after the conference's end. */
  RETENTION_REGISTRATION_MONTHS: z.coerce.number().int().min(1).max(120).default(3),
  /** Audit entries keep their actor by name this many months, then only as a pseudonym. */
  RETENTION_AUDIT_MONTHS: z.coerce.number().int().min(1).max(240).default(24),
  /** Accessibility feedback (message, optional name and e-mail) is deleted this long after it came in. */
  RETENTION_FEEDBACK_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  /** Contact details of a resident's suggestion are erased this many days after it was closed. */
  RETENTION_SUGGESTION_CONTACT_DAYS: z.coerce.number().int().min(1).max(3650).default(183),
  /**
   * HMAC key that signs the ALTCHA proof-of-work challenges of the residents' suggestion form.
   * Unset in production, it is derived from MEILI_MASTER_KEY (secret, required there and the
   * same on every instance); elsewhere a fixed development key.
   */
  ALTCHA_HMAC_KEY: z.string().min(16).optional(),
  /** Suggestions one client address may send to initiatives per 15 minutes before it waits. */
  SUGGESTIONS_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Folder for uploaded attachments (disk storage); default: <DATA_DIR>/attachments. */
  ATTACHMENTS_DIR: z.string().optional(),
  DATA_DIR: z.string().default('.data'),
  /** Where uploaded files live: `disk` (ATTACHMENTS_DIR, the default) or an S3-compatible bucket. */
  FILE_STORAGE: z.enum(['disk', 's3']).default('disk'),
  /** e.g. http://minio:9000 or https://s3.eu-central-1.amazonaws.com; unset: AWS for S3_REGION. */
  S3_ENDPOINT: httpUrl.optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  /** Required with FILE_STORAGE=s3; the bucket must exist. */
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid bucket name')
    .optional(),
  /** Unset: the SDK's default chain (AWS_* variables, instance or pod role). */
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** true for MinIO, Ceph RGW and most self-hosted stores (http://host/bucket/key). */
  S3_FORCE_PATH_STYLE: booleanFlag.default(false),
  /** Connect and silence deadline of every S3 call: a stuck store answers SERVICE_UNAVAILABLE. */
  S3_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Largest sign-language video accepted (bytes); default 200 MB. */
  SIGN_LANGUAGE_VIDEO_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(2 * 1024 ** 3)
    .default(200 * 1024 ** 2),
  // The operator's published details (Impressum § 5 DDG, Datenschutz Art. 13 DSGVO,
  // security.txt). Required in production (OPERATOR_REQUIRED); demo values otherwise.
  OPERATOR_NAME: z.string().max(300).optional(),
  /** Postal address; lines separated by "\n" or "|". */
  OPERATOR_ADDRESS: z.string().max(1000).optional(),
  OPERATOR_LEGAL_FORM: z.string().max(300).optional(),
  OPERATOR_REPRESENTATIVE: z.string().max(500).optional(),
  OPERATOR_EMAIL: z.string().email().optional(),
  OPERATOR_PHONE: z.string().max(100).optional(),
  /** Register entry (e.g. "Vereinsregister Amtsgericht Musterstadt, VR 1234"), if any. */
  OPERATOR_REGISTER: z.string().max(300).optional(),
  /** Umsatzsteuer-Identifikationsnummer (§ 27a UStG), if any. */
  OPERATOR_VAT_ID: z.string().max(100).optional(),
  /** Responsible for content (§ 18 Abs. 2 MStV), if not the representative. */
  OPERATOR_CONTENT_RESPONSIBLE: z.string().max(500).optional(),
  DPO_NAME: z.string().max(300).optional(),
  /** The data protection officer's e-mail or postal contact. */
  DPO_CONTACT: z.string().max(500).optional(),
  SUPERVISORY_AUTHORITY_NAME: z.string().max(300).optional(),
  SUPERVISORY_AUTHORITY_ADDRESS: z.string().max(1000).optional(),
  SUPERVISORY_AUTHORITY_URL: httpUrl.optional(),
  // Enforcement of accessibility (BITV 2.0 § 7 Abs. 1 Nr. 3 / Schlichtungsstelle): bodies of
  // a Land name their Land's; the default is the federal one (§ 16 BGG).
  ENFORCEMENT_BODY_NAME: z.string().max(300).optional(),
  ENFORCEMENT_BODY_ADDRESS: z.string().max(1000).optional(),
  ENFORCEMENT_BODY_EMAIL: z.string().email().optional(),
  ENFORCEMENT_BODY_PHONE: z.string().max(100).optional(),
  ENFORCEMENT_BODY_URL: httpUrl.optional(),
  /** A request that takes longer is logged as a warning (`slow request`); 0 turns it off. */
  SLOW_REQUEST_MS: z.coerce.number().int().min(0).max(600_000).default(1000),
  /** An SQL statement that takes longer is logged as a warning (`slow query`); 0 turns it off. */
  SLOW_QUERY_MS: z.coerce.number().int().min(0).max(600_000).default(500),
  /** Bearer token for GET /metrics (Prometheus); without it /metrics answers 404. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
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
  /** Base of every link the platform sends; in development set after listening when unset. */
  publicUrl?: string;
  /** Express "trust proxy" value: the proxies named in TRUST_PROXY, or none. */
  trustProxy: string[];
  /** Extra allowed origins from ALLOWED_ORIGINS (see allowedOrigins()). */
  allowedOrigins: string[];
  sessionIdleMinutes: number;
  wsSessionCheckSeconds: number;
  meiliTimeoutMs: number;
  smtpTimeoutMs: number;
  databaseConnectTimeoutMs: number;
  databaseStatementTimeoutMs: number;
  databaseLockTimeoutMs: number;
  smtpUrl?: string;
  mailFrom: string;
  sessionTtlHours: number;
  searchWorker: boolean;
  searchPollMs: number;
  searchRetryMaxMs: number;
  notificationPollMs: number;
  notificationRetryMaxMs: number;
  jobsEnabled: boolean;
  jobsPollMs: number;
  jobsShutdownWaitMs: number;
  retentionRegistrationMonths: number;
  retentionAuditMonths: number;
  retentionFeedbackMonths: number;
  retentionSuggestionContactDays: number;
  altchaHmacKey: string;
  suggestionsPerAddress: number;
  attachmentsDir: string;
  fileStorage: FileStorageConfig;
  signLanguageVideoMaxBytes: number;
  operator: OperatorConfig;
  slowRequestMs: number;
  slowQueryMs: number;
  metricsToken?: string;
}

export type FileStorageConfig =
  | { kind: 'disk'; dir: string }
  | {
      kind: 's3';
      endpoint?: string;
      region: string;
      bucket: string;
      accessKeyId?: string;
      secretAccessKey?: string;
      forcePathStyle: boolean;
      timeoutMs: number;
    };

/** The ALTCHA key: given, derived from a production secret, or the development one. */
function altchaKey(raw: RawConfig, production: boolean): string {
  if (raw.ALTCHA_HMAC_KEY) return raw.ALTCHA_HMAC_KEY;
  if (production && raw.MEILI_MASTER_KEY)
    return createHmac('sha256', raw.MEILI_MASTER_KEY).update('wissensnetz altcha').digest('hex');
  return 'wissensnetz-development-altcha-key';
}

function fileStorageFrom(raw: RawConfig, attachmentsDir: string): FileStorageConfig {
  if (raw.FILE_STORAGE === 'disk') return { kind: 'disk', dir: attachmentsDir };
  return {
    kind: 's3',
    endpoint: raw.S3_ENDPOINT,
    region: raw.S3_REGION,
    bucket: raw.S3_BUCKET ?? '',
    accessKeyId: raw.S3_ACCESS_KEY_ID,
    secretAccessKey: raw.S3_SECRET_ACCESS_KEY,
    forcePathStyle: raw.S3_FORCE_PATH_STYLE,
    timeoutMs: raw.S3_TIMEOUT_MS,
  };
}

/** What FILE_STORAGE=s3 cannot do without. */
function fileStorageProblems(raw: RawConfig): string[] {
  if (raw.FILE_STORAGE !== 's3') return [];
  const problems: string[] = [];
  if (!raw.S3_BUCKET) problems.push('S3_BUCKET: is missing (required with FILE_STORAGE=s3)');
  if (Boolean(raw.S3_ACCESS_KEY_ID) !== Boolean(raw.S3_SECRET_ACCESS_KEY))
    problems.push(
      'S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY: give both or neither (neither: the SDK default chain)',
    );
  return problems;
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
  const missing: string[] = [];
  if (production && !raw.MEILI_MASTER_KEY)
    missing.push('MEILI_MASTER_KEY: is missing (required in production)');
  // Links in e-mails must never come from a request's Host header (reset-link poisoning).
  if (production && !raw.PUBLIC_URL)
    missing.push('PUBLIC_URL: is missing (required in production: base of links in e-mails)');
  // A public body's deployment must say who runs it (Impressum, privacy policy).
  if (production)
    for (const name of OPERATOR_REQUIRED)
      if (raw[name] === undefined)
        missing.push(
          `${name}: is missing (required in production: the operator's published details)`,
        );
  missing.push(...fileStorageProblems(raw));
  if (missing.length > 0) throw new ConfigError(missing);
  const attachmentsDir = raw.ATTACHMENTS_DIR ?? `${raw.DATA_DIR}/attachments`;
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
    trustProxy: splitList(raw.TRUST_PROXY),
    allowedOrigins: splitList(raw.ALLOWED_ORIGINS).map((origin) => origin.replace(/\/$/, '')),
    sessionIdleMinutes: raw.SESSION_IDLE_MINUTES,
    wsSessionCheckSeconds: raw.WS_SESSION_CHECK_SECONDS,
    meiliTimeoutMs: raw.MEILI_TIMEOUT_MS,
    smtpTimeoutMs: raw.SMTP_TIMEOUT_MS,
    databaseConnectTimeoutMs: raw.DATABASE_CONNECT_TIMEOUT_MS,
    databaseStatementTimeoutMs: raw.DATABASE_STATEMENT_TIMEOUT_MS,
    databaseLockTimeoutMs: raw.DATABASE_LOCK_TIMEOUT_MS,
    smtpUrl: raw.SMTP_URL,
    mailFrom: raw.MAIL_FROM,
    sessionTtlHours: raw.SESSION_TTL_HOURS,
    searchWorker: raw.SEARCH_WORKER,
    searchPollMs: raw.SEARCH_POLL_MS,
    searchRetryMaxMs: raw.SEARCH_RETRY_MAX_MS,
    notificationPollMs: raw.NOTIFICATION_POLL_MS,
    notificationRetryMaxMs: raw.NOTIFICATION_RETRY_MAX_MS,
    jobsEnabled: raw.JOBS_ENABLED,
    jobsPollMs: raw.JOBS_POLL_MS,
    jobsShutdownWaitMs: raw.JOBS_SHUTDOWN_WAIT_MS,
    retentionRegistrationMonths: raw.RETENTION_REGISTRATION_MONTHS,
    retentionAuditMonths: raw.RETENTION_AUDIT_MONTHS,
    retentionFeedbackMonths: raw.RETENTION_FEEDBACK_MONTHS,
    retentionSuggestionContactDays: raw.RETENTION_SUGGESTION_CONTACT_DAYS,
    altchaHmacKey: altchaKey(raw, production),
    suggestionsPerAddress: raw.SUGGESTIONS_PER_ADDRESS,
    attachmentsDir,
    fileStorage: fileStorageFrom(raw, attachmentsDir),
    signLanguageVideoMaxBytes: raw.SIGN_LANGUAGE_VIDEO_MAX_BYTES,
    operator: operatorFrom(raw),
    slowRequestMs: raw.SLOW_REQUEST_MS,
    slowQueryMs: raw.SLOW_QUERY_MS,
    metricsToken: raw.METRICS_TOKEN,
  };
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/**
 * Origins that may open WebSockets and send state-changing requests with the
 * session cookie: PUBLIC_URL's, ALLOWED_ORIGINS, and in development the local
 * addresses of the API port and of the Vite dev server.
 */
export function allowedOrigins(config: AppConfig, port = config.port): string[] {
  const origins = new Set<string>(config.allowedOrigins);
  if (config.publicUrl) origins.add(new URL(config.publicUrl).origin);
  if (!config.production) {
    for (const host of ['localhost', '127.0.0.1', '[::1]']) {
      origins.add(`http://${host}:${port}`);
      origins.add(`http://${host}:5173`);
    }
  }
  return [...origins];
}

/**
 * The origin of an address as a browser writes it in `Origin` (scheme, host and port,
 * lower case, no default port); undefined for none, `null` or anything unparsable.
 * Used wherever a request's Origin or Referer is judged against allowedOrigins().
 */
export function originOf(value: string | undefined): string | undefined {
  if (!value || value === 'null') return undefined;
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
