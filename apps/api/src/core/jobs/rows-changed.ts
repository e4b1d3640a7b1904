import type { DataSource } from 'typeorm';

/**
 * Runs one DELETE or UPDATE (written without RETURNING) and answers how many rows it
 * changed: what the retention jobs log and their tests compare.
 */
export async function rowsChanged(
  db: Pick<DataSource, 'query'>,
  statement: string,
  params: unknown[],
): Promise<number> {
  const [row] = (await db.query(
    `WITH changed AS (${statement} RETURNING 1) SELECT count(*)::int AS n FROM changed`,
    params,
  )) as Array<{ n: number }>;
  return row.n;
}
