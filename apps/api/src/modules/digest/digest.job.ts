import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { JobRegistry } from '../../core/jobs/job-registry';
import type { ScheduledJob } from '../../core/jobs/scheduled-job';
import { SYSTEM_DB } from '../../database/system-db';
import { MailService } from '../mail/mail.service';
import { MailCadence } from '../users/dto/mail-cadence';
import { renderDigest } from './digest-content';
import { dueDigests } from './digest-items';
import { lastCompletePeriod, type DigestCadence, type DigestPeriod } from './digest-period';

const CADENCES: DigestCadence[] = [MailCadence.DAILY, MailCadence.WEEKLY];

/** The sha256 of an unsubscribe token, as stored (the token itself only in the e-mail). */
export function unsubscribeTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** First key of the digest's advisory locks (the second is the period's hash): "wn d". */
const DIGEST_LOCK_SPACE = 0x776e2064;

/**
 * The daily and weekly digests (issue 16). Each run sends, per cadence, the last
 * complete period's digest (Europe/Berlin calendar days and weeks, see digest-period.ts)
 * to everyone who chose that cadence for a stream and has not had it: one e-mail with the
 * period's items grouped by kind, none when there is nothing.
 *
 * Set-based: per cadence a constant number of statements, however many people are due —
 * one finds who is due and what they get (`dueDigests`), one inserts the deliveries, one
 * the e-mails, one links them.
 *
 * At most once per person, cadence and period, however many instances run it at once:
 * a transaction-level advisory lock on the cadence and period makes a second run wait
 * and then find the first's deliveries (not due any more); the `digest_delivery` row
 * (unique on user, period start, cadence) and the e-mail's row in the mail outbox
 * (`notification_mail`) commit together, and an insert that meets an existing row does
 * nothing. The notification outbox worker sends the e-mails and retries them on SMTP
 * errors. On the owner connection (a system part): `dueDigests` filters the items by
 * what each person may see.
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
      const sent = await this.deliver(period);
      if (sent > 0)
        this.logger.log(`${cadence} digest from ${period.start.toISOString()}: ${sent} e-mails`);
    }
  }

  /** Every due digest of the period, in one transaction; the number of e-mails queued. */
  private deliver(period: DigestPeriod): Promise<number> {
    return this.db.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [
        DIGEST_LOCK_SPACE,
        `${period.cadence} ${period.start.toISOString()}`,
      ]);
      const due = await dueDigests(manager, period);
      if (due.length === 0) return 0;
      const mails = due.map((person) => {
        const token = randomBytes(32).toString('base64url');
        const rendered = renderDigest({
          locale: person.locale,
          displayName: person.display_name,
          period,
          items: person.items.map(({ path, ...item }) => ({ ...item, url: this.mail.link(path) })),
          unsubscribePageUrl: this.mail.link(`/abbestellen/${token}`),
          settingsUrl: this.mail.link('/benachrichtigungen'),
        });
        return { person, token, ...rendered };
      });
      const delivered = (await manager.query(
        `INSERT INTO digest_delivery
           (user_id, cadence, period_start, period_end, streams, item_count, unsubscribe_token_hash)
         SELECT d.user_id, $1, $2, $3, string_to_array(d.streams, ','), d.item_count, d.token_hash
           FROM unnest($4::uuid[], $5::text[], $6::int[], $7::text[])
                AS d (user_id, streams, item_count, token_hash)
         ON CONFLICT (user_id, period_start, cadence) DO NOTHING RETURNING id, user_id`,
        [
          period.cadence,
          period.start,
          period.end,
          mails.map((m) => m.person.id),
          mails.map((m) => m.person.streams.join(',')),
          mails.map((m) => m.person.items.length),
          mails.map((m) => unsubscribeTokenHash(m.token)),
        ],
      )) as Array<{ id: string; user_id: string }>;
      const deliveryOf = new Map(delivered.map((row) => [row.user_id, row.id]));
      const queue = mails.filter((m) => deliveryOf.has(m.person.id));
      if (queue.length === 0) return 0;
      const queued = (await manager.query(
        `INSERT INTO notification_mail (user_id, recipient, subject, text_body, html_body, unsubscribe_url)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
         RETURNING id, user_id`,
        [
          queue.map((m) => m.person.id),
          queue.map((m) => m.person.email),
          queue.map((m) => m.subject),
          queue.map((m) => m.text),
          queue.map((m) => m.html),
          queue.map((m) => this.mail.link(`/api/digest/unsubscribe/${m.token}`)),
        ],
      )) as Array<{ id: string; user_id: string }>;
      await manager.query(
        `UPDATE digest_delivery d SET mail_id = q.mail_id
           FROM unnest($1::bigint[], $2::bigint[]) AS q (delivery_id, mail_id) WHERE d.id = q.delivery_id`,
        [queued.map((row) => deliveryOf.get(row.user_id)), queued.map((row) => row.id)],
      );
      return queued.length;
    });
  }
}
