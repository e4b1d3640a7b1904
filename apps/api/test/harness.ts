import { inject } from 'vitest';
import { startPlatform, type RunningPlatform } from '../src/bootstrap';

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
}

export interface TestPlatform {
  platform: RunningPlatform;
  url: string;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/** The real API on a free port against the run's PostgreSQL and Meilisearch, with the demo network. */
export async function startTestPlatform(env: Record<string, string> = {}): Promise<TestPlatform> {
  const platform = await startPlatform({
    env: { ...process.env, ...inject('serviceEnv'), NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'true', LOG_LEVEL: 'warn', ...env },
  });
  const url = platform.url;
  return {
    platform,
    url,
    async gql<T>(query: string, variables?: Record<string, unknown>) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<T>;
    },
    stop: () => platform.stop(),
  };
}
