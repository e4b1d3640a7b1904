import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { DrainLoop } from '../../database/drain-loop';
import { PgListener } from '../../database/pg-listener';
import { SYSTEM_DB } from '../../database/system-db';
import { MailService } from '../mail/mail.service';
import { MailStream } from '../users/dto/mail-cadence';
import { kindsOfStream } from './dto/notification-stream';
import { errorText, isPermanentMailError, retryDelayMs } from './notification-retry';

interface ClaimedMail {
  id: string;
  recipient: string;
  attempts: number;
  subject: string;
  text: string;
  html: string | null;
  unsubscribe_url: string | null;
}

/**
 * A claimed e-mail whose worker never reported back (the process died mid-send) is
 * given up after this long rather than sent again: it may have gone out. Far longer
 * than one SMTP conversation can take (its steps are bounded by nodemailer's timeouts).
 */
const CLAIM_LEASE = '30 minutes';
/** Done outbox rows (with their e-mail records) are kept this long for inspection. */
const KEEP_DONE = '7 days';
const CLEANUP_EVERY_MS = 60_000;

/**
 * Turns the notification outbox into notifications and e-mails, on the owner connection
 * (recipients are members of other cities, which no request may read).
 *
 * 1. Fan-out, one outbox row per transaction: claim it (FOR UPDATE SKIP LOCKED, so any
 *    number of replicas can run this), insert one notification per recipient and one
 *    notification_mail row per recipient who wants e-mail, mark the row done — all in one
 *    commit, so a row is done exactly when its notifications exist (never twice, never
 *    lost). A failure rolls back and the row is retried with back-off.
 * 2. E-mail, one at a time: the claim is committed before the mail server is called and
 *    the outcome recorded after, so a mail is sent at most once per recipient and row.
 *    A failure the server may get over (unreachable, timeout, 4xx) is retried with
 *    back-off; a refusal for good (5xx for the recipient or message) is recorded as failed.
 *
 * Woken by every committed outbox row (trigger notification_outbox_notify on the shared
 * LISTEN connection); the poll catches retries whose back-off has passed, and is the
 * fallback while the LISTEN connection is down.
 */
