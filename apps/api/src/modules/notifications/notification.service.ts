import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Permission, requireAccess } from '../../core/auth/access';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { MailService } from '../mail/mail.service';
import type { NotificationMessage, NotificationRecipients } from './dto/notification-message';
import { toNotification, type NotificationType } from './dto/notification.type';
import { NotificationEntity } from './notification.entity';

@Injectable()
export class NotificationService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly mail: MailService,
  ) {}

  /**
   * Tells every member of the given cities (except `exceptUserId`) in the app, and by
   * e-mail those who want it. Call it inside the transaction of the change (`manager`
   * from `TenantDb.run(actor, …)`): it only writes an outbox row there, so the
   * notification exists exactly if the change commits, and the worker
   * (NotificationOutboxWorker) finds the recipients and sends the e-mails afterwards —
   * a slow mail server never holds the request.
   */
  async notifyCities(
    actor: Actor,
    manager: EntityManager,
    cityIds: readonly string[],
    exceptUserId: string | null,
    message: NotificationMessage,
    recipients: NotificationRecipients = {},
  ): Promise<void> {
    // Written in the actor's own name (row-level security checks it).
    const sender = requireAccess(actor, Permission.ACCOUNT_OWN);
    if (cityIds.length === 0) return;
    // No RETURNING: the application role may insert outbox rows but not read them.
    await manager.query(
      `INSERT INTO notification_outbox
         (actor_user_id, city_ids, except_user_id, kind, title, body, link, mail_subject, mail_text,
          recipient_role, recipient_user_id, subject_id)
       VALUES ($1, $2::uuid[], $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        sender.userId,
        [...new Set(cityIds)],
        exceptUserId,
        message.kind,
        message.title,
        message.body,
        message.link,
        `Wissensnetz: ${message.title}`,
        `${message.body}\n\n${this.mail.link(message.link)}\n\nDiese Benachrichtigungen können Sie unter ${this.mail.link('/benachrichtigungen')} abbestellen.`,
        recipients.role ?? null,
        recipients.userId ?? null,
        message.subjectId ?? null,
      ],
    );
  }

  async list(actor: Actor, first: number): Promise<NotificationType[]> {
    const reader = requireAccess(actor, Permission.ACCOUNT_OWN);
    const rows = await this.tenantDb.run(actor, (manager) =>
      manager.getRepository(NotificationEntity).find({
        where: { userId: reader.userId },
        order: { id: 'DESC' },
        take: Math.min(Math.max(first, 1), 100),
      }),
    );
    return rows.map(toNotification);
  }

  async unreadCount(actor: Actor): Promise<number> {
    const reader = requireAccess(actor, Permission.ACCOUNT_OWN);
    return this.tenantDb.run(actor, (manager) =>
      manager
        .getRepository(NotificationEntity)
        .createQueryBuilder('n')
        .where('n.user_id = :userId AND n.read_at IS NULL', { userId: reader.userId })
        .getCount(),
    );
  }

  /** Marks the given notifications (or all) as read; only one's own (row-level security). */
  async markRead(actor: Actor, ids: string[] | null | undefined): Promise<number> {
    const reader = requireAccess(actor, Permission.ACCOUNT_OWN);
    return this.tenantDb.run(actor, async (manager) => {
      const query = manager
        .createQueryBuilder()
        .update(NotificationEntity)
        .set({ readAt: () => 'now()' })
        .where('user_id = :userId AND read_at IS NULL', { userId: reader.userId });
      if (ids?.length)
        query.andWhere('id = ANY(:ids)', { ids: ids.filter((id) => /^\d+$/.test(id)) });
      return (await query.execute()).affected ?? 0;
    });
  }
}
