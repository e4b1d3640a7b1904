import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan } from 'typeorm';
import { isOrganizer, ANONYMOUS, type Actor, type SignedInActor } from '../../core/tenancy/actor';
import { requireSignedIn } from '../../core/auth/access';
import { AuthException } from '../../core/auth/auth.exception';
import { normalizeEmail } from '../../core/auth/email';
import {
  checkPasswordStrength,
  dummyPasswordHash,
  hashPassword,
  verifyPassword,
} from '../../core/auth/password';
import { hashToken, looksLikeToken, newToken } from '../../core/auth/tokens';
import { APP_CONFIG } from '../../core/config/config.module';
import type { AppConfig } from '../../core/config/config';
import { requestContext } from '../../core/tenancy/request-context';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { AuditAction, AuditService } from '../audit/audit.service';
import { CityService } from '../cities/city.service';
import { MailService } from '../mail/mail.service';
import { MembershipService } from '../memberships/membership.service';
import { UsersService } from '../users/users.service';
import { LoginThrottle } from './login-throttle';
import { passwordResetMail } from './auth.mails';
import { PasswordResetEntity } from './password-reset.entity';
import { SessionEntity } from './session.entity';
import { isUuid } from '../../core/validation/uuid';

export const RESET_VALID_MINUTES = 60;

