// The baseline of bench/load.mjs (issue 18): a minimal fastify + pg server answering the
// list and detail pages with the same SQL the API sends, as the app role, inside the same
// row-level-security transaction (BEGIN, the anonymous caller's set_config, the
// statements, COMMIT), serialised as the same JSON shape. No GraphQL, no Nest, no ORM.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const Fastify = require('fastify');
const pg = require('pg');

const SETTINGS = `SELECT set_config('app.user_id', $1, true),
       set_config('app.member_city_ids', $2, true),
       set_config('app.coordinator_city_ids', $3, true),
       set_config('app.is_organizer', $4, true),
       set_config('app.invitation_token', $5, true)`;
const ANONYMOUS = ['', '{}', '{}', 'off', ''];

// TypeORM reads every column of the entity; so does this.
const PRACTICE_COLUMNS = 'p.*';

export async function startBaseline({ databaseUrl, port, poolSize = 10 }) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const inTransaction = async (statements) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(SETTINGS, ANONYMOUS);
      const results = [];
      for (const [sql, params] of statements) results.push((await client.query(sql, params)).rows);
      await client.query('COMMIT');
      return results;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  const app = Fastify({ logger: false });
  // cities(first: 20) { totalCount edges { node { id slug name federalState } } }
  // The API reads cities without a tenant transaction (they are public); so does this.
  app.get('/cities', async () => {
    const [[count], rows] = await Promise.all([
      pool.query('SELECT count(*)::int AS n FROM city').then((r) => r.rows),
      pool
        .query('SELECT id, slug, name, federal_state FROM city ORDER BY name ASC, id ASC LIMIT 21')
        .then((r) => r.rows),
    ]);
    return {
      data: {
        cities: {
          totalCount: count.n,
          edges: rows.slice(0, 20).map((row) => ({
            node: { id: row.id, slug: row.slug, name: row.name, federalState: row.federal_state },
          })),
        },
      },
    };
  });
  // practices(first: 20) { totalCount edges { node { id title } } }
  app.get('/practices', async () => {
    const [[count], rows] = await inTransaction([
      ['SELECT count(*)::int AS n FROM practice p', []],
      [`SELECT ${PRACTICE_COLUMNS} FROM practice p ORDER BY p.id ASC LIMIT 21`, []],
    ]);
    return {
      data: {
        practices: {
          totalCount: count.n,
          edges: rows.slice(0, 20).map((row) => ({ node: { id: row.id, title: row.title } })),
        },
      },
    };
  });
  // practice(id) { id title summary status city { name } }
  app.get('/practice/:id', async (request) => {
    const [rows] = await inTransaction([
      [
        `SELECT ${PRACTICE_COLUMNS}, c.name AS city_name FROM practice p JOIN city c ON c.id = p.city_id WHERE p.id = $1`,
        [request.params.id],
      ],
    ]);
    const row = rows[0];
    return {
      data: {
        practice: row
          ? {
              id: row.id,
              title: row.title,
              summary: row.summary,
              status: row.status,
              city: { name: row.city_name },
            }
          : null,
      },
    };
  });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await app.close();
      await pool.end();
    },
  };
}

// `node bench/baseline-server.mjs` with DATABASE_URL and PORT: the baseline as a process of
// its own (bench/load.mjs), so it does not share an event loop with the load generator.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const server = await startBaseline({
    databaseUrl: process.env.DATABASE_URL,
    port: Number(process.env.PORT),
  });
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
