import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Permission, requireAccess } from '../../core/auth/access';
import {
  MembershipRole,
  NetworkRole,
  type Actor,
  type ActorMembership,
} from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { AuditAction, AuditService } from '../audit/audit.service';
import { CityService } from '../cities/city.service';
import { MembershipType, toMembership, toMemberships } from './dto/membership.type';
import { MembershipEntity } from './membership.entity';
import { MembershipException } from './membership.exception';
import { takesCoordinatorAway } from './membership-rules';
import { isUuid } from '../../core/validation/uuid';

/** Who belongs to which city in which role: the lists, role changes, leaving and removal. */
@Injectable()
export class MembershipService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly cities: CityService,
    private readonly audit: AuditService,
  ) {}

  /**
   * A user's own memberships, as row-level security lets them see (used to build the
   * actor of a session, so it acts as the bare user: own rows only).
   */
  async ofUser(userId: string): Promise<ActorMembership[]> {
    const bareUser: Actor = {
      kind: 'user',
      userId,
      sessionId: '',
      networkRole: NetworkRole.NONE,
      memberships: [],
      actingCityId: null,
    };
    const rows = await this.tenantDb.run(bareUser, (manager) =>
      manager.getRepository(MembershipEntity).findBy({ userId }),
    );
    return rows.map((row) => ({ cityId: row.cityId, role: row.role }));
  }

  /** The actor's own memberships, oldest first (for `me`). */
  async ofActor(actor: Actor): Promise<MembershipType[]> {
    const signedIn = requireAccess(actor, Permission.ACCOUNT_OWN);
    const rows = await this.tenantDb.run(actor, (manager) =>
      manager
        .getRepository(MembershipEntity)
        .find({ where: { userId: signedIn.userId }, order: { createdAt: 'ASC' } }),
    );
    return toMemberships(rows);
  }

  async listForCity(actor: Actor, citySlug: string): Promise<MembershipType[]> {
    const city = await this.cities.requireBySlug(citySlug, 'citySlug');
    requireAccess(actor, Permission.CITY_MEMBERS_READ, { cityId: city.id });
    const rows = await this.tenantDb.run(actor, (manager) =>
      manager
        .getRepository(MembershipEntity)
        .createQueryBuilder('membership')
        .innerJoin('app_user', 'u', 'u.id = membership.user_id')
        .where('membership.city_id = :cityId', { cityId: city.id })
        .orderBy('membership.role', 'ASC')
        .addOrderBy('u.display_name', 'ASC')
        .getMany(),
    );
    return toMemberships(rows);
  }

  async updateRole(
    actor: Actor,
    membershipId: string,
    role: MembershipRole,
  ): Promise<MembershipType> {
    const updated = await this.tenantDb.run(actor, async (manager) => {
      const membership = await this.visibleMembership(manager, membershipId, 'input.membershipId');
      const changedBy = requireAccess(actor, Permission.CITY_MEMBERS_MANAGE, {
        cityId: membership.cityId,
      });
      if (membership.role === role) return membership;
      if (takesCoordinatorAway(membership.role, role)) {
        await this.ensureAnotherCoordinator(manager, membership, 'input.role');
      }
      const previous = membership.role;
      membership.role = role;
      await manager
        .getRepository(MembershipEntity)
        .update({ cityId: membership.cityId, id: membership.id }, { role });
      await this.audit.record(manager, {
        actorUserId: changedBy.userId,
        action: AuditAction.MEMBERSHIP_ROLE_CHANGED,
        cityId: membership.cityId,
        target: membership.userId,
        details: { from: previous, to: role },
      });
      return membership;
    });
    return toMembership(updated);
  }

  async remove(actor: Actor, membershipId: string): Promise<boolean> {
    return this.tenantDb.run(actor, async (manager) => {
      const membership = await this.visibleMembership(manager, membershipId, 'membershipId');
      // The member may leave; the city's coordinators and organizers may remove them.
      const signedIn = requireAccess(actor, Permission.CITY_MEMBERSHIP_END, {
        cityId: membership.cityId,
        userId: membership.userId,
      });
      const self = membership.userId === signedIn.userId;
      if (takesCoordinatorAway(membership.role, null)) {
        await this.ensureAnotherCoordinator(manager, membership, 'membershipId');
      }
      await manager
        .getRepository(MembershipEntity)
        .delete({ cityId: membership.cityId, id: membership.id });
      await this.audit.record(manager, {
        actorUserId: signedIn.userId,
        action: AuditAction.MEMBERSHIP_REMOVED,
        cityId: membership.cityId,
        target: membership.userId,
        details: { role: membership.role, self },
      });
      return true;
    });
  }

  /**
   * LAST_COORDINATOR when the user is the only coordinator of one of their cities (before
   * their account is erased), in the caller's transaction; locks like a role change, so an
   * erasure and a demotion at once cannot leave a city without a coordinator.
   */
  async ensureNotLastCoordinator(
    manager: EntityManager,
    userId: string,
    field: string,
  ): Promise<void> {
    const coordinatorships = await manager.getRepository(MembershipEntity).find({
      where: { userId, role: MembershipRole.COORDINATOR },
      order: { cityId: 'ASC' },
    });
    for (const membership of coordinatorships)
      await this.ensureAnotherCoordinator(manager, membership, field);
  }

  private async visibleMembership(
    manager: EntityManager,
    id: string,
    field: string,
  ): Promise<MembershipEntity> {
    if (!isUuid(id)) throw MembershipException.notFound(field);
    const membership = await manager.getRepository(MembershipEntity).findOneBy({ id });
    if (!membership) throw MembershipException.notFound(field);
    return membership;
  }

  private async ensureAnotherCoordinator(
    manager: EntityManager,
    membership: MembershipEntity,
    field: string,
  ): Promise<void> {
    // Lock every coordinator row of the city, always in the same order: two of them
    // demoting each other at once then queue up instead of deadlocking, and the
    // second sees the first's change (PostgreSQL re-checks the locked rows) and gets
    // LAST_COORDINATOR instead of leaving the city without one.
    const coordinators = await manager
      .getRepository(MembershipEntity)
      .createQueryBuilder('membership')
      .where('membership.city_id = :cityId AND membership.role = :role', {
        cityId: membership.cityId,
        role: MembershipRole.COORDINATOR,
      })
      .orderBy('membership.id')
      .setLock('pessimistic_write')
      .getMany();
    if (!coordinators.some((row) => row.id !== membership.id))
      throw MembershipException.lastCoordinator(field);
  }
}