export interface StartedSession {
  token: string;
  actor: SignedInActor;
  expiresAt: Date;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tenantDb: TenantDb,
    private readonly users: UsersService,
    private readonly memberships: MembershipService,
    private readonly cities: CityService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly throttle: LoginThrottle,
  ) {}

  /** The actor behind a session cookie; anonymous for a missing, unknown or expired one. */
  async authenticate(token: string | undefined): Promise<Actor> {
    if (!token || !looksLikeToken(token)) return ANONYMOUS;
    const session = await this.db
      .getRepository(SessionEntity)
      .findOneBy({ tokenHash: hashToken(token), expiresAt: MoreThan(new Date()) });
    if (!session) return ANONYMOUS;
    const user = await this.users.byId(session.userId);
    if (!user) return ANONYMOUS;
    // Seen-at is for the session list; once every five minutes is precise enough.
    if (Date.now() - session.lastSeenAt.getTime() > 5 * 60 * 1000) {
      await this.db
        .getRepository(SessionEntity)
        .update({ id: session.id }, { lastSeenAt: new Date() });
    }
    const memberships = await this.memberships.ofUser(user.id);
    const actingCityId =
      session.actingCityId &&
      (memberships.some((m) => m.cityId === session.actingCityId) ||
        user.networkRole === 'ORGANIZER')
        ? session.actingCityId
        : (memberships[0]?.cityId ?? null);
    return {
      kind: 'user',
      userId: user.id,
      sessionId: session.id,
      networkRole: user.networkRole,
      memberships,
      actingCityId,
    };
  }

  async login(input: { email: string; password: string }): Promise<StartedSession> {
    const { ip } = requestContext();
    const email = normalizeEmail(input.email, 'input.email');
    if (input.password.length > 1000) throw AuthException.invalidCredentials();
    await this.throttle.assertAllowed(email, ip);
    const user = await this.users.byEmail(email);
    // Unknown addresses cost the same argon2 work as known ones.
    const valid = await verifyPassword(
      user?.passwordHash ?? (await dummyPasswordHash()),
      input.password,
    );
    if (!user || !valid) {
      await this.throttle.recordFailure(email, ip);
      throw AuthException.invalidCredentials();
    }
    await this.throttle.recordSuccess(email);
    return this.startSession(user.id);
  }

  async startSession(userId: string): Promise<StartedSession> {
    const { ip, userAgent } = requestContext();
    const token = newToken();
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600 * 1000);
    const repository = this.db.getRepository(SessionEntity);
    await repository.insert({
      userId,
      tokenHash: hashToken(token),
      ip,
      userAgent: userAgent.slice(0, 300),
      lastSeenAt: new Date(),
      expiresAt,
    });
    const actor = await this.authenticate(token);
    if (actor.kind !== 'user') throw new Error('a session just created could not be read back');
    return { token, actor, expiresAt };
  }

  async logout(actor: Actor): Promise<void> {
    if (actor.kind !== 'user') return;
    await this.db.getRepository(SessionEntity).delete({ id: actor.sessionId });
  }

  async logoutEverywhere(actor: Actor): Promise<number> {
    const signedIn = requireSignedIn(actor);
    const result = await this.db.getRepository(SessionEntity).delete({ userId: signedIn.userId });
    return result.affected ?? 0;
  }

  sessions(actor: Actor): Promise<SessionEntity[]> {
    const signedIn = requireSignedIn(actor);
    return this.db.getRepository(SessionEntity).find({
      where: { userId: signedIn.userId, expiresAt: MoreThan(new Date()) },
      order: { lastSeenAt: 'DESC' },
    });
  }

  async revokeSession(actor: Actor, sessionId: string): Promise<boolean> {
    const signedIn = requireSignedIn(actor);
    if (!isUuid(sessionId)) return false;
    const result = await this.db
      .getRepository(SessionEntity)
      .delete({ id: sessionId, userId: signedIn.userId });
    return (result.affected ?? 0) > 0;
  }

  async switchActingCity(actor: Actor, citySlug: string): Promise<SignedInActor> {
    const signedIn = requireSignedIn(actor);
    const city = await this.cities.requireBySlug(citySlug, 'citySlug');
    if (
      !isOrganizer(signedIn) &&
      !signedIn.memberships.some((membership) => membership.cityId === city.id)
    ) {
      throw AuthException.forbidden('You can only act for your own cities');
    }
    await this.db
      .getRepository(SessionEntity)
      .update({ id: signedIn.sessionId }, { actingCityId: city.id });
    return { ...signedIn, actingCityId: city.id };
  }

  /** Always answers the same, whether or not the address has an account. */
  async requestPasswordReset(emailInput: string): Promise<void> {
    const email = normalizeEmail(emailInput, 'input.email');
    const { ip, origin } = requestContext();
    await this.throttle.countResetRequest(email, ip);
    const user = await this.users.byEmail(email);
    if (!user) return;
    const token = newToken();
    await this.db.getRepository(PasswordResetEntity).insert({
      userId: user.id,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + RESET_VALID_MINUTES * 60 * 1000),
    });
    const link = `${this.config.publicUrl ?? origin}/passwort-zuruecksetzen/${token}`;
    await this.mail.sendQuietly(
      passwordResetMail({ to: email, link, minutes: RESET_VALID_MINUTES }),
    );
  }

  async resetPassword(input: { token: string; password: string }): Promise<void> {
    if (!looksLikeToken(input.token)) throw AuthException.invalidToken('input.token');
    const repository = this.db.getRepository(PasswordResetEntity);
    const reset = await repository.findOneBy({ tokenHash: hashToken(input.token) });
    if (!reset || reset.usedAt || reset.expiresAt.getTime() <= Date.now())
      throw AuthException.invalidToken('input.token');
    const user = await this.users.byId(reset.userId);
    if (!user) throw AuthException.invalidToken('input.token');
    checkPasswordStrength(input.password, user.email, 'input.password');
    const passwordHash = await hashPassword(input.password);
    const actor: SignedInActor = {
      kind: 'user',
      userId: user.id,
      sessionId: '',
      networkRole: user.networkRole,
      memberships: [],
      actingCityId: null,
    };
    await this.tenantDb.run(
      async (manager) => {
        const claimed = await manager
          .getRepository(PasswordResetEntity)
          .createQueryBuilder()
          .update()
          .set({ usedAt: () => 'now()' })
          .where('id = :id AND used_at IS NULL', { id: reset.id })
          .execute();
        // Two tabs with the same link: only the first one wins.
        if ((claimed.affected ?? 0) === 0) throw AuthException.invalidToken('input.token');
        await this.users.setPasswordHash(user.id, passwordHash, manager);
        // A reset means the old password may be known to someone: end every session.
        await manager.getRepository(SessionEntity).delete({ userId: user.id });
        await this.audit.record(manager, {
          actorUserId: user.id,
          action: AuditAction.PASSWORD_RESET,
          target: user.email,
        });
      },
      { actor },
    );
  }

  async changePassword(
    actor: Actor,
    input: { currentPassword: string; newPassword: string },
  ): Promise<void> {
    const signedIn = requireSignedIn(actor);
    const user = await this.users.byId(signedIn.userId);
    if (!user) throw AuthException.signInRequired();
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw AuthException.wrongCurrentPassword();
    }
    checkPasswordStrength(input.newPassword, user.email, 'input.newPassword');
    const passwordHash = await hashPassword(input.newPassword);
    await this.db.transaction(async (manager) => {
      await this.users.setPasswordHash(user.id, passwordHash, manager);
      // Other browsers must sign in again with the new password; this one stays.
      await manager
        .getRepository(SessionEntity)
        .createQueryBuilder()
        .delete()
        .where('user_id = :userId AND id <> :sessionId', {
          userId: user.id,
          sessionId: signedIn.sessionId,
        })
        .execute();
    });
  }
}
