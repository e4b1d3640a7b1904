import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { ANONYMOUS, type Actor, type SignedInActor } from '../../core/tenancy/actor';
import { Permission, mayAccess, requireAccess } from '../../core/auth/access';
import { AuthException } from '../../core/auth/auth.exception';
import type { ClientInfo } from '../../core/auth/client-info.decorator';
import { normalizeEmail } from '../../core/auth/email';
import { dummyPasswordHash, verifyPassword } from '../../core/auth/password';
import { hashToken, looksLikeToken, newToken } from '../../core/auth/tokens';
import { APP_CONFIG } from '../../core/config/config.module';
import type { AppConfig } from '../../core/config/config';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { isUuid } from '../../core/validation/uuid';
import { CityService } from '../cities/city.service';
import { toCityOrNull } from '../cities/dto/city.type';
import { InvitationService } from '../memberships/invitation.service';
import { MembershipService } from '../memberships/membership.service';
import { Me, toMe } from '../users/dto/me.type';
import { UsersService } from '../users/users.service';
import type { UpdateMeInput } from './dto/auth.inputs';
import { SessionType, toSession } from './dto/session.type';
import { LoginThrottle } from './login-throttle.service';
import { SessionEntity } from './session.entity';
import { clearSessionCookie } from './session-cookie';

/** Seen-at is written at most this often (and more often than the idle timeout needs). */
const MAX_TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export interface StartedSession {
  token: string;
  actor: SignedInActor;
  expiresAt: Date;
}

