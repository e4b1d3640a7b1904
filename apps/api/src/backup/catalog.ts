import type { QueryRunner } from 'typeorm';

export interface TableInfo {
  name: string;
  columns: Array<{ name: string; type: string }>;
}

/** Identifier quoting for names read from the catalog. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The ordinary tables of the public schema with their stored (not generated) columns, in
 * dependency order: every table after the tables its foreign keys point to.
 */
export async function listTables(runner: QueryRunner): Promise<TableInfo[]> {
  const columns = (await runner.query(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY c.relname, a.attnum`,
  )) as Array<{ table: string; column: string; type: string }>;
  const references = (await runner.query(
    `SELECT DISTINCT c.relname AS table, r.relname AS references
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid
       JOIN pg_class r ON r.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND c.oid <> r.oid`,
  )) as Array<{ table: string; references: string }>;
  const tables = new Map<string, TableInfo>();
  for (const row of columns) {
    const table = tables.get(row.table) ?? { name: row.table, columns: [] };
    table.columns.push({ name: row.column, type: row.type });
    tables.set(row.table, table);
  }
  const dependsOn = new Map<string, Set<string>>();
  for (const { table, references: target } of references)
    dependsOn.set(table, (dependsOn.get(table) ?? new Set()).add(target));
  const ordered: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    if (state.get(name) === 'done') return;
    // A cycle is broken where it is found; restore loads with triggers (and so FK checks) off.
    if (state.get(name) === 'visiting') return;
    state.set(name, 'visiting');
    for (const target of [...(dependsOn.get(name) ?? [])].sort()) visit(target);
    state.set(name, 'done');
    const table = tables.get(name);
    if (table) ordered.push(table);
  };
  for (const name of [...tables.keys()].sort()) visit(name);
  return ordered;
}

/** Columns that hold FileStorage keys: `storage_key` and `<something>_storage_key`. */
export function storageKeyColumns(table: TableInfo): string[] {
  return table.columns
    .filter((column) => /(^|_)storage_key$/.test(column.name))
    .map((column) => column.name);
}

/**
 * Backup and restore read and write every row of every city: the owner connection must
 * not be bound by row-level security (FORCE applies to the table owner too).
 */
export async function requireUnboundRole(runner: QueryRunner): Promise<void> {
  const [role] = (await runner.query(
    `SELECT rolsuper OR rolbypassrls AS unbound FROM pg_roles WHERE rolname = current_user`,
  )) as Array<{ unbound: boolean }>;
  if (!role?.unbound)
    throw new Error(
      'backup/restore need DATABASE_MIGRATION_URL to be a superuser or a role with BYPASSRLS ' +
        '(row-level security would hide rows of other cities)',
    );
}