@Injectable()
export class NotificationOutboxWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationOutboxWorker.name);
  private readonly loop = new DrainLoop({
    name: 'notification outbox',
    drain: () => this.drain(),
    due: async () => {
      const [row] = (await this.db.query(
        `SELECT ((SELECT count(*) FROM notification_outbox
                   WHERE processed_at IS NULL AND next_attempt_at <= now())
               + (SELECT count(*) FROM notification_mail
                   WHERE sent_at IS NULL AND failed_at IS NULL
                     AND (claimed_at IS NOT NULL OR next_attempt_at <= now())))::int AS n`,
      )) as Array<{ n: number }>;
      return row.n;
    },
    logError: (message) => this.logger.error(message),
  });
  private lastCleanup = 0;

  constructor(
    @Inject(SYSTEM_DB) private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly listener: PgListener,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Woken by every committed outbox row (trigger notification_outbox_notify); see DrainLoop.
    await this.loop.start(this.listener, 'notification_outbox', this.config.notificationPollMs);
  }

  async onApplicationShutdown(): Promise<void> {
    // A send in flight may finish (and be recorded); a mail server that hangs does not
    // hold the shutdown: its claim stays and is given up later, never sent twice.
    await this.loop.stop(this.config.smtpTimeoutMs);
  }

  kick(): void {
    this.loop.kick();
  }

  /** Fans out and sends until nothing is due. */
  private async drain(): Promise<void> {
    while (!this.loop.stopped && (await this.fanOutOne())) {
      // keep going while rows are due
    }
    await this.giveUpLostClaims();
    while (!this.loop.stopped && (await this.sendOne())) {
      // keep going while e-mails are due
    }
    await this.cleanUp();
  }

  /** Fans out one due outbox row; false when none is due. */
  private async fanOutOne(): Promise<boolean> {
    // Set inside the transaction; read after its rollback to record the failure.
    const attempt: { claimed?: { id: string; attempts: number } } = {};
    try {
      return await this.db.transaction(async (manager) => {
        const rows = (await manager.query(
          `SELECT id, attempts FROM notification_outbox
            WHERE processed_at IS NULL AND next_attempt_at <= now()
            ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        )) as Array<{ id: string; attempts: number }>;
        const claimed = rows[0];
        if (!claimed) return false;
        attempt.claimed = claimed;
        // Every member of the cities (or those the row names), once each (a member of two of them hears it once).
        await manager.query(
          `WITH o AS (SELECT * FROM notification_outbox WHERE id = $1),
           recipients AS (
             SELECT DISTINCT ON (a.user_id) a.* FROM (
               SELECT u.id AS user_id, u.email, u.mail_tandem, u.mail_city, m.city_id
                 FROM o JOIN membership m ON m.city_id = ANY (o.city_ids)
                 JOIN app_user u ON u.id = m.user_id
                WHERE (o.recipient_role IS NULL OR m.role = o.recipient_role)
                  AND (o.recipient_user_id IS NULL OR u.id = o.recipient_user_id)
               UNION ALL
               -- Addressed to the network office (e.g. accessibility feedback).
               SELECT u.id, u.email, u.mail_tandem, u.mail_city, NULL::uuid
                 FROM o JOIN app_user u ON o.to_organizers AND u.network_role = 'ORGANIZER') a,
               o
              WHERE o.except_user_id IS NULL OR a.user_id <> o.except_user_id
              ORDER BY a.user_id, a.city_id NULLS LAST),
           notified AS (
             INSERT INTO notification (user_id, city_id, kind, title, body, link, subject_id, subject)
             SELECT r.user_id, r.city_id, o.kind, o.title, o.body, o.link, o.subject_id, o.subject
               FROM recipients r, o)
           -- An e-mail now for those whose stream is IMMEDIATE (the others get it in their
           -- digest, or not at all), unless they unfollowed what it is about.
           INSERT INTO notification_mail (outbox_id, user_id, recipient)
           SELECT $1, r.user_id, r.email FROM recipients r, o
            WHERE (CASE WHEN o.kind IN (${kindsOfStream(MailStream.TANDEM)}) THEN r.mail_tandem
                        ELSE r.mail_city END) = 'IMMEDIATE'
              AND NOT EXISTS (SELECT 1 FROM follow f
                               WHERE f.user_id = r.user_id AND f.target_id = o.subject_id
                                 AND NOT f.following)`,
          [claimed.id],
        );
        await manager.query(
          `UPDATE notification_outbox SET processed_at = now(), attempts = attempts + 1,
                  last_error = NULL WHERE id = $1`,
          [claimed.id],
        );
        return true;
      });
    } catch (error) {
      const claimed = attempt.claimed;
      if (!claimed) throw error;
      const attempts = claimed.attempts + 1;
      const delayMs = retryDelayMs(attempts, this.config.notificationRetryMaxMs);
      this.logger.warn(
        `notification ${claimed.id} not fanned out (attempt ${attempts}), retry in ${delayMs} ms: ${errorText(error)}`,
      );
      await this.db.query(
        `UPDATE notification_outbox SET attempts = attempts + 1, last_error = $2,
                next_attempt_at = now() + ($3::int * interval '1 millisecond')
          WHERE id = $1 AND processed_at IS NULL`,
        [claimed.id, errorText(error), delayMs],
      );
      return true;
    }
  }

  /** Sends one due e-mail; false when none is due. */
  private async sendOne(): Promise<boolean> {
    // Claimed and committed before sending: whatever happens next, no other worker sends it.
    const [mail] = (await this.db.query(
      `WITH claimed AS (
         UPDATE notification_mail SET claimed_at = now(), attempts = attempts + 1
          WHERE id = (SELECT id FROM notification_mail
                       WHERE sent_at IS NULL AND failed_at IS NULL AND claimed_at IS NULL
                         AND next_attempt_at <= now()
                       ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING id, outbox_id, recipient, attempts, subject, text_body, html_body, unsubscribe_url)
       -- A digest carries its own content; a notification's is its outbox row's.
       SELECT c.id, c.recipient, c.attempts, coalesce(c.subject, o.mail_subject) AS subject,
              coalesce(c.text_body, o.mail_text) AS text, c.html_body AS html, c.unsubscribe_url
         FROM claimed c LEFT JOIN notification_outbox o ON o.id = c.outbox_id`,
    )) as ClaimedMail[];
    if (!mail) return false;
    try {
      await this.mail.send({
        to: mail.recipient,
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? undefined,
        unsubscribeUrl: mail.unsubscribe_url ?? undefined,
      });
    } catch (error) {
      await this.recordFailure(mail, error);
      return true;
    }
    await this.db.query(
      `UPDATE notification_mail SET sent_at = now(), claimed_at = NULL, last_error = NULL
        WHERE id = $1`,
      [mail.id],
    );
    return true;
  }

  private async recordFailure(mail: ClaimedMail, error: unknown): Promise<void> {
    if (isPermanentMailError(error)) {
      this.logger.error(
        `e-mail ${mail.id} to ${mail.recipient} refused for good: ${errorText(error)}`,
      );
      await this.db.query(
        `UPDATE notification_mail SET failed_at = now(), claimed_at = NULL, last_error = $2
          WHERE id = $1`,
        [mail.id, errorText(error)],
      );
      return;
    }
    const delayMs = retryDelayMs(mail.attempts, this.config.notificationRetryMaxMs);
    this.logger.warn(
      `e-mail ${mail.id} to ${mail.recipient} not sent (attempt ${mail.attempts}), retry in ${delayMs} ms: ${errorText(error)}`,
    );
    await this.db.query(
      `UPDATE notification_mail SET claimed_at = NULL, last_error = $2,
              next_attempt_at = now() + ($3::int * interval '1 millisecond')
        WHERE id = $1`,
      [mail.id, errorText(error), delayMs],
    );
  }

  /** Claims whose worker died mid-send: the mail may have gone out, so it is not sent again. */
  private async giveUpLostClaims(): Promise<void> {
    const lost = (await this.db.query(
      `WITH lost AS (
         UPDATE notification_mail SET failed_at = now(), claimed_at = NULL,
                last_error = 'outcome unknown: the worker stopped while sending (not sent again)'
          WHERE claimed_at < now() - interval '${CLAIM_LEASE}' AND sent_at IS NULL AND failed_at IS NULL
          RETURNING id)
       SELECT id FROM lost`,
    )) as Array<{ id: string }>;
    if (lost.length > 0)
      this.logger.error(
        `e-mails ${lost.map((row) => row.id).join(', ')}: outcome unknown, given up`,
      );
  }

  private async cleanUp(): Promise<void> {
    if (Date.now() - this.lastCleanup < CLEANUP_EVERY_MS) return;
    this.lastCleanup = Date.now();
    // Its e-mail records go with it (ON DELETE CASCADE); rows with a mail still due stay.
    await this.db.query(
      `DELETE FROM notification_outbox o
        WHERE o.processed_at < now() - interval '${KEEP_DONE}'
          AND NOT EXISTS (SELECT 1 FROM notification_mail m
                           WHERE m.outbox_id = o.id AND m.sent_at IS NULL AND m.failed_at IS NULL)`,
    );
  }

  /**
   * Resolves once every committed outbox row is fanned out and every e-mail that is due
   * is sent (tests; an e-mail waiting for its retry does not count). Waits for rows and
   * e-mails a concurrent drain has claimed too, not only for its own.
   */
  settle(timeoutMs = 30_000): Promise<void> {
    return this.loop.settle(timeoutMs);
  }
}