/**
 * Sessions: who is behind a cookie, signing in and out, the session list, the acting
 * city, and the person's own view of their account (`me`).
 *
 * The session table is network-wide (no row-level security) and is looked up by the hash
 * of the cookie's token before anyone acts: reading a session is how the actor comes to
 * be, so those lookups use the application connection directly. What a signed-in actor
 * does to their own sessions goes through TenantDb.run(actor, ...).
 */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tenantDb: TenantDb,
    private readonly users: UsersService,
    private readonly memberships: MembershipService,
    private readonly invitations: InvitationService,
    private readonly cities: CityService,
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
    const actor: SignedInActor = {
      kind: 'user',
      userId: user.id,
      sessionId: session.id,
      networkRole: user.networkRole,
      memberships: await this.memberships.ofUser(user.id),
      actingCityId: null,
    };
    // The city chosen last, while the user may still act for it; else their first city.
    const chosen = session.acting_city_id;
    actor.actingCityId =
      chosen && mayAccess(actor, Permission.CITY_ACT_FOR, { cityId: chosen })
        ? chosen
        : (actor.memberships[0]?.cityId ?? null);
    return actor;
  }

  /**
   * Signs in with e-mail and password. `actor` is whoever this browser was signed in as:
   * that session ends, so a browser never keeps a session token across a sign-in.
   */
  async login(
    actor: Actor,
    client: ClientInfo,
    input: { email: string; password: string },
  ): Promise<StartedSession> {
    const email = normalizeEmail(input.email, 'input.email');
    if (input.password.length > 1000) throw AuthException.invalidCredentials();
    const attempt = await this.throttle.begin(email, client.ip);
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
    return this.startSession(actor, client, user.id);
  }

  /** Accepts an invitation (creating the account if needed) and signs its holder in. */
  async acceptInvitation(
    actor: Actor,
    client: ClientInfo,
    input: { token: string; displayName?: string | null; password: string },
  ): Promise<StartedSession> {
    const userId = await this.invitations.accept(actor, client, input);
    return this.startSession(actor, client, userId);
  }

  /** A new session with a new token; the browser's previous session (`actor`'s, if any) ends. */
  private async startSession(
    actor: Actor,
    client: ClientInfo,
    userId: string,
  ): Promise<StartedSession> {
    const token = newToken();
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600 * 1000);
    const repository = this.db.getRepository(SessionEntity);
    if (actor.kind === 'user') await repository.delete({ id: actor.sessionId });
    await repository.insert({
      userId,
      tokenHash: hashToken(token),
      ip: client.ip,
      userAgent: client.userAgent.slice(0, 300),
      // The database's clock, like every later seen-at and the idle check.
      lastSeenAt: () => 'now()',
      expiresAt,
    });
    const started = await this.authenticate(token);
    if (started.kind !== 'user') throw new Error('a session just created could not be read back');
    return { token, actor: started, expiresAt };
  }

  /**
   * Forgets the session in the browser that asked, for features whose step ends every
   * session of the account (erasure). The caller (a resolver) goes on as anonymous.
   */
  forgetSessionInBrowser(req: Request, res: Response): void {
    clearSessionCookie(req, res);
  }

  /** Ends this browser's session; nothing to do for an anonymous caller. */
  async logout(actor: Actor): Promise<void> {
    if (actor.kind !== 'user') return;
    await this.tenantDb.run(actor, (manager) =>
      manager.getRepository(SessionEntity).delete({ id: actor.sessionId }),
    );
  }

  async logoutEverywhere(actor: Actor): Promise<number> {
    const signedIn = requireAccess(actor, Permission.ACCOUNT_OWN);
    const result = await this.tenantDb.run(actor, (manager) =>
      manager.getRepository(SessionEntity).delete({ userId: signedIn.userId }),
    );
    return result.affected ?? 0;
  }

  async sessions(actor: Actor): Promise<SessionType[]> {
    const signedIn = requireAccess(actor, Permission.ACCOUNT_OWN);
    const rows = await this.tenantDb.run(actor, (manager) =>
      manager
        .getRepository(SessionEntity)
        .createQueryBuilder('session')
        .where('session.user_id = :userId', { userId: signedIn.userId })
        .andWhere('session.expires_at > now()')
        .andWhere('session.last_seen_at > now() - make_interval(mins => :idle)', {
          idle: this.config.sessionIdleMinutes,
        })
        .orderBy('session.last_seen_at', 'DESC')
        .getMany(),
    );
    return rows.map((row) => toSession(row, actor));
  }

  /** Ends one of the actor's own sessions; false for anyone else's or an unknown one. */
  async revokeSession(actor: Actor, sessionId: string): Promise<boolean> {
    const signedIn = requireAccess(actor, Permission.ACCOUNT_OWN);
    if (!isUuid(sessionId)) return false;
    const result = await this.tenantDb.run(actor, (manager) =>
      manager.getRepository(SessionEntity).delete({ id: sessionId, userId: signedIn.userId }),
    );
    return (result.affected ?? 0) > 0;
  }

  /** The actor acting for another of their cities, remembered in the session. */
  async switchActingCity(actor: Actor, citySlug: string): Promise<SignedInActor> {
    const city = await this.cities.requireBySlug(citySlug, 'citySlug');
    const signedIn = requireAccess(actor, Permission.CITY_ACT_FOR, { cityId: city.id });
    await this.tenantDb.run(actor, (manager) =>
      manager
        .getRepository(SessionEntity)
        .update({ id: signedIn.sessionId }, { actingCityId: city.id }),
    );
    return { ...signedIn, actingCityId: city.id };
  }

  /** The person's own view of their account; null when nobody is signed in. */
  async me(actor: Actor): Promise<Me | null> {
    if (actor.kind !== 'user') return null;
    const user = await this.users.byId(actor.userId);
    if (!user) return null;
    const memberships = await this.memberships.ofActor(actor);
    const [actingCity] = actor.actingCityId
      ? await this.cities.byIds([actor.actingCityId])
      : [null];
    return toMe(user, memberships, toCityOrNull(actingCity));
  }

  /** Like me, for a mutation that just signed in or changed the account. */
  async requireMe(actor: Actor): Promise<Me> {
    const view = await this.me(actor);
    if (!view) throw AuthException.signInRequired();
    return view;
  }

  async updateMe(actor: Actor, input: UpdateMeInput): Promise<Me> {
    await this.users.updateProfile(actor, input);
    return this.requireMe(actor);
  }
}
