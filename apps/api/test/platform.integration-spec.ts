import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { freePort } from '@wissensnetz/dev-services';
import { printSchemaFile } from '../src/schema';
import { startTestPlatform, type TestPlatform } from './harness';

describe('the platform', () => {
  let api: TestPlatform;

  beforeAll(async () => {
    api = await startTestPlatform();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('serves the committed schema file exactly', async () => {
    const committed = await readFile(join(__dirname, '..', 'schema.gql'), 'utf8');
    const live = printSchemaFile(api.platform.app.get(GraphQLSchemaHost).schema);
    expect(live).toBe(committed);
  });

  it('reports database and search as up on /health', async () => {
    const response = await fetch(`${api.url}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      status: string;
      details: Record<string, { status: string }>;
    };
    expect(body.status).toBe('ok');
    expect(body.details.database.status).toBe('up');
    expect(body.details.search.status).toBe('up');
  });

  it('sends security headers with a strict content security policy', async () => {
    const response = await fetch(`${api.url}/health`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('refuses a cross-site simple GET of GraphQL (CSRF prevention)', async () => {
    const response = await fetch(
      `${api.url}/graphql?query=${encodeURIComponent('{ topics { slug } }')}`,
    );
    expect(response.status).toBe(400);
  });

  it('reports search as down (503) when Meilisearch is unreachable, and keeps serving data', async () => {
    const deadPort = await freePort();
    const degraded = await startTestPlatform({ MEILI_URL: `http://127.0.0.1:${deadPort}` });
    try {
      const health = await fetch(`${degraded.url}/health`);
      expect(health.status).toBe(503);
      const body = (await health.json()) as { details: Record<string, { status: string }> };
      expect(body.details.search.status).toBe('down');
      expect(body.details.database.status).toBe('up');
      const { data } = await degraded.gql<{ city: { name: string } }>(
        '{ city(slug: "goch") { name } }',
      );
      expect(data?.city.name).toBe('Goch');
    } finally {
      await degraded.stop();
    }
  });

  it('connects as the application role, which owns no table and is no superuser', async () => {
    const { DataSource } = await import('typeorm');
    const db = api.platform.app.get(DataSource);
    const [role] = (await db.query(
      `SELECT current_user AS name, r.rolsuper AS super, r.rolbypassrls AS bypass,
              (SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user)::int AS owned
         FROM pg_roles r WHERE r.rolname = current_user`,
    )) as Array<{ name: string; super: boolean; bypass: boolean; owned: number }>;
    expect(role).toEqual({ name: 'wissensnetz_app', super: false, bypass: false, owned: 0 });
  });
});
