import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Permission, requireAccess } from '../../core/auth/access';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { MailService } from '../mail/mail.service';
import type { NotificationMessage, NotificationRecipients } from './dto/notification-message';
import {
  toNotificationGroup,
  type NotificationGroupRow,
  type NotificationGroupType,
} from './dto/notification-group.type';
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
          recipient_role, recipient_user_id, subject_id, subject)
       VALUES ($1, $2::uuid[], $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
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
        message.subject ?? '',
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

  /**
   * The caller's notifications grouped by kind and link (what they are about), the
   * group with the newest notification first; `first` groups at most.
   */
  async groups(actor: Actor, first: number): Promise<NotificationGroupType[]> {
    const reader = requireAccess(actor, Permission.ACCOUNT_OWN);
    const rows: NotificationGroupRow[] = await this.tenantDb.run(actor, (manager) =>
      manager.query(
        `SELECT kind, link,
                (array_agg(subject ORDER BY id DESC))[1] AS subject,
                count(*)::int AS count,
                (count(*) FILTER (WHERE read_at IS NULL))::int AS unread_count,
                (array_agg(title ORDER BY id DESC))[1] AS latest_title,
                (array_agg(body ORDER BY id DESC))[1] AS latest_body,
                max(created_at) AS latest_at,
                (array_agg(id ORDER BY id DESC) FILTER (WHERE read_at IS NULL))[1:100] AS unread_ids
           FROM notification
          WHERE user_id = $1
          GROUP BY kind, link
          ORDER BY max(id) DESC
          LIMIT $2`,
        [reader.userId, Math.min(Math.max(first, 1), 100)],
      ),
    );
    return rows.map(toNotificationGroup);
  }

  /**
   * Marks the caller's unread notifications about the page at `link` read (opening a
   * tandem reads its notes, a practice its review notices); only one's own, row-level
   * security says the same. Returns how many.
   */
  async markReadAt(actor: Actor, link: string): Promise<number> {
    const reader = requireAccess(actor, Permission.ACCOUNT_OWN);
    if (!link.startsWith('/') || link.length > 500) return 0;
    return this.tenantDb.run(actor, async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(NotificationEntity)
        .set({ readAt: () => 'now()' })
        .where('user_id = :userId AND read_at IS NULL AND link = :link', {
          userId: reader.userId,
          link,
        })
        .execute();
      return result.affected ?? 0;
    });
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
