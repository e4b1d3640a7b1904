import { Inject, Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { Permission, mayAccess, requireAccess, requireSignedIn } from '../../core/auth/access';
import { AuthException } from '../../core/auth/auth.exception';
import { normalizeEmail } from '../../core/auth/email';
import { checkPasswordStrength, hashPassword, verifyPassword } from '../../core/auth/password';
import { hashToken, looksLikeToken, newToken } from '../../core/auth/tokens';
import { APP_CONFIG } from '../../core/config/config.module';
import type { AppConfig } from '../../core/config/config';
import { byKeys } from '../../core/graphql/loaders';
import {
  MembershipRole,
  NetworkRole,
  type Actor,
  type ActorMembership,
} from '../../core/tenancy/actor';
import { requestContext } from '../../core/tenancy/request-context';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { LoginThrottle } from '../auth/login-throttle';
import { AuditAction, AuditService } from '../audit/audit.service';
import { CityService } from '../cities/city.service';
import { MailService } from '../mail/mail.service';
import { publicLink } from '../mail/public-link';
import { UsersService } from '../users/users.service';
import { InvitationEntity, InvitationStatus, invitationStatus } from './invitation.entity';
import { MembershipEntity } from './membership.entity';
import { MembershipException } from './membership.exception';
import { invitationMail } from './membership.mails';
import { isUuid } from '../../core/validation/uuid';

export const INVITATION_VALID_DAYS = 14;

export interface InvitationPreview {
  email: string;
  role: MembershipRole;
  cityId: string;
  status: InvitationStatus;
  expiresAt: Date;
  accountExists: boolean;
}

@Injectable()
export class MembershipService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly cities: CityService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly throttle: LoginThrottle,
  ) {}

  /** A user's own memberships, as row-level security lets them see (used to build the actor). */
  async ofUser(userId: string): Promise<ActorMembership[]> {
    const rows = await this.tenantDb.run(
      (manager) => manager.getRepository(MembershipEntity).findBy({ userId }),
      {
        actor: {
          kind: 'user',
          userId,
          sessionId: '',
          networkRole: NetworkRole.NONE,
          memberships: [],
          actingCityId: null,
        },
      },
    );
    return rows.map((row) => ({ cityId: row.cityId, role: row.role }));
  }

  async membershipsOfUsers(userIds: readonly string[]): Promise<MembershipEntity[][]> {
    const rows = await this.tenantDb.run((manager) =>
      manager
        .getRepository(MembershipEntity)
        .find({ where: { userId: In([...userIds]) }, order: { createdAt: 'ASC' } }),
    );
    return byKeys(
      userIds,
      rows,
      (row) => row.userId,
      (found) => found,
    );
  }

  async listForCity(actor: Actor, citySlug: string): Promise<MembershipEntity[]> {
    const city = await this.cities.requireBySlug(citySlug, 'citySlug');
    requireAccess(actor, Permission.CITY_MEMBERS_READ, { cityId: city.id });
    return this.tenantDb.run((manager) =>
      manager
        .getRepository(MembershipEntity)
        .createQueryBuilder('membership')
        .innerJoin('app_user', 'u', 'u.id = membership.user_id')
        .where('membership.city_id = :cityId', { cityId: city.id })
        .orderBy('membership.role', 'ASC')
        .addOrderBy('u.display_name', 'ASC')
        .getMany(),
    );
  }

  async pendingInvitations(actor: Actor, citySlug: string): Promise<InvitationEntity[]> {
    const city = await this.cities.requireBySlug(citySlug, 'citySlug');
    requireAccess(actor, Permission.CITY_MEMBERS_MANAGE, { cityId: city.id });
    return this.tenantDb.run((manager) =>
      manager
        .getRepository(InvitationEntity)
        .createQueryBuilder('invitation')
        .where('invitation.city_id = :cityId', { cityId: city.id })
        .andWhere(
          'invitation.accepted_at IS NULL AND invitation.revoked_at IS NULL AND invitation.expires_at > now()',
        )
        .orderBy('invitation.created_at', 'DESC')
        .getMany(),
    );
  }

  async invite(
    actor: Actor,
    input: { citySlug: string; email: string; role: MembershipRole },
  ): Promise<InvitationEntity> {
    const city = await this.cities.requireBySlug(input.citySlug, 'input.citySlug');
    const inviter = requireAccess(actor, Permission.CITY_MEMBERS_MANAGE, { cityId: city.id });
    const email = normalizeEmail(input.email, 'input.email');
    const token = newToken();
    const invitation = await this.tenantDb.run(async (manager) => {
      const existing = await manager
        .getRepository(MembershipEntity)
        .createQueryBuilder('membership')
        .innerJoin('app_user', 'u', 'u.id = membership.user_id')
        .where('membership.city_id = :cityId AND u.email = :email', { cityId: city.id, email })
        .getCount();
      if (existing > 0) throw MembershipException.alreadyMember('input.email');
      // A new invitation replaces any still open for the same address.
      await manager
        .getRepository(InvitationEntity)
        .createQueryBuilder()
        .update()
        .set({ revokedAt: () => 'now()' })
        .where(
          'city_id = :cityId AND email = :email AND accepted_at IS NULL AND revoked_at IS NULL',
          { cityId: city.id, email },
        )
        .execute();
      const repository = manager.getRepository(InvitationEntity);
      const saved = await repository.save(
        repository.create({
          cityId: city.id,
          email,
          role: input.role,
          tokenHash: hashToken(token),
          invitedBy: inviter.userId,
          expiresAt: new Date(Date.now() + INVITATION_VALID_DAYS * 24 * 3600 * 1000),
        }),
      );
      await this.audit.record(manager, {
        actorUserId: inviter.userId,
        action: AuditAction.INVITATION_CREATED,
        cityId: city.id,
        target: email,
        details: { role: input.role },
      });
      return saved;
    });
    const link = publicLink(this.config, `/einladung/${token}`);
    await this.mail.sendQuietly(
      invitationMail({
        to: email,
        cityName: city.name,
        role: input.role,
        link,
        days: INVITATION_VALID_DAYS,
      }),
    );
    return invitation;
  }

  async revokeInvitation(actor: Actor, invitationId: string): Promise<InvitationEntity> {
    const signedIn = requireSignedIn(actor);
    return this.tenantDb.run(async (manager) => {
      const invitation = await manager
        .getRepository(InvitationEntity)
        .findOneBy({ id: invitationId });
      // Row-level security hides other cities' invitations: not found, not forbidden.
      if (!invitation) throw MembershipException.invitationNotFound('id');
      requireAccess(actor, Permission.CITY_MEMBERS_MANAGE, { cityId: invitation.cityId });
      const status = invitationStatus(invitation);
      if (status !== InvitationStatus.PENDING) throw MembershipException.notPending('id', status);
      invitation.revokedAt = new Date();
      await manager.getRepository(InvitationEntity).save(invitation);
      await this.audit.record(manager, {
        actorUserId: signedIn.userId,
        action: AuditAction.INVITATION_REVOKED,
        cityId: invitation.cityId,
        target: invitation.email,
      });
      return invitation;
    });
  }

  /** What the acceptance page shows: readable by whoever holds the link. */
  async preview(token: string): Promise<InvitationPreview | null> {
    if (!looksLikeToken(token)) return null;
    const tokenHash = hashToken(token);
    const invitation = await this.tenantDb.run(
      (manager) => manager.getRepository(InvitationEntity).findOneBy({ tokenHash }),
      { invitationTokenHash: tokenHash },
    );
    if (!invitation) return null;
    return {
      email: invitation.email,
      role: invitation.role,
      cityId: invitation.cityId,
      status: invitationStatus(invitation),
      expiresAt: invitation.expiresAt,
      accountExists: (await this.users.byEmail(invitation.email)) !== null,
    };
  }

  /**
   * Accepts an invitation: creates the account (or, for an existing account,
   * checks its password) and the membership, in one transaction. Returns the user id.
   */
  async accept(input: {
    token: string;
    displayName?: string | null;
    password: string;
  }): Promise<string> {
    if (!looksLikeToken(input.token)) throw AuthException.invalidToken('input.token');
    const tokenHash = hashToken(input.token);
    return this.tenantDb.run(
      async (manager) => {
        const invitation = await manager.getRepository(InvitationEntity).findOneBy({ tokenHash });
        if (!invitation) throw AuthException.invalidToken('input.token');
        const status = invitationStatus(invitation);
        if (status === InvitationStatus.EXPIRED || status === InvitationStatus.REVOKED) {
          throw AuthException.invalidToken('input.token');
        }
        if (status === InvitationStatus.ACCEPTED)
          throw MembershipException.notPending('input.token', status);

        let user = await this.users.byEmail(invitation.email, manager);
        if (user) {
          // The same limits as signing in: a link must not allow unlimited password guesses.
          const attempt = await this.throttle.begin(user.email, requestContext().ip);
          if (!(await verifyPassword(user.passwordHash, input.password))) {
            await this.throttle.failed(attempt);
            throw AuthException.invalidCredentials();
          }
          await this.throttle.succeeded(attempt);
        } else {
          const displayName = input.displayName?.trim() ?? '';
          if (displayName.length < 2 || displayName.length > 120) {
            throw AuthException.invalidInput(
              'input.displayName',
              'Please give a name of 2 to 120 characters',
            );
          }
          // A new account: no reset link can exist yet that setting this password would void.
          checkPasswordStrength(input.password, invitation.email, 'input.password');
          user = await this.users.create(manager, {
            email: invitation.email,
            displayName,
            passwordHash: await hashPassword(input.password),
          });
        }
        // From here on the new member acts: row-level security checks the invitation.
        await manager.query(`SELECT set_config('app.user_id', $1, true)`, [user.id]);
        await manager.query(
          `INSERT INTO membership (city_id, user_id, role) VALUES ($1, $2, $3)
           ON CONFLICT (city_id, user_id) DO NOTHING`,
          [invitation.cityId, user.id, invitation.role],
        );
        await manager
          .getRepository(InvitationEntity)
          .update({ cityId: invitation.cityId, id: invitation.id }, { acceptedAt: new Date() });
        await this.audit.record(manager, {
          actorUserId: user.id,
          action: AuditAction.INVITATION_ACCEPTED,
          cityId: invitation.cityId,
          target: invitation.email,
          details: { role: invitation.role },
        });
        return user.id;
      },
      { invitationTokenHash: tokenHash },
    );
  }

  async updateRole(
    actor: Actor,
    membershipId: string,
    role: MembershipRole,
  ): Promise<MembershipEntity> {
    const signedIn = requireSignedIn(actor);
    return this.tenantDb.run(async (manager) => {
      const membership = await this.visibleMembership(manager, membershipId, 'input.membershipId');
      requireAccess(actor, Permission.CITY_MEMBERS_MANAGE, { cityId: membership.cityId });
      if (membership.role === role) return membership;
      if (membership.role === MembershipRole.COORDINATOR) {
        await this.ensureAnotherCoordinator(manager, membership, 'input.role');
      }
      const previous = membership.role;
      membership.role = role;
      await manager
        .getRepository(MembershipEntity)
        .update({ cityId: membership.cityId, id: membership.id }, { role });
      await this.audit.record(manager, {
        actorUserId: signedIn.userId,
        action: AuditAction.MEMBERSHIP_ROLE_CHANGED,
        cityId: membership.cityId,
        target: membership.userId,
        details: { from: previous, to: role },
      });
      return membership;
    });
  }

  async remove(actor: Actor, membershipId: string): Promise<boolean> {
    const signedIn = requireSignedIn(actor);
    return this.tenantDb.run(async (manager) => {
      const membership = await this.visibleMembership(manager, membershipId, 'membershipId');
      const self = membership.userId === signedIn.userId;
      if (
        !self &&
        !mayAccess(actor, Permission.CITY_MEMBERS_MANAGE, { cityId: membership.cityId })
      ) {
        throw AuthException.forbidden();
      }
      if (membership.role === MembershipRole.COORDINATOR) {
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
