import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Permission, requireAccess } from '../../core/auth/access';
import { AuthException } from '../../core/auth/auth.exception';
import type { ClientInfo } from '../../core/auth/client-info.decorator';
import { normalizeEmail } from '../../core/auth/email';
import { checkPasswordStrength, hashPassword, verifyPassword } from '../../core/auth/password';
import { hashToken, looksLikeToken, newToken } from '../../core/auth/tokens';
import type { Actor, MembershipRole } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { LoginThrottle } from '../auth/login-throttle.service';
import { AuditAction, AuditService } from '../audit/audit.service';
import { CityService } from '../cities/city.service';
import { toCity } from '../cities/dto/city.type';
import { MailService } from '../mail/mail.service';
import { UsersService, cleanDisplayName } from '../users/users.service';
import { InvitationPreview, InvitationType, toInvitation } from './dto/invitation.type';
import { InvitationEntity } from './invitation.entity';
import { InvitationStatus, invitationStatus } from './invitation-status';
import { MembershipEntity } from './membership.entity';
import { MembershipException } from './membership.exception';
import { invitationMail } from './membership.mails';

export const INVITATION_VALID_DAYS = 14;

/** Invitations by e-mail: sending, revoking, the open list, and accepting one by its link. */
@Injectable()
export class InvitationService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly cities: CityService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly throttle: LoginThrottle,
  ) {}

  async pending(actor: Actor, citySlug: string): Promise<InvitationType[]> {
    const city = await this.cities.requireBySlug(citySlug, 'citySlug');
    requireAccess(actor, Permission.CITY_MEMBERS_MANAGE, { cityId: city.id });
    const rows = await this.tenantDb.run(actor, (manager) =>
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
    return rows.map((row) => toInvitation(row));
  }

  async invite(
    actor: Actor,
    input: { citySlug: string; email: string; role: MembershipRole },
  ): Promise<InvitationType> {
    const city = await this.cities.requireBySlug(input.citySlug, 'input.citySlug');
    const inviter = requireAccess(actor, Permission.CITY_MEMBERS_MANAGE, { cityId: city.id });
    const email = normalizeEmail(input.email, 'input.email');
    const token = newToken();
    const invitation = await this.tenantDb.run(actor, async (manager) => {
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
    const [inviterUser] = await this.users.byIds([inviter.userId]);
    await this.mail.sendQuietly(
      invitationMail({
        to: email,
        cityName: city.name,
        inviterName: inviterUser?.displayName ?? null,
        role: input.role,
        link: this.mail.link(`/einladung/${token}`),
        days: INVITATION_VALID_DAYS,
      }),
    );
    return toInvitation(invitation);
  }

  async revoke(actor: Actor, invitationId: string): Promise<InvitationType> {
    const revoked = await this.tenantDb.run(actor, async (manager) => {
      const invitation = await manager
        .getRepository(InvitationEntity)
        .findOneBy({ id: invitationId });
      // Row-level security hides other cities' invitations: not found, not forbidden.
      if (!invitation) throw MembershipException.invitationNotFound('id');
      const revoker = requireAccess(actor, Permission.CITY_MEMBERS_MANAGE, {
        cityId: invitation.cityId,
      });
      const status = invitationStatus(invitation);
      if (status !== InvitationStatus.PENDING) throw MembershipException.notPending('id', status);
      invitation.revokedAt = new Date();
      await manager.getRepository(InvitationEntity).save(invitation);
      await this.audit.record(manager, {
        actorUserId: revoker.userId,
        action: AuditAction.INVITATION_REVOKED,
        cityId: invitation.cityId,
        target: invitation.email,
      });
      return invitation;
    });
    return toInvitation(revoked);
  }

  /** What the acceptance page shows: readable by whoever holds the link; null for an unknown one. */
  async preview(actor: Actor, token: string): Promise<InvitationPreview | null> {
    if (!looksLikeToken(token)) return null;
    const tokenHash = hashToken(token);
    const invitation = await this.tenantDb.run(
      actor,
      (manager) => manager.getRepository(InvitationEntity).findOneBy({ tokenHash }),
      { invitationTokenHash: tokenHash },
    );
    if (!invitation) return null;
    const [city] = await this.cities.byIds([invitation.cityId]);
    if (!city) return null;
    return {
      email: invitation.email,
      role: invitation.role,
      city: toCity(city),
      status: invitationStatus(invitation),
      expiresAt: invitation.expiresAt,
      accountExists: (await this.users.byEmail(invitation.email)) !== null,
    };
  }

  /**
   * Accepts an invitation: creates the account (or, for an existing account, checks its
   * password under the sign-in throttle of `client`'s address) and the membership, in one
   * transaction. Returns the user id; signing in is the caller's next step.
   */
  async accept(
    actor: Actor,
    client: ClientInfo,
    input: { token: string; displayName?: string | null; password: string },
  ): Promise<string> {
    if (!looksLikeToken(input.token)) throw AuthException.invalidToken('input.token');
    const tokenHash = hashToken(input.token);
    return this.tenantDb.run(
      actor,
      async (manager) => {
        const invitation = await manager.getRepository(InvitationEntity).findOneBy({ tokenHash });
        if (!invitation) throw AuthException.invalidToken('input.token');
        const status = invitationStatus(invitation);
        if (status === InvitationStatus.EXPIRED || status === InvitationStatus.REVOKED) {
          throw AuthException.invalidToken('input.token');
        }
        if (status === InvitationStatus.ACCEPTED)
          throw MembershipException.notPending('input.token', status);
        const userId = await this.existingOrNewAccount(manager, client, invitation, input);
        // From here on the new member acts: row-level security checks the invitation.
        await manager.query(`SELECT set_config('app.user_id', $1, true)`, [userId]);
        await manager.query(
          `INSERT INTO membership (city_id, user_id, role) VALUES ($1, $2, $3)
           ON CONFLICT (city_id, user_id) DO NOTHING`,
          [invitation.cityId, userId, invitation.role],
        );
        await manager
          .getRepository(InvitationEntity)
          .update({ cityId: invitation.cityId, id: invitation.id }, { acceptedAt: new Date() });
        await this.audit.record(manager, {
          actorUserId: userId,
          action: AuditAction.INVITATION_ACCEPTED,
          cityId: invitation.cityId,
          target: invitation.email,
          details: { role: invitation.role },
        });
        return userId;
      },
      { invitationTokenHash: tokenHash },
    );
  }

  /** The invited address's account: its password checked, or created with the given name. */
  private async existingOrNewAccount(
    manager: EntityManager,
    client: ClientInfo,
    invitation: InvitationEntity,
    input: { displayName?: string | null; password: string },
  ): Promise<string> {
    const user = await this.users.byEmail(invitation.email, manager);
    if (user) {
      // The same limits as signing in: a link must not allow unlimited password guesses.
      const attempt = await this.throttle.begin(user.email, client.ip);
      if (!(await verifyPassword(user.passwordHash, input.password))) {
        await this.throttle.failed(attempt);
        throw AuthException.invalidCredentials();
      }
      await this.throttle.succeeded(attempt);
      return user.id;
    }
    const displayName = cleanDisplayName(input.displayName ?? '', 'input.displayName');
    // A new account: no reset link can exist yet that setting this password would void.
    checkPasswordStrength(input.password, invitation.email, 'input.password');
    const created = await this.users.create(manager, {
      email: invitation.email,
      displayName,
      passwordHash: await hashPassword(input.password),
    });
    return created.id;
  }
}
