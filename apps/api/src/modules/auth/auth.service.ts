import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
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
import { publicLink } from '../mail/public-link';
import { MembershipService } from '../memberships/membership.service';
import { UsersService } from '../users/users.service';
import { LoginThrottle } from './login-throttle';
import { passwordResetMail } from './auth.mails';
import { PasswordResetEntity } from './password-reset.entity';
import { SessionEntity } from './session.entity';
import { isUuid } from '../../core/validation/uuid';

export const RESET_VALID_MINUTES = 60;
/** Seen-at is written at most this often (and more often than the idle timeout needs). */
const MAX_TOUCH_INTERVAL_MS = 5 * 60 * 1000;

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

  /**
   * The actor behind a session cookie of a request; anonymous for a missing, unknown,
   * ended, expired or idle one. Counts as use of the session (seen-at).
   */
  async authenticate(token: string | undefined): Promise<Actor> {
    return (await this.liveSession(token, true)) ?? ANONYMOUS;
  }

  /**
   * Whether a session token is still valid (not ended, within its lifetime and its idle
   * timeout), and whose it is: the actor, or null. Does not count as use, so an open
   * WebSocket that re-checks its session before every event cannot keep it alive.
   */
  sessionActor(token: string | undefined): Promise<SignedInActor | null> {
    return this.liveSession(token, false);
  }

  private async liveSession(
    token: string | undefined,
    use: boolean,
  ): Promise<SignedInActor | null> {
    if (!token || !looksLikeToken(token)) return null;
    const idleMs = this.config.sessionIdleMinutes * 60 * 1000;
    // Lifetime and idle time on the database's clock, the one that wrote last_seen_at.
    const [session] = await this.db.query<
      Array<{
        id: string;
        user_id: string;
        acting_city_id: string | null;
        live: boolean;
        unseen_ms: number;
      }>
    >(
      `SELECT id, user_id, acting_city_id,
              expires_at > now() AND last_seen_at > now() - make_interval(mins => $2) AS live,
              (extract(epoch FROM now() - last_seen_at) * 1000)::float8 AS unseen_ms
         FROM user_session WHERE token_hash = $1`,
      [hashToken(token), this.config.sessionIdleMinutes],
    );
    if (!session) return null;
    if (!session.live) {
      // Ended for good: drop it, so it leaves the session list too.
      await this.db.getRepository(SessionEntity).delete({ id: session.id });
      return null;
    }
    const user = await this.users.byId(session.user_id);
    if (!user) return null;
    // Seen-at feeds the idle timeout and the session list. Written at most every five
    // minutes, and at least four times per idle period, so a session in use never idles out.
    if (use && session.unseen_ms > Math.min(MAX_TOUCH_INTERVAL_MS, idleMs / 4)) {
      await this.db
        .getRepository(SessionEntity)
        .createQueryBuilder()
        .update()
        .set({ lastSeenAt: () => 'now()' })
        .where('id = :id', { id: session.id })
        .execute();
    }
    const memberships = await this.memberships.ofUser(user.id);
    const actingCityId =
      session.acting_city_id &&
      (memberships.some((m) => m.cityId === session.acting_city_id) ||
        user.networkRole === 'ORGANIZER')
        ? session.acting_city_id
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

  /**
   * Signs in with e-mail and password. `previous` is whoever this browser was signed in
   * as: that session ends, so a browser never keeps a session token across a sign-in.
   */
  async login(
    input: { email: string; password: string },
    previous: Actor = ANONYMOUS,
  ): Promise<StartedSession> {
    const { ip } = requestContext();
    const email = normalizeEmail(input.email, 'input.email');
    if (input.password.length > 1000) throw AuthException.invalidCredentials();
    const attempt = await this.throttle.begin(email, ip);
    const user = await this.users.byEmail(email);
    // Unknown addresses cost the same argon2 work as known ones.
    const valid = await verifyPassword(
      user?.passwordHash ?? (await dummyPasswordHash()),
      input.password,
    );
    if (!user || !valid) {
      await this.throttle.failed(attempt);
      throw AuthException.invalidCredentials();
    }
    await this.throttle.succeeded(attempt);
    return this.startSession(user.id, previous);
  }

  /** A new session with a new token; the browser's previous session (if any) ends. */
  async startSession(userId: string, previous: Actor = ANONYMOUS): Promise<StartedSession> {
    const { ip, userAgent } = requestContext();
    const token = newToken();
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600 * 1000);
    const repository = this.db.getRepository(SessionEntity);
    if (previous.kind === 'user') await repository.delete({ id: previous.sessionId });
    await repository.insert({
      userId,
      tokenHash: hashToken(token),
      ip,
      userAgent: userAgent.slice(0, 300),
      // The database's clock, like every later seen-at and the idle check.
      lastSeenAt: () => 'now()',
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
    return this.db
      .getRepository(SessionEntity)
      .createQueryBuilder('session')
      .where('session.user_id = :userId', { userId: signedIn.userId })
      .andWhere('session.expires_at > now()')
      .andWhere('session.last_seen_at > now() - make_interval(mins => :idle)', {
        idle: this.config.sessionIdleMinutes,
      })
      .orderBy('session.last_seen_at', 'DESC')
      .getMany();
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
    const { ip } = requestContext();
    await this.throttle.countResetRequest(email, ip);
    const user = await this.users.byEmail(email);
    if (!user) return;
    const token = newToken();
    await this.db.getRepository(PasswordResetEntity).insert({
      userId: user.id,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + RESET_VALID_MINUTES * 60 * 1000),
    });
    const link = publicLink(this.config, `/passwort-zuruecksetzen/${token}`);
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
        // Using one link voids every other outstanding one of the account, in the same
        // statement: of two links (or two tabs) used at once only the first one wins,
        // and an older link found later in a mailbox does nothing.
        const voided = await this.voidResetLinks(manager, user.id);
        if (!voided.includes(reset.id)) throw AuthException.invalidToken('input.token');
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
    // Whoever holds a session (an unattended browser) must not get unlimited guesses at
    // the password itself: the same throttle as signing in.
    const attempt = await this.throttle.begin(user.email, requestContext().ip);
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      await this.throttle.failed(attempt);
      throw AuthException.wrongCurrentPassword();
    }
    await this.throttle.succeeded(attempt);
    checkPasswordStrength(input.newPassword, user.email, 'input.newPassword');
    const passwordHash = await hashPassword(input.newPassword);
    await this.db.transaction(async (manager) => {
      await this.users.setPasswordHash(user.id, passwordHash, manager);
      // A reset link asked for before (perhaps by someone else) must not undo the change.
      await this.voidResetLinks(manager, user.id);
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

  /** Marks every unused reset link of an account as used; returns the ids it marked. */
  private async voidResetLinks(manager: EntityManager, userId: string): Promise<string[]> {
    const result = await manager
      .getRepository(PasswordResetEntity)
      .createQueryBuilder()
      .update()
      .set({ usedAt: () => 'now()' })
      .where('user_id = :userId AND used_at IS NULL', { userId })
      .returning(['id'])
      .execute();
    return (result.raw as Array<{ id: string }>).map((row) => row.id);
  }
}
