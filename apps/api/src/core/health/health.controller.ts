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
import { MigrationState } from './readiness';

/** How long a readiness part may take before it counts as down (a hanging server). */
const CHECK_TIMEOUT_MS = 2000;

/**
 * `/health/live`: the process answers (no dependency is asked; a load balancer restarts on
 * failure). `/health/ready`: PostgreSQL and Meilisearch answer and every migration of this
 * build is applied (503 naming the part that is down; take out of rotation). `/health`:
 * PostgreSQL and Meilisearch, as before (kept for existing probes).
 */
@Access(AccessLevel.PUBLIC)
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(SEARCH_INDEX) private readonly search: SearchIndex,
    private readonly migrations: MigrationState,
  ) {}

  @Get()
  @HealthCheck()
  check(): Promise<HealthCheckResult> {
    return this.run([this.databaseCheck(), this.searchCheck()]);
  }

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.run([
      this.databaseCheck(),
      this.searchCheck(),
      this.indicators
        .check('migrations')
        .attempt(async ({ signal }) => {
          const pending = await this.migrations.pending(signal);
          if (pending.length > 0) throw new Error(`${pending.length} migrations pending`);
        })
        .withTimeout(CHECK_TIMEOUT_MS),
    ]);
  }

  private databaseCheck() {
    return this.database.pingCheck('database').withTimeout(CHECK_TIMEOUT_MS);
  }

  private searchCheck() {
    return this.indicators
      .check('search')
      .attempt(({ signal }) => this.search.ping(signal))
      .withTimeout(CHECK_TIMEOUT_MS);
  }

  private async run(
    checks: Parameters<HealthCheckService['check']>[0],
  ): Promise<HealthCheckResult> {
    try {
      return await this.health.check(checks);
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
