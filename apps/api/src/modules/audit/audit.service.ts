import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Permission, requireAccess } from '../../core/auth/access';
import { paginate, type ConnectionShape, type PageArgs } from '../../core/graphql/pagination';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { AuditEntryEntity, type AuditDetails } from './audit-entry.entity';

export enum AuditAction {
  INVITATION_CREATED = 'INVITATION_CREATED',
  INVITATION_REVOKED = 'INVITATION_REVOKED',
  INVITATION_ACCEPTED = 'INVITATION_ACCEPTED',
  MEMBERSHIP_ROLE_CHANGED = 'MEMBERSHIP_ROLE_CHANGED',
  MEMBERSHIP_REMOVED = 'MEMBERSHIP_REMOVED',
  PASSWORD_RESET = 'PASSWORD_RESET',
  SESSIONS_REVOKED = 'SESSIONS_REVOKED',
  TANDEM_PROPOSED = 'TANDEM_PROPOSED',
  TANDEM_ACCEPTED = 'TANDEM_ACCEPTED',
  TANDEM_DECLINED = 'TANDEM_DECLINED',
  TANDEM_CONCLUDED = 'TANDEM_CONCLUDED',
  RECORD_CHANGED_AFTER_FINAL = 'RECORD_CHANGED_AFTER_FINAL',
}

export interface AuditRecord {
  actorUserId: string;
  action: AuditAction;
  cityId?: string | null;
  target?: string | null;
  details?: AuditDetails;
}

@Injectable()
export class AuditService {
  constructor(private readonly tenantDb: TenantDb) {}

  /** Writes in the caller's transaction, so the entry exists exactly when the change does. */
  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    // No RETURNING (updateEntity false): only organizers may read the log back, and
    // PostgreSQL checks RETURNING rows against the read policy.
    await manager
      .createQueryBuilder()
      .insert()
      .into(AuditEntryEntity)
      .updateEntity(false)
      .values({
        actorUserId: record.actorUserId,
        action: record.action,
        cityId: record.cityId ?? null,
        target: record.target ?? null,
        details: record.details ?? {},
      })
      .execute();
  }

  list(
    actor: Actor,
    filter: { cityId?: string | null; action?: string | null },
    page: PageArgs,
  ): Promise<ConnectionShape<AuditEntryEntity>> {
    requireAccess(actor, Permission.AUDIT_LOG_READ);
    return this.tenantDb.run(async (manager) => {
      const query = manager.getRepository(AuditEntryEntity).createQueryBuilder('entry');
      if (filter.cityId) query.andWhere('entry.city_id = :cityId', { cityId: filter.cityId });
      if (filter.action) query.andWhere('entry.action = :action', { action: filter.action });
      // Newest first.
      return paginate(
        query,
        page,
        [{ column: 'entry.id', kind: 'int', value: (entry) => Number(entry.id) }],
        'DESC',
      );
    });
  }
}
