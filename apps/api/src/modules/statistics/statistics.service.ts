import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Permission, requireAccess } from '../../core/auth/access';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import type { NetworkDashboard, NetworkFigures } from './dto/statistics.types';
import { StatisticsException } from './statistics.exception';
import { DETAILED_FIGURES_SQL, PUBLIC_FIGURES_SQL } from './statistics.sql';

const COHORT_MIN = 2000;
const COHORT_MAX = 2100;

type Rows<K extends string> = Record<K, unknown[]>;

/** Runs each named statement once, in order, in the caller's transaction. */
async function runAll<K extends string>(
  manager: EntityManager,
  statements: Record<K, string>,
  cohort: number | null,
): Promise<Rows<K>> {
  const result = {} as Rows<K>;
  for (const key of Object.keys(statements) as K[])
    result[key] = (await manager.query(statements[key], [cohort])) as unknown[];
  return result;
}

/**
 * The network in numbers: aggregates computed in PostgreSQL (statistics.sql.ts), a fixed
 * number of statements however large the network is, run as the caller so row-level
 * security counts only what they may read.
 */
@Injectable()
export class StatisticsService {
  constructor(private readonly tenantDb: TenantDb) {}

  /** Cities, published practices and conferences: for everybody. */
  async figures(actor: Actor, cohortInput: number | null | undefined): Promise<NetworkFigures> {
    const cohort = validCohort(cohortInput);
    return this.tenantDb.run(actor, async (manager) => {
      const cohorts = (await manager.query(
        `SELECT DISTINCT joined_year AS year FROM city ORDER BY 1`,
      )) as Array<{ year: number }>;
      const rows = await runAll(manager, PUBLIC_FIGURES_SQL, cohort);
      return {
        cohort,
        cohorts: cohorts.map((row) => row.year),
        ...(rows as unknown as Omit<NetworkFigures, 'cohort' | 'cohorts'>),
      };
    });
  }

  /** Tandems, registrations, follow-up actions and unfound searches: the network office. */
  async dashboard(actor: Actor, cohortInput: number | null | undefined): Promise<NetworkDashboard> {
    requireAccess(actor, Permission.NETWORK_STATISTICS_READ);
    const cohort = validCohort(cohortInput);
    return this.tenantDb.run(actor, async (manager) => {
      const rows = await runAll(manager, DETAILED_FIGURES_SQL, cohort);
      return { cohort, ...(rows as unknown as Omit<NetworkDashboard, 'cohort'>) };
    });
  }
}

function validCohort(cohort: number | null | undefined): number | null {
  if (cohort == null) return null;
  if (!Number.isInteger(cohort) || cohort < COHORT_MIN || cohort > COHORT_MAX)
    throw StatisticsException.cohortOutOfRange(COHORT_MIN, COHORT_MAX);
  return cohort;
}
