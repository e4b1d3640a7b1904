import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { SearchOutbox } from '../../search/search-outbox';
import { CITIES_INDEX } from './city-search.source';
import { fromCachedList, type GraphQLContext } from '../../core/graphql/loaders';
import { TtlCache } from '../../core/graphql/ttl-cache';
import { CityException, CityExceptionReason } from './city.exception';
import { paginateSql, type ConnectionShape, type PageArgs } from '../../core/graphql/pagination';
import { CityEntity } from './city.entity';
import { cohortRange, validateCityFilter } from './city-filter';
import type { CityFilter } from './dto/city-filter.input';
import type { FederalStateSummary } from './dto/city-connection';

/** Every column of `city` under the entity's names (`c` is the table's alias). */
const CITY_COLUMNS = `c.id, c.slug, c.name, c.kind, c.federal_state AS "federalState",
  c.joined_year AS "joinedYear", c.population, c.latitude, c.longitude,
  c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

@Injectable()
export class CityService {
  /** Member cities change rarely; loaders and search facets read them from here. */
  private readonly allCities = new TtlCache(30_000, () => this.db.getRepository(CityEntity).find());

  /** The search index of cities (for the one search box). */
  readonly searchIndex = CITIES_INDEX;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: SearchOutbox,
  ) {}

  /** In the transaction that changed what a city's search document shows (its profile). */
  refreshSearch(manager: EntityManager, cityId: string): Promise<void> {
    return this.outbox.enqueue(manager, CITIES_INDEX, [cityId]);
  }

  /** Cities in German alphabetical order, filtered, one page at a time. */
  async list(
    filter: CityFilter | null | undefined,
    page: PageArgs,
  ): Promise<ConnectionShape<CityEntity>> {
    const valid = validateCityFilter(filter);
    // Plain SQL, page and total in one statement (paginateSql): every list of cities.
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (valid.federalState) where.push(`c.federal_state = ${param(valid.federalState)}`);
    if (valid.joinedYear) where.push(`c.joined_year = ${param(valid.joinedYear)}`);
    if (valid.kind) where.push(`c.kind = ${param(valid.kind)}`);
    if (valid.supportPhase) {
      const { from, to } = cohortRange(valid.supportPhase, new Date());
      if (from !== null) where.push(`c.joined_year >= ${param(from)}`);
      if (to !== null) where.push(`c.joined_year <= ${param(to)}`);
    }
    if (valid.search) {
      const pattern = `%${valid.search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      const placeholder = param(pattern);
      where.push(`(c.name ILIKE ${placeholder} OR c.slug ILIKE ${placeholder})`);
    }
    return paginateSql<CityEntity>(
      (sql, values) => this.db.query(sql, values),
      { columns: CITY_COLUMNS, from: 'city c', where, params },
      page,
      [
        { column: 'c.name', kind: 'text', value: (city) => city.name },
        { column: 'c.id', kind: 'uuid', value: (city) => city.id },
      ],
      (row) => Object.assign(new CityEntity(), row),
    );
  }

  /** null when no city has this slug: an unknown city is not an error. */
  bySlug(slug: string): Promise<CityEntity | null> {
    return this.db.getRepository(CityEntity).findOneBy({ slug: slug.trim().toLowerCase() });
  }

  /** Like bySlug, but an unknown slug in an input is a typed NOT_FOUND on that field. */
  async requireBySlug(slug: string, field: string): Promise<CityEntity> {
    const city = await this.bySlug(slug);
    if (!city) {
      throw new CityException(
        CityExceptionReason.UNKNOWN_CITY,
        `There is no city "${slug}" in the network`,
        field,
        undefined,
        true,
      );
    }
    return city;
  }

  /** Every member city (cached briefly). */
  all(): Promise<CityEntity[]> {
    return this.allCities.get();
  }

  async bySlugs(slugs: readonly string[]): Promise<CityEntity[]> {
    if (slugs.length === 0) return [];
    const wanted = new Set(slugs);
    return (await this.allCities.get()).filter((city) => wanted.has(city.slug));
  }

  /** Like bySlugs, but every slug must name a city: the first unknown one is a typed NOT_FOUND on `<field>.<index>`. */
  async requireBySlugs(slugs: readonly string[], field: string): Promise<CityEntity[]> {
    const cached = new Map((await this.bySlugs(slugs)).map((city) => [city.slug, city]));
    const cities: CityEntity[] = [];
    for (const [index, slug] of slugs.entries()) {
      // A city admitted moments ago may not be in the cached list yet.
      cities.push(cached.get(slug) ?? (await this.requireBySlug(slug, `${field}.${index}`)));
    }
    return cities;
  }

  /** The request's batched lookup by id: one DataLoader per request, shared by every resolver. */
  load(ctx: GraphQLContext, id: string): Promise<CityEntity | null> {
    return ctx.loaders.get('cityById', (ids: readonly string[]) => this.byIds(ids)).load(id);
  }

  /** For a reference that must exist (a foreign key): a missing city is a bug, not bad input. */
  async loadExisting(ctx: GraphQLContext, id: string, referrer: string): Promise<CityEntity> {
    const city = await this.load(ctx, id);
    if (!city) throw new Error(`${referrer} points to a missing city ${id}`);
    return city;
  }

  /** From the cached list; only ids it does not know yet (a city admitted seconds ago) cost a query. */
  async byIds(ids: readonly string[]): Promise<Array<CityEntity | null>> {
    return fromCachedList(await this.allCities.get(), ids, (missing) =>
      this.db.getRepository(CityEntity).findBy({ id: In(missing) }),
    );
  }

  async federalStates(): Promise<FederalStateSummary[]> {
    const rows: Array<{ code: string; count: string }> = await this.db
      .getRepository(CityEntity)
      .createQueryBuilder('city')
      .select('city.federal_state', 'code')
      .addSelect('count(*)', 'count')
      .groupBy('city.federal_state')
      .orderBy('city.federal_state')
      .getRawMany();
    return rows.map((row) => ({ code: row.code, cityCount: Number(row.count) }));
  }
}
