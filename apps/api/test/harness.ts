import pg from 'pg';
import { inject } from 'vitest';
import { startPlatform, type RunningPlatform } from '../src/bootstrap';
import { DEMO_DOMAIN, DEMO_PASSWORD, ORGANIZER_EMAIL } from '../src/seed/demo-accounts';

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
}

/** A browser-like caller: keeps the session cookie it is given. */
export class Client {
  cookie: string | undefined;
  lastSetCookie: string | undefined;

  constructor(private readonly url: string) {}

  async gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      this.lastSetCookie = setCookie;
      const [pair] = setCookie.split(';');
      this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    return (await response.json()) as GraphQLResponse<T>;
  }

  async login(email: string, password = DEMO_PASSWORD): Promise<this> {
    const result = await this.gql(`mutation($input: LoginInput!) { login(input: $input) { id } }`, {
      input: { email, password },
    });
    if (result.errors)
      throw new Error(`login of ${email} failed: ${JSON.stringify(result.errors)}`);
    return this;
  }
}

export interface TestPlatform {
  platform: RunningPlatform;
  url: string;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  client(): Client;
  /** A signed-in client for a demo account: 'organizer', or coordinator/member of a city slug. */
  as(role: 'organizer' | 'coordinator' | 'member', citySlug?: string): Promise<Client>;
  /** SQL as the owner (bypasses row-level security): for arranging and inspecting, never for the API. */
  ownerQuery<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

export function demoEmail(role: 'organizer' | 'coordinator' | 'member', citySlug?: string): string {
  return role === 'organizer' ? ORGANIZER_EMAIL : `${role}.${citySlug}@${DEMO_DOMAIN}`;
}

/** The real API on a free port against the run's PostgreSQL and Meilisearch, with the demo network. */
export async function startTestPlatform(env: Record<string, string> = {}): Promise<TestPlatform> {
  const serviceEnv = inject('serviceEnv');
  const platform = await startPlatform({
    env: {
      ...process.env,
      ...serviceEnv,
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      // Tests are not about these bounds (outages.integration-spec.ts sets its own small
      // ones); on a loaded two-core machine 50 simultaneous requests can wait longer than
      // the production defaults for a pooled connection or a row lock.
      DATABASE_CONNECT_TIMEOUT_MS: '30000',
      DATABASE_LOCK_TIMEOUT_MS: '30000',
      DATABASE_STATEMENT_TIMEOUT_MS: '60000',
      MEILI_TIMEOUT_MS: '15000',
      // Scheduled jobs on the real clock would purge rows other files arrange (expired
      // sessions, past conferences); tests run a job with job.run(date) or their own scheduler.
      JOBS_ENABLED: 'false',
      ...env,
    },
  });
  const url = platform.url;
  const owner = new pg.Pool({ connectionString: platform.config.migrationUrl, max: 2 });
  // A PostgreSQL restart ends idle connections; the pool replaces them (no unhandled 'error').
  owner.on('error', () => undefined);
  // Failed logins of earlier files must not throttle this one (all tests come from 127.0.0.1).
  await owner.query('DELETE FROM login_throttle');
  return {
    platform,
    url,
    // A fresh client per call: an anonymous caller never carries a cookie from an earlier answer.
    gql: (query, variables) => new Client(url).gql(query, variables),
    client: () => new Client(url),
    as: (role, citySlug) => new Client(url).login(demoEmail(role, citySlug)),
    async ownerQuery<T>(sql: string, params: unknown[] = []) {
      return (await owner.query(sql, params)).rows as T[];
    },
    async stop() {
      await owner.end();
      await platform.stop();
    },
  };
}

/** Reads the newest mail to an address from the development outbox and returns the token of its link. */
export async function tokenFromMailbox(
  client: Client,
  recipient: string,
  pathPart: string,
): Promise<string> {
  const { data } = await client.gql<{ devMailbox: Array<{ recipient: string; textBody: string }> }>(
    '{ devMailbox(first: 50) { recipient textBody } }',
  );
  const link = new RegExp(`/${pathPart}/([A-Za-z0-9_-]{43})`);
  const mails = data?.devMailbox.filter((entry) => entry.recipient === recipient) ?? [];
  if (mails.length === 0) throw new Error(`no mail to ${recipient} in the outbox`);
  // The newest one with such a link (a digest may have arrived in between).
  const match = mails.map((mail) => link.exec(mail.textBody)).find((found) => found !== null);
  if (!match) throw new Error(`mail to ${recipient} has no ${pathPart} link`);
  return match[1];
}
