import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { coordinatorCityIds, isOrganizer, memberCityIds, type Actor } from './actor';

export interface TenantRunOptions {
  /** Hash of an invitation token: lets its holder read and accept exactly that invitation. */
  invitationTokenHash?: string;
}

/**
 * Every access to tenant-owned tables goes through here: one transaction whose
 * first statement tells PostgreSQL who is acting (set_config(..., true) lasts
 * until the transaction ends). Row-level security reads these settings, so a
 * query that forgets a check in code still sees only what the caller may see.
 */
@Injectable()
export class TenantDb {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Runs `fn` in one transaction as `actor`: row-level security sees exactly the
   * actor the service checked. There is no form without an actor.
   */
  run<T>(
    actor: Actor,
    fn: (manager: EntityManager) => Promise<T>,
    options: TenantRunOptions = {},
  ): Promise<T> {
    return this.db.transaction(async (manager) => {
      await manager.query(
        `SELECT set_config('app.user_id', $1, true),
                set_config('app.member_city_ids', $2, true),
                set_config('app.coordinator_city_ids', $3, true),
                set_config('app.is_organizer', $4, true),
                set_config('app.invitation_token', $5, true)`,
        [
          actor.kind === 'user' ? actor.userId : '',
          toArrayLiteral(memberCityIds(actor)),
          toArrayLiteral(coordinatorCityIds(actor)),
          isOrganizer(actor) ? 'on' : 'off',
          options.invitationTokenHash ?? '',
        ],
      );
      return fn(manager);
    });
  }
}

function toArrayLiteral(ids: string[]): string {
  return `{${ids.join(',')}}`;
}
