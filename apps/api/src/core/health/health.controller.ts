import { Controller, Get, Inject } from '@nestjs/common';
import {
  HealthCheck,
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
  check() {
    return this.health.check([
      this.database.pingCheck('database').withTimeout(2000),
      this.indicators
        .check('search')
        .attempt(({ signal }) => this.search.ping(signal))
        .withTimeout(2000),
    ]);
  }
}
