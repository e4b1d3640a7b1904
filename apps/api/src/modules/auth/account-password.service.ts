import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Permission, requireAccess } from '../../core/auth/access';
import { AuthException } from '../../core/auth/auth.exception';
import type { ClientInfo } from '../../core/auth/client-info.decorator';
import { normalizeEmail } from '../../core/auth/email';
import { checkPasswordStrength, hashPassword, verifyPassword } from '../../core/auth/password';
import { hashToken, looksLikeToken, newToken } from '../../core/auth/tokens';
import type { Actor, SignedInActor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { AuditAction, AuditService } from '../audit/audit.service';
import { MailService } from '../mail/mail.service';
import { UsersService } from '../users/users.service';
import { passwordResetMail } from './auth.mails';
import { LoginThrottle } from './login-throttle.service';
import { PasswordResetEntity } from './password-reset.entity';
import { SessionEntity } from './session.entity';

export const RESET_VALID_MINUTES = 60;

/**
 * Setting a password: a reset link by e-mail for whoever forgot it, and a change by the
 * signed-in person. Reset links are network-wide rows found by the hash of their token,
 * before anyone acts (application connection); what is written in someone's name goes
 * through TenantDb.run with that actor, so the audit log's row-level security holds.
 */
@Injectable()
export class AccountPasswordService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tenantDb: TenantDb,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly throttle: LoginThrottle,
  ) {}

  /** Always answers the same, whether or not the address has an account. */
  async requestReset(client: ClientInfo, emailInput: string): Promise<void> {
    const email = normalizeEmail(emailInput, 'input.email');
    await this.throttle.countResetRequest(email, client.ip);
    const user = await this.users.byEmail(email);
    if (!user) return;
    const token = newToken();
    await this.db.getRepository(PasswordResetEntity).insert({
      userId: user.id,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + RESET_VALID_MINUTES * 60 * 1000),
    });
    const link = this.mail.link(`/passwort-zuruecksetzen/${token}`);
    await this.mail.sendQuietly(
      passwordResetMail({ to: email, link, minutes: RESET_VALID_MINUTES }),
    );
  }

  async reset(input: { token: string; password: string }): Promise<void> {
    if (!looksLikeToken(input.token)) throw AuthException.invalidToken('input.token');
    const repository = this.db.getRepository(PasswordResetEntity);
    const reset = await repository.findOneBy({ tokenHash: hashToken(input.token) });
    if (!reset || reset.usedAt || reset.expiresAt.getTime() <= Date.now())
      throw AuthException.invalidToken('input.token');
    const user = await this.users.byId(reset.userId);
    if (!user) throw AuthException.invalidToken('input.token');
    checkPasswordStrength(input.password, user.email, 'input.password');
    const passwordHash = await hashPassword(input.password);
    // The holder of the link acts as the account's bare user (no cities): enough to write
    // the audit entry in their own name.
    const holder: SignedInActor = {
      kind: 'user',
      userId: user.id,
      sessionId: '',
      networkRole: user.networkRole,
      memberships: [],
      actingCityId: null,
    };
    await this.tenantDb.run(holder, async (manager) => {
      // Using one link voids every other outstanding one of the account, in the same
      // statement: of two links (or two tabs) used at once only the first one wins,
      // and an older link found later in a mailbox does nothing.
      const voided = await this.voidResetLinks(manager, user.id);
      if (!voided.includes(reset.id)) throw AuthException.invalidToken('input.token');
      await this.users.setPasswordHash(manager, user.id, passwordHash);
      // A reset means the old password may be known to someone: end every session.
      await manager.getRepository(SessionEntity).delete({ userId: user.id });
      await this.audit.record(manager, {
        actorUserId: user.id,
        action: AuditAction.PASSWORD_RESET,
        target: user.email,
      });
    });
  }

  async change(
    actor: Actor,
    client: ClientInfo,
    input: { currentPassword: string; newPassword: string },
  ): Promise<void> {
    const signedIn = requireAccess(actor, Permission.ACCOUNT_OWN);
    const user = await this.users.byId(signedIn.userId);
    if (!user) throw AuthException.signInRequired();
    // Whoever holds a session (an unattended browser) must not get unlimited guesses at
    // the password itself: the same throttle as signing in.
    const attempt = await this.throttle.begin(user.email, client.ip);
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      await this.throttle.failed(attempt);
      throw AuthException.wrongCurrentPassword();
    }
    await this.throttle.succeeded(attempt);
    checkPasswordStrength(input.newPassword, user.email, 'input.newPassword');
    const passwordHash = await hashPassword(input.newPassword);
    await this.tenantDb.run(actor, async (manager) => {
      await this.users.setPasswordHash(manager, user.id, passwordHash);
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

  /**
   * The signed-in person confirms a grave step (erasing their account) with their password,
   * throttled like signing in. Throws INVALID_CREDENTIALS on `field` when it is wrong.
   */
  async confirmPassword(
    signedIn: SignedInActor,
    client: ClientInfo,
    password: string,
    field: string,
  ): Promise<void> {
    const user = await this.users.byId(signedIn.userId);
    if (!user) throw AuthException.signInRequired();
    const attempt = await this.throttle.begin(user.email, client.ip);
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.throttle.failed(attempt);
      throw AuthException.wrongCurrentPassword(field);
    }
    await this.throttle.succeeded(attempt);
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
