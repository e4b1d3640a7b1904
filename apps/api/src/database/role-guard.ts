import pg from 'pg';

/**
 * The API must connect as a role that row-level security binds: not a superuser,
 * without BYPASSRLS, and owning no table (an owner may ALTER TABLE ... DISABLE ROW
 * LEVEL SECURITY or drop a policy). Checked once before the API starts; a wrong
 * DATABASE_URL stops the start with a message that says why.
 */
export async function assertApplicationRole(databaseUrl: string): Promise<void> {
  const client = new pg.Client({
    connectionString: databaseUrl,
    application_name: 'wissensnetz-role-check',
    connectionTimeoutMillis: 10_000,
  });
  await client.connect();
  try {
    const role = await client.query<{ name: string; superuser: boolean; bypass: boolean }>(
      `SELECT rolname AS name, rolsuper AS superuser, rolbypassrls AS bypass
         FROM pg_roles WHERE rolname = current_user`,
    );
    const owned = await client.query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
          AND c.relkind IN ('r', 'p', 'v', 'm') AND pg_get_userbyid(c.relowner) = current_user
        ORDER BY c.relname LIMIT 5`,
    );
    const problems: string[] = [];
    const { name, superuser, bypass } = role.rows[0] ?? {
      name: '?',
      superuser: true,
      bypass: true,
    };
    if (superuser) problems.push(`role ${name} is a superuser`);
    if (bypass) problems.push(`role ${name} has BYPASSRLS`);
    if (owned.rows.length > 0)
      problems.push(
        `role ${name} owns tables (${owned.rows.map((row) => row.relname).join(', ')}, …)`,
      );
    if (problems.length > 0) {
      throw new ApplicationRoleError(
        `DATABASE_URL must connect as the application role that row-level security binds ` +
          `(see apps/api/src/database/README.md): ${problems.join('; ')}. ` +
          `Use DATABASE_MIGRATION_URL for the owner.`,
      );
    }
  } finally {
    await client.end();
  }
}

export class ApplicationRoleError extends Error {
  override name = 'ApplicationRoleError';
}
