import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import {
  HealthCheck,
  type HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Access, AccessLevel } from '../auth/access.decorator';
import { SEARCH_INDEX, type SearchIndex } from '../../search/search-index';

/** `/health`: 200 when PostgreSQL and Meilisearch answer, 503 otherwise. */
@Access(AccessLevel.PUBLIC)
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(SEARCH_INDEX) private readonly search: SearchIndex,
  ) {}

  @Get()
  @HealthCheck()
  async check(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        this.database.pingCheck('database').withTimeout(2000),
        this.indicators
          .check('search')
          .attempt(({ signal }) => this.search.ping(signal))
          .withTimeout(2000),
      ]);
    } catch (error) {
      // Terminus puts the driver's message into the answer ("connect ECONNREFUSED
      // 127.0.0.1:5432"): anonymous callers learn only which part is down.
      if (error instanceof ServiceUnavailableException)
        throw new ServiceUnavailableException(statusOnly(error.getResponse() as HealthCheckResult));
      throw error;
    }
  }
}

/** The same result with nothing but each part's status. */
export function statusOnly(result: HealthCheckResult): HealthCheckResult {
  const strip = (parts: Record<string, { status: string } | undefined> | undefined) =>
    Object.fromEntries(
      Object.entries(parts ?? {}).map(([name, part]) => [name, { status: part?.status ?? 'down' }]),
    );
  return {
    status: result.status,
    info: strip(result.info),
    error: strip(result.error),
    details: strip(result.details),
  } as HealthCheckResult;
}
