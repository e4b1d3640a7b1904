import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Permission, requireAccess } from '../../core/auth/access';
import {
  mapConnection,
  paginate,
  type ConnectionShape,
  type PageArgs,
} from '../../core/graphql/pagination';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { CityService } from '../cities/city.service';
import { AuditEntryEntity, type AuditDetails } from './audit-entry.entity';
import { toAuditEntry, type AuditEntryType } from './dto/audit-entry.type';

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
  REGISTRATION_CONFIRMED_BY_HAND = 'REGISTRATION_CONFIRMED_BY_HAND',
  WAITLIST_REORDERED = 'WAITLIST_REORDERED',
  PRACTICE_PUBLISHED = 'PRACTICE_PUBLISHED',
  PRACTICE_RETURNED = 'PRACTICE_RETURNED',
  SIGN_LANGUAGE_VIDEO_UPLOADED = 'SIGN_LANGUAGE_VIDEO_UPLOADED',
  SIGN_LANGUAGE_VIDEO_REPLACED = 'SIGN_LANGUAGE_VIDEO_REPLACED',
  SIGN_LANGUAGE_VIDEO_CAPTION_CHANGED = 'SIGN_LANGUAGE_VIDEO_CAPTION_CHANGED',
  SIGN_LANGUAGE_VIDEO_REMOVED = 'SIGN_LANGUAGE_VIDEO_REMOVED',
  /** An account was erased (Art. 17): target is its id (a pseudonym), details say why. */
  ACCOUNT_ERASED = 'ACCOUNT_ERASED',
  INITIATIVE_CREATED = 'INITIATIVE_CREATED',
  INITIATIVE_CHANGED = 'INITIATIVE_CHANGED',
  /** A staff entry of a suggestion (channel in details; never its text or contact). */
  SUGGESTION_ENTERED = 'SUGGESTION_ENTERED',
  SUGGESTION_STATUS_CHANGED = 'SUGGESTION_STATUS_CHANGED',
  SUGGESTION_MERGED = 'SUGGESTION_MERGED',
  SUGGESTION_COMMENTED = 'SUGGESTION_COMMENTED',
  SUGGESTION_LINK_REVOKED = 'SUGGESTION_LINK_REVOKED',
  MEASURE_CREATED = 'MEASURE_CREATED',
  MEASURE_CHANGED = 'MEASURE_CHANGED',
  MEASURE_BECAME_PRACTICE = 'MEASURE_BECAME_PRACTICE',
  WORKSHOP_RECORDED = 'WORKSHOP_RECORDED',
  WORKSHOP_CHANGED = 'WORKSHOP_CHANGED',
  WORKSHOP_DELETED = 'WORKSHOP_DELETED',
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
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly cities: CityService,
  ) {}

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

  /** The log, newest first, for organizers; optionally one city's entries or one action's. */
  async list(
    actor: Actor,
    filter: { citySlug?: string | null; action?: string | null },
    page: PageArgs,
  ): Promise<ConnectionShape<AuditEntryType>> {
    requireAccess(actor, Permission.AUDIT_LOG_READ);
    const city = filter.citySlug
      ? await this.cities.requireBySlug(filter.citySlug, 'filter.citySlug')
      : null;
    const found = await this.tenantDb.run(actor, async (manager) => {
      const query = manager.getRepository(AuditEntryEntity).createQueryBuilder('entry');
      if (city) query.andWhere('entry.city_id = :cityId', { cityId: city.id });
      if (filter.action) query.andWhere('entry.action = :action', { action: filter.action });
      // Newest first.
      return paginate(
        query,
        page,
        [{ column: 'entry.id', kind: 'int', value: (entry) => Number(entry.id) }],
        'DESC',
      );
    });
    return mapConnection(found, toAuditEntry);
  }
}
