import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { JobRegistry } from '../../core/jobs/job-registry';
import type { ScheduledJob } from '../../core/jobs/scheduled-job';
import { SYSTEM_DB } from '../../database/system-db';
import { MailService } from '../mail/mail.service';
import { MailCadence, MailStream } from '../users/dto/mail-cadence';
import { renderDigest } from './digest-content';
import { digestItems, type DigestRecipient } from './digest-items';
import { lastCompletePeriod, type DigestCadence, type DigestPeriod } from './digest-period';

const CADENCES: DigestCadence[] = [MailCadence.DAILY, MailCadence.WEEKLY];

/** The sha256 of an unsubscribe token, as stored (the token itself only in the e-mail). */
export function unsubscribeTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

interface Candidate extends DigestRecipient {
  mail_tandem: MailCadence;
  mail_city: MailCadence;
  mail_network: MailCadence;
}

/**
 * The daily and weekly digests (issue 16). Each run sends, per cadence, the last
 * complete period's digest to everyone who chose that cadence for a stream and has not
 * had it: one e-mail with the period's items grouped by kind, none when there is nothing.
 *
 * At most once per person, cadence and period, however many instances run it at once:
 * the `digest_delivery` row (unique on user, period start, cadence) and the e-mail's row
 * in the mail outbox (`notification_mail`) commit together, and a second run's insert
 * finds the first's row and does nothing. The notification outbox worker sends the
 * e-mail and retries it on SMTP errors. On the owner connection (a system part): the
 * items are filtered by what the person may see in `digestItems`.
 */
@Injectable()
export class DigestJob implements ScheduledJob, OnModuleInit {
  readonly name = 'digest';
  readonly everyMs = 3_600_000;
  private readonly logger = new Logger(DigestJob.name);

  constructor(
    @Inject(SYSTEM_DB) private readonly db: DataSource,
    private readonly registry: JobRegistry,
    private readonly mail: MailService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async run(now: Date): Promise<void> {
    for (const cadence of CADENCES) {
      const period = lastCompletePeriod(cadence, now);
      let sent = 0;
      for (const person of await this.candidates(period))
        if (await this.deliver(person, period)) sent++;
      if (sent > 0)
        this.logger.log(`${cadence} digest from ${period.start.toISOString()}: ${sent} e-mails`);
    }
  }

  /** Whoever chose this cadence for a stream and has no digest of this period yet. */
  private async candidates(period: DigestPeriod): Promise<Candidate[]> {
    return (await this.db.query(
      `SELECT u.id, u.email, u.display_name, u.locale, u.mail_tandem, u.mail_city, u.mail_network,
              coalesce(array_agg(m.city_id) FILTER (WHERE m.city_id IS NOT NULL), '{}') AS city_ids,
              (u.network_role = 'ORGANIZER' OR count(m.city_id) > 0) AS network_member
         FROM app_user u LEFT JOIN membership m ON m.user_id = u.id
        WHERE $1 IN (u.mail_tandem, u.mail_city, u.mail_network)
          AND NOT EXISTS (SELECT 1 FROM digest_delivery d
                           WHERE d.user_id = u.id AND d.cadence = $1 AND d.period_start = $2)
        GROUP BY u.id ORDER BY u.id`,
      [period.cadence, period.start],
    )) as Candidate[];
  }

  /** One person's digest; false when there was nothing or another run sent it. */
  private async deliver(person: Candidate, period: DigestPeriod): Promise<boolean> {
    const streams = (
      [
        [MailStream.TANDEM, person.mail_tandem],
        [MailStream.CITY, person.mail_city],
        [MailStream.NETWORK, person.mail_network],
      ] as const
    )
      .filter(([, cadence]) => cadence === period.cadence)
      .map(([stream]) => stream);
    return this.db.transaction(async (manager) => {
      const items = await digestItems(manager, person, streams, period, (path) =>
        this.mail.link(path),
      );
      if (items.length === 0) return false;
      const token = randomBytes(32).toString('base64url');
      const inserted = (await manager.query(
        `INSERT INTO digest_delivery
           (user_id, cadence, period_start, period_end, streams, item_count, unsubscribe_token_hash)
         VALUES ($1, $2, $3, $4, $5::text[], $6, $7)
         ON CONFLICT (user_id, period_start, cadence) DO NOTHING RETURNING id`,
        [
          person.id,
          period.cadence,
          period.start,
          period.end,
          streams,
          items.length,
          unsubscribeTokenHash(token),
        ],
      )) as Array<{ id: string }>;
      if (inserted.length === 0) return false;
      const mail = renderDigest({
        locale: person.locale,
        displayName: person.display_name,
        period,
        items,
        unsubscribePageUrl: this.mail.link(`/abbestellen/${token}`),
        settingsUrl: this.mail.link('/benachrichtigungen'),
      });
      const [queued] = (await manager.query(
        `INSERT INTO notification_mail (user_id, recipient, subject, text_body, html_body, unsubscribe_url)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          person.id,
          person.email,
          mail.subject,
          mail.text,
          mail.html,
          this.mail.link(`/api/digest/unsubscribe/${token}`),
        ],
      )) as Array<{ id: string }>;
      await manager.query(`UPDATE digest_delivery SET mail_id = $2 WHERE id = $1`, [
        inserted[0].id,
        queued.id,
      ]);
      return true;
    });
  }
}
