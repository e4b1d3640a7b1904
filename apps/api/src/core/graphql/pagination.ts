import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@wissensnetz/domain';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { InputException, InputExceptionReason } from '../errors/app.exception';
import { isUuid } from '../validation/uuid';

@ObjectType('PageInfo')
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** The arguments of every connection query: `first` (default 20, at most 100) and `after`. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** The same page with every node mapped to its API type. */
export function mapConnection<T, U>(
  page: ConnectionShape<T>,
  map: (node: T) => U,
): ConnectionShape<U> {
  return {
    ...page,
    edges: page.edges.map((edge) => ({ ...edge, node: map(edge.node) })),
  };
}

/** Builds the GraphQL types `<Name>Edge` and a base for `<Name>Connection` (Relay style). */
export function ConnectionType<T>(node: Type<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType implements Edge<T> {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType({ isAbstract: true })
  abstract class Connection implements ConnectionShape<T> {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of nodes matching the filter, on all pages' })
    totalCount!: number;
  }
  return Connection;
}

export type CursorValueKind = 'text' | 'uuid' | 'int';

/** One column of a keyset ordering; the last key must be unique (usually the id). */
export interface SortKey<T> {
  column: string;
  kind: CursorValueKind;
  value: (row: T) => string | number;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export function validatePageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (size > MAX_PAGE_SIZE) {
    throw new InputException(
      InputExceptionReason.PAGE_SIZE_TOO_LARGE,
      `first must be at most ${MAX_PAGE_SIZE}`,
      'first',
      { max: MAX_PAGE_SIZE },
    );
  }
  if (size < 1) {
    throw new InputException(
      InputExceptionReason.PAGE_SIZE_TOO_SMALL,
      'first must be at least 1',
      'first',
      { min: 1 },
    );
  }
  return size;
}

export function encodeCursor(values: Array<string | number>): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, kinds: CursorValueKind[]): Array<string | number> {
  const malformed = () =>
    new InputException(
      InputExceptionReason.MALFORMED_CURSOR,
      'after is not a cursor of this list',
      'after',
    );
  if (cursor.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw malformed();
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw malformed();
  }
  if (!Array.isArray(values) || values.length !== kinds.length) throw malformed();
  values.forEach((value: unknown, index) => {
    const kind = kinds[index];
    const fits =
      (kind === 'int' && Number.isInteger(value)) ||
      (kind === 'uuid' && typeof value === 'string' && isUuid(value)) ||
      (kind === 'text' && typeof value === 'string');
    if (!fits) throw malformed();
  });
  return values as Array<string | number>;
}

/**
 * Keyset pagination over a filtered query (all keys in one direction): counts all matches, then reads one
 * row more than asked to know whether another page follows.
 */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  args: PageArgs,
  keys: SortKey<T>[],
  order: 'ASC' | 'DESC' = 'ASC',
): Promise<ConnectionShape<T>> {
  const size = validatePageSize(args.first);
  const after = afterValues(args, keys);
  const totalCount = await query.clone().getCount();

  const page = query.clone();
  if (after) {
    const columns = keys.map((key) => key.column).join(', ');
    const params = Object.fromEntries(after.map((value, index) => [`cursor${index}`, value]));
    const placeholders = after.map((_, index) => `:cursor${index}`).join(', ');
    page.andWhere(`(${columns}) ${order === 'ASC' ? '>' : '<'} (${placeholders})`, params);
  }
  keys.forEach((key, index) =>
    index === 0 ? page.orderBy(key.column, order) : page.addOrderBy(key.column, order),
  );
  const rows = await page.take(size + 1).getMany();
  return toConnection(rows.slice(0, size), rows.length > size, after, keys, totalCount);
}

/** The values of the `after` cursor, checked against the keys' kinds; none without one. */
function afterValues<T>(args: PageArgs, keys: SortKey<T>[]): Array<string | number> | undefined {
  return args.after
    ? decodeCursor(
        args.after,
        keys.map((key) => key.kind),
      )
    : undefined;
}

/** A page's nodes as a connection, each with the cursor of its sort keys. */
function toConnection<T>(
  nodes: T[],
  hasNextPage: boolean,
  after: unknown[] | undefined,
  keys: SortKey<T>[],
  totalCount: number,
): ConnectionShape<T> {
  const edges = nodes.map((node) => ({
    node,
    cursor: encodeCursor(keys.map((key) => key.value(node))),
  }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** A keyset-paginated list in plain SQL: `FROM … WHERE …` with `$n` parameters. */
export interface SqlPageQuery {
  /** The select list (the rows of a page). */
  columns: string;
  /** `FROM` clause with joins, without the word. */
  from: string;
  /** Conditions joined with AND (may be empty). */
  where: string[];
  /** Parameters of `where` ($1, $2, …). */
  params: unknown[];
}

/**
 * `paginate` in plain SQL, in one statement for a non-empty page: the total comes as a
 * sub-select beside the page's rows (`totalCount` is of the whole filter, not of what
 * follows the cursor). Only an empty page needs a second statement to count.
 */
export async function paginateSql<T>(
  run: (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>,
  query: SqlPageQuery,
  args: PageArgs,
  keys: SortKey<T>[],
  toNode: (row: Record<string, unknown>) => T,
  order: 'ASC' | 'DESC' = 'ASC',
): Promise<ConnectionShape<T>> {
  const size = validatePageSize(args.first);
  const after = afterValues(args, keys);
  const filter = query.where.length ? `WHERE ${query.where.join(' AND ')}` : '';
  const params = [...query.params];
  const pageWhere = [...query.where];
  if (after) {
    const placeholders = after.map((value) => {
      params.push(value);
      return `$${params.length}`;
    });
    const columns = keys.map((key) => key.column).join(', ');
    pageWhere.push(`(${columns}) ${order === 'ASC' ? '>' : '<'} (${placeholders.join(', ')})`);
  }
  params.push(size + 1);
  const rows = await run(
    `SELECT (SELECT count(*)::int FROM ${query.from} ${filter}) AS "__total", ${query.columns}
       FROM ${query.from} ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''}
      ORDER BY ${keys.map((key) => `${key.column} ${order}`).join(', ')}
      LIMIT $${params.length}`,
    params,
  );
  const totalCount = rows.length
    ? (rows[0].__total as number)
    : ((await run(`SELECT count(*)::int AS n FROM ${query.from} ${filter}`, query.params))[0]
        .n as number);
  const nodes = rows.slice(0, size).map((row) => {
    delete row.__total;
    return toNode(row);
  });
  return toConnection(nodes, rows.length > size, after, keys, totalCount);
}
