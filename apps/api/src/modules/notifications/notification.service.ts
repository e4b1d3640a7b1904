import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { requireSignedIn } from '../../core/auth/access';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { SEARCH_DB } from '../../search/search-db';
import { MailService } from '../mail/mail.service';
import { publicLink } from '../mail/public-link';
import { NotificationEntity } from './notification.entity';

export interface NotificationMessage {
  kind: string;
  title: string;
  body: string;
  /** Path in the web app, e.g. /goch/tandem. */
  link: string;
}

@Injectable()
export class NotificationService {
  private readonly logger = new Logger(NotificationService.name);

  constructor(
    private readonly tenantDb: TenantDb,
    // Fan-out reaches members of other cities, which no request may read: system connection.
    @Inject(SEARCH_DB) private readonly system: DataSource,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Tells every member of the given cities (except the one who acted) in the app,
   * and by e-mail those who want it. Called after the change is committed; a
   * failure here is logged and never undoes the change.
   */
  async notifyCities(
    cityIds: string[],
    exceptUserId: string | null,
    message: NotificationMessage,
  ): Promise<number> {
    try {
      const recipients: Array<{
        id: string;
        email: string;
        email_notifications: boolean;
        city_id: string;
      }> = await this.system.query(
        `SELECT DISTINCT ON (u.id) u.id, u.email, u.email_notifications, m.city_id
           FROM membership m JOIN app_user u ON u.id = m.user_id
          WHERE m.city_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR u.id <> $2::uuid)`,
        [cityIds, exceptUserId],
      );
      if (recipients.length === 0) return 0;
      await this.system.query(
        `INSERT INTO notification (user_id, city_id, kind, title, body, link)
         SELECT r.user_id, r.city_id, $2, $3, $4, $5 FROM jsonb_to_recordset($1::jsonb) AS r(user_id uuid, city_id uuid)`,
        [
          JSON.stringify(recipients.map((r) => ({ user_id: r.id, city_id: r.city_id }))),
          message.kind,
          message.title,
          message.body,
          message.link,
        ],
      );
      for (const recipient of recipients.filter((r) => r.email_notifications)) {
        await this.mail.sendQuietly({
          to: recipient.email,
          subject: `Wissensnetz: ${message.title}`,
          text: `${message.body}\n\n${publicLink(this.config, message.link)}\n\nDiese Benachrichtigungen können Sie unter ${publicLink(this.config, '/konto')} abbestellen.`,
        });
      }
      return recipients.length;
    } catch (error) {
      this.logger.error(`notifying cities failed: ${String(error)}`);
      return 0;
    }
  }

  list(actor: Actor, first: number): Promise<NotificationEntity[]> {
    requireSignedIn(actor);
    return this.tenantDb.run((manager) =>
      manager
        .getRepository(NotificationEntity)
        .find({ order: { id: 'DESC' }, take: Math.min(Math.max(first, 1), 100) }),
    );
  }

  async unreadCount(actor: Actor): Promise<number> {
    requireSignedIn(actor);
    return this.tenantDb.run((manager) =>
      manager
        .getRepository(NotificationEntity)
        .createQueryBuilder('n')
        .where('n.read_at IS NULL')
        .getCount(),
    );
  }

  /** Marks the given notifications (or all) as read; only one's own (row-level security). */
  async markRead(actor: Actor, ids: string[] | null | undefined): Promise<number> {
    requireSignedIn(actor);
    return this.tenantDb.run(async (manager) => {
      const query = manager
        .createQueryBuilder()
        .update(NotificationEntity)
        .set({ readAt: () => 'now()' })
        .where('read_at IS NULL');
      if (ids?.length)
        query.andWhere('id = ANY(:ids)', { ids: ids.filter((id) => /^\d+$/.test(id)) });
      return (await query.execute()).affected ?? 0;
    });
  }
}
