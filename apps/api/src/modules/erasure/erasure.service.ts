import { Injectable } from '@nestjs/common';
import { Permission, requireAccess } from '../../core/auth/access';
import type { ClientInfo } from '../../core/auth/client-info.decorator';
import type { Actor, SignedInActor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { isUuid } from '../../core/validation/uuid';
import { AuditAction, AuditService } from '../audit/audit.service';
import { AccountPasswordService } from '../auth/account-password.service';
import { RegistrationService } from '../conferences/registration.service';
import { MembershipService } from '../memberships/membership.service';
import { UsersService } from '../users/users.service';
import { cleanReason } from './erasure-reason';
import { ErasureException } from './erasure.exception';

/**
 * Erasure of an account (Art. 17 DSGVO). What the person wrote for their city stays, shown
 * as written by a former member of that city (the account row stays as a tombstone without
 * anything personal); their personal data goes: name, e-mail, password hash, sessions (so
 * every browser and live subscription is signed out), memberships, notifications and their
 * settings, invitations to their address, participant entries (seats of coming
 * conferences are freed and the waitlist moves up). One transaction: all or nothing. The
 * deletion itself is `erase_account` (migration AccountErasure), which reaches rows of
 * other cities the actor may not read.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly users: UsersService,
    private readonly passwords: AccountPasswordService,
    private readonly memberships: MembershipService,
    private readonly registrations: RegistrationService,
    private readonly audit: AuditService,
  ) {}

  /** The person deletes their own account, confirming with their password. */
  async deleteOwnAccount(actor: Actor, client: ClientInfo, password: string): Promise<void> {
    const signedIn = requireAccess(actor, Permission.ACCOUNT_OWN);
    requireAccess(signedIn, Permission.ACCOUNT_ERASE, { userId: signedIn.userId });
    await this.passwords.confirmPassword(signedIn, client, password, 'input.password');
    await this.erase(signedIn, signedIn.userId, 'input.password', { self: true });
  }

  /** An organizer carries out an erasure request for someone else, with a reason (audited). */
  async eraseAccount(actor: Actor, input: { userId: string; reason: string }): Promise<void> {
    const signedIn = requireAccess(actor, Permission.ACCOUNT_OWN);
    requireAccess(signedIn, Permission.ACCOUNT_ERASE, { userId: input.userId });
    const reason = cleanReason(input.reason, 'input.reason');
    if (!isUuid(input.userId)) throw ErasureException.accountNotFound('input.userId');
    const user = await this.users.byId(input.userId);
    if (!user || user.erasedAt) throw ErasureException.accountNotFound('input.userId');
    await this.erase(signedIn, user.id, 'input.userId', { self: false, reason });
  }

  private async erase(
    actor: SignedInActor,
    userId: string,
    field: string,
    details: { self: boolean; reason?: string },
  ): Promise<void> {
    await this.tenantDb.run(actor, async (manager) => {
      await this.memberships.ensureNotLastCoordinator(manager, userId, field);
      const freed = (await manager.query('SELECT conference_id, title FROM erase_account($1)', [
        userId,
      ])) as Array<{ conference_id: string; title: string }>;
      for (const conference of freed) {
        const promotions = await this.registrations.fillSeats(manager, conference.conference_id);
        await this.registrations.announce(actor, manager, {
          conferenceId: conference.conference_id,
          title: conference.title,
          promotions,
        });
      }
      // Who, when and why; the erased person only as their account id (a pseudonym).
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: AuditAction.ACCOUNT_ERASED,
        target: userId,
        details,
      });
    });
  }
}
