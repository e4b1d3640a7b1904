import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Permission, mayAccess, requireAccess } from '../../core/auth/access';
import { AuthException } from '../../core/auth/auth.exception';
import {
  mapConnection,
  paginate,
  type ConnectionShape,
  type PageArgs,
} from '../../core/graphql/pagination';
import type { Actor, SignedInActor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { isUuid } from '../../core/validation/uuid';
import { AuditAction, AuditService } from '../audit/audit.service';
import { CityService } from '../cities/city.service';
import { toTandem, toTandemOrNull, type TandemType } from './dto/tandem.type';
import { sidesWith, tandemTarget } from './tandem-access';
import { statusAnnouncement } from './tandem-announcements';
import { TandemAnnouncer } from './tandem-announcer';
import {
  accepted,
  cleanDeclineReason,
  cleanGoals,
  cleanSummary,
  requireTransition,
} from './tandem-lifecycle';
import { TandemEntity, TandemStatus } from './tandem.entity';
import { TandemException } from './tandem.exception';

/** One step of the lifecycle, applied to the locked row by a caller the policy allowed. */
type Step = (manager: EntityManager, tandem: TandemEntity, actor: SignedInActor) => Promise<void>;

/**
 * Tandems themselves: who pairs with whom (public) and the lifecycle
 * proposed → active → concluded, or declined. Notes: TandemNoteService; partner
 * suggestions: TandemSuggestionService.
 */
@Injectable()
export class TandemService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly cities: CityService,
    private readonly audit: AuditService,
    private readonly announcer: TandemAnnouncer,
  ) {}

  async get(actor: Actor, id: string): Promise<TandemType | null> {
    if (!isUuid(id)) return null;
    const tandem = await this.tenantDb.run(actor, (manager) =>
      manager.getRepository(TandemEntity).findOneBy({ id }),
    );
    return tandem && mayRead(actor, tandem) ? toTandemOrNull(tandem) : null;
  }

  async list(
    actor: Actor,
    filter: { citySlug?: string | null; status?: TandemStatus | null },
    page: PageArgs,
  ): Promise<ConnectionShape<TandemType>> {
    const city = filter.citySlug
      ? await this.cities.requireBySlug(filter.citySlug, 'filter.citySlug')
      : null;
    const found = await this.tenantDb.run(actor, (manager) => {
      const query = manager.getRepository(TandemEntity).createQueryBuilder('tandem');
      if (city)
        query.andWhere('(tandem.city_id = :cityId OR tandem.partner_city_id = :cityId)', {
          cityId: city.id,
        });
      if (filter.status) query.andWhere('tandem.status = :status', { status: filter.status });
      return paginate(query, page, [
        { column: 'tandem.id', kind: 'uuid', value: (tandem) => tandem.id },
      ]);
    });
    // Row-level security already leaves out proposals of other cities; the policy says so too.
    return mapConnection(found, (tandem) => {
      if (!mayRead(actor, tandem)) throw new Error(`tandem ${tandem.id} read past its policy`);
      return toTandem(tandem);
    });
  }

  /** Tandems of many cities, either side, declined ones left out (for City.tandems). */
  async ofCities(actor: Actor, cityIds: readonly string[]): Promise<TandemType[][]> {
    const rows = await this.tenantDb.run(actor, (manager) =>
      manager
        .getRepository(TandemEntity)
        .createQueryBuilder('tandem')
        .where('tandem.city_id = ANY(:ids) OR tandem.partner_city_id = ANY(:ids)', {
          ids: [...cityIds],
        })
        .andWhere('tandem.status <> :declined', { declined: TandemStatus.DECLINED })
        .orderBy('tandem.created_at', 'DESC')
        .getMany(),
    );
    const readable = rows.filter((row) => mayRead(actor, row));
    return cityIds.map((id) =>
      readable.filter((row) => row.cityId === id || row.partnerCityId === id).map(toTandem),
    );
  }

  async propose(
    actor: Actor,
    input: { newCitySlug: string; partnerCitySlug: string; goals?: string | null },
  ): Promise<TandemType> {
    const organizer = requireAccess(actor, Permission.TANDEM_PROPOSE);
    const newCity = await this.cities.requireBySlug(input.newCitySlug, 'input.newCitySlug');
    const partner = await this.cities.requireBySlug(input.partnerCitySlug, 'input.partnerCitySlug');
    if (newCity.id === partner.id) throw TandemException.sameCity();
    const goals = cleanGoals(input.goals);
    const saved = await this.tenantDb.run(actor, async (manager) => {
      const repository = manager.getRepository(TandemEntity);
      const open = await repository
        .createQueryBuilder('tandem')
        .where(
          "tandem.status IN ('PROPOSED', 'ACTIVE') AND ((tandem.city_id = :a AND tandem.partner_city_id = :b) OR (tandem.city_id = :b AND tandem.partner_city_id = :a))",
          { a: newCity.id, b: partner.id },
        )
        .getCount();
      if (open > 0) throw TandemException.pairAlreadyOpen();
      const tandem = repository.create({
        cityId: newCity.id,
        partnerCityId: partner.id,
        goals,
        proposedBy: organizer.userId,
      });
      try {
        await repository.insert(tandem);
      } catch (error) {
        // Two organizers proposing the same pair at once: the unique index decides.
        if ((error as { code?: string }).code === '23505') throw TandemException.pairAlreadyOpen();
        throw error;
      }
      await this.audit.record(manager, {
        actorUserId: organizer.userId,
        action: AuditAction.TANDEM_PROPOSED,
        cityId: newCity.id,
        target: partner.slug,
      });
      const proposed = await repository.findOneByOrFail({ id: tandem.id });
      await this.announcer.announce(manager, organizer, proposed, statusAnnouncement(proposed));
      return proposed;
    });
    return toTandem(saved);
  }

  /** A coordinator accepts for their city (both, if theirs); with both sides accepted it is active. */
  accept(actor: Actor, id: string): Promise<TandemType> {
    return this.change(
      actor,
      id,
      Permission.TANDEM_ACCEPT,
      async (manager, tandem, coordinator) => {
        const sides = sidesWith(coordinator, Permission.TANDEM_ACCEPT, tandem);
        Object.assign(tandem, accepted(tandem, sides, new Date()));
        await this.audit.record(manager, {
          actorUserId: coordinator.userId,
          action: AuditAction.TANDEM_ACCEPTED,
          cityId: tandem.cityId,
          target: tandem.id,
        });
      },
    );
  }

  decline(actor: Actor, id: string, reason: string | null | undefined): Promise<TandemType> {
    return this.change(
      actor,
      id,
      Permission.TANDEM_DECLINE,
      async (manager, tandem, coordinator) => {
        requireTransition(tandem.status, TandemStatus.DECLINED);
        tandem.declineReason = cleanDeclineReason(reason);
        tandem.status = TandemStatus.DECLINED;
        // For the side whose coordinator declines (the new city's, if both are theirs).
        tandem.declinedByCityId = sidesWith(coordinator, Permission.TANDEM_DECLINE, tandem)[0];
        await this.audit.record(manager, {
          actorUserId: coordinator.userId,
          action: AuditAction.TANDEM_DECLINED,
          cityId: tandem.cityId,
          target: tandem.id,
        });
      },
    );
  }

  conclude(actor: Actor, id: string, summary: string | null | undefined): Promise<TandemType> {
    return this.change(actor, id, Permission.TANDEM_CONCLUDE, async (manager, tandem, signedIn) => {
      requireTransition(tandem.status, TandemStatus.CONCLUDED);
      tandem.outcomeSummary = cleanSummary(summary);
      tandem.status = TandemStatus.CONCLUDED;
      tandem.concludedAt = new Date();
      await this.audit.record(manager, {
        actorUserId: signedIn.userId,
        action: AuditAction.TANDEM_CONCLUDED,
        cityId: tandem.cityId,
        target: tandem.id,
      });
    });
  }

  /**
   * Locks the tandem, asks the policy, applies the step and tells both cities. The
   * policy is asked before the step looks at the state: whoever may not take the step
   * hears FORBIDDEN, whatever state the tandem is in.
   */
  private async change(
    actor: Actor,
    id: string,
    permission: Permission,
    step: Step,
  ): Promise<TandemType> {
    if (!isUuid(id)) throw TandemException.notFound('id');
    const changed = await this.tenantDb.run(actor, async (manager) => {
      const repository = manager.getRepository(TandemEntity);
      // Locking needs the update policy: cities outside the pair cannot even lock it.
      const tandem = await repository
        .createQueryBuilder('tandem')
        .where('tandem.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
      if (!tandem) {
        const seen = await repository.findOneBy({ id });
        if (!seen) throw TandemException.notFound('id');
        requireAccess(actor, permission, tandemTarget(seen));
        // The policy allows it, row-level security does not: the second wall holds.
        throw AuthException.forbidden();
      }
      const allowed = requireAccess(actor, permission, tandemTarget(tandem));
      await step(manager, tandem, allowed);
      tandem.updatedAt = new Date();
      await repository.save(tandem);
      await this.announcer.announce(manager, allowed, tandem, statusAnnouncement(tandem));
      return tandem;
    });
    return toTandem(changed);
  }
}

/** Active and concluded tandems are public; a proposal is its two cities' and the organizers'. */
function mayRead(actor: Actor, tandem: TandemEntity): boolean {
  return (
    tandem.status === TandemStatus.ACTIVE ||
    tandem.status === TandemStatus.CONCLUDED ||
    mayAccess(actor, Permission.TANDEM_PROPOSAL_READ, tandemTarget(tandem))
  );
}
