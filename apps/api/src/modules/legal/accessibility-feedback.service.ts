import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { Permission, requireAccess } from '../../core/auth/access';
import type { ClientInfo } from '../../core/auth/client-info.decorator';
import { normalizeEmail } from '../../core/auth/email';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { utcToBerlin } from '../../core/time/berlin-time';
import { MailService } from '../mail/mail.service';
import type {
  AccessibilityFeedbackInput,
  AccessibilityFeedbackReceipt,
  AccessibilityFeedbackType,
} from './dto/accessibility-feedback.type';
import { LegalException, LegalExceptionReason } from './legal.exception';

/** Feedback per address and hour: enough for a person, too few for a flood. */
export const FEEDBACK_PER_HOUR = 5;
/** BITV 2.0 / § 12b BGG: an answer within a month; we promise four weeks. */
export const FEEDBACK_ANSWER_DAYS = 28;
/** Where organizers read feedback in the web app. */
export const FEEDBACK_INBOX_PATH = '/netzwerk/rueckmeldungen';

const LIMITS = { message: 5000, page: 500, name: 200 };

function optional(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function tooLong(field: keyof typeof LIMITS, value: string | null): void {
  if (value && value.length > LIMITS[field])
    throw new LegalException(LegalExceptionReason.TOO_LONG, `${field} is too long`, field, {
      max: LIMITS[field],
    });
}

interface FeedbackRow {
  id: string;
  sender_name: string | null;
  sender_email: string | null;
  page: string | null;
  message: string;
  locale: string;
  created_at: Date;
  due_on: string;
}

@Injectable()
export class AccessibilityFeedbackService {
  private readonly perAddress: RateLimiterPostgres;

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly mail: MailService,
    @InjectDataSource() db: DataSource,
  ) {
    this.perAddress = new RateLimiterPostgres({
      storeClient: (db.driver as PostgresDriver).master,
      tableName: 'login_throttle',
      tableCreated: true,
      keyPrefix: 'feedback',
      points: FEEDBACK_PER_HOUR,
      duration: 60 * 60,
    });
  }

  /**
   * Stores feedback from anybody (no account needed) and tells the organizers through the
   * notification outbox, in one transaction. The sender learns the reference and the due
   * date; their name and address reach organizers only.
   */
  async submit(
    actor: Actor,
    client: ClientInfo,
    input: AccessibilityFeedbackInput,
    now = new Date(),
  ): Promise<AccessibilityFeedbackReceipt> {
    const message = input.message.trim();
    if (!message)
      throw new LegalException(
        LegalExceptionReason.MESSAGE_MISSING,
        'Message is missing',
        'message',
      );
    tooLong('message', message);
    const page = optional(input.page);
    tooLong('page', page);
    const name = optional(input.name);
    tooLong('name', name);
    const rawEmail = optional(input.email);
    let email: string | null = null;
    if (rawEmail) {
      try {
        email = normalizeEmail(rawEmail, 'email');
      } catch {
        throw new LegalException(
          LegalExceptionReason.INVALID_EMAIL,
          'Not an e-mail address',
          'email',
        );
      }
    }
    const locale = optional(input.locale) ?? 'de';
    if (locale !== 'de' && locale !== 'en')
      throw new LegalException(LegalExceptionReason.INVALID_LOCALE, 'Locale is de or en', 'locale');

    // Counted only for well-formed feedback, before anything is written.
    try {
      const key = createHash('sha256').update(client.ip, 'utf8').digest('hex');
      await this.perAddress.consume(`address:${key}`, 1);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes)
        throw new LegalException(
          LegalExceptionReason.TOO_MANY_FEEDBACKS,
          'Too much feedback from this address; try again later',
          undefined,
          { retryAfterSeconds: Math.ceil(rejection.msBeforeNext / 1000) },
        );
      throw rejection;
    }

    const today = utcToBerlin(now).slice(0, 10);
    const due = new Date(`${today}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + FEEDBACK_ANSWER_DAYS);
    const dueOn = due.toISOString().slice(0, 10);
    const dueGerman = dueOn.split('-').reverse().join('.');
    const title = 'Neue Rückmeldung zur Barrierefreiheit (Nr. {id})';
    const body = `Antwort bis ${dueGerman}.${page ? ` Seite: ${page.slice(0, 120)}` : ''}`;
    const rows = (await this.tenantDb.run(actor, (manager) =>
      manager.query(
        `SELECT id::text, created_at, to_char(due_on, 'YYYY-MM-DD') AS due_on
           FROM submit_accessibility_feedback($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          name,
          email,
          page,
          message,
          locale,
          dueOn,
          title,
          body,
          FEEDBACK_INBOX_PATH,
          `Wissensnetz: ${title}`,
          `${body}\n\n${this.mail.link(FEEDBACK_INBOX_PATH)}`,
        ],
      ),
    )) as Array<{ id: string; created_at: Date; due_on: string }>;
    const row = rows[0];
    return { reference: row.id, receivedAt: row.created_at, dueOn: row.due_on };
  }

  /** Feedback, newest first: organizers only (row-level security agrees). */
  async list(actor: Actor, first: number): Promise<AccessibilityFeedbackType[]> {
    requireAccess(actor, Permission.ACCESSIBILITY_FEEDBACK_READ);
    const rows = (await this.tenantDb.run(actor, (manager) =>
      manager.query(
        `SELECT id::text, sender_name, sender_email, page, message, locale, created_at,
                to_char(due_on, 'YYYY-MM-DD') AS due_on
           FROM accessibility_feedback ORDER BY id DESC LIMIT $1`,
        [Math.min(Math.max(first, 1), 200)],
      ),
    )) as FeedbackRow[];
    return rows.map((row) => ({
      id: row.id,
      message: row.message,
      page: row.page,
      senderName: row.sender_name,
      senderEmail: row.sender_email,
      locale: row.locale,
      receivedAt: row.created_at,
      dueOn: row.due_on,
    }));
  }
}
