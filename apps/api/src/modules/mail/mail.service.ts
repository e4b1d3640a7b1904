import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import nodemailer, { type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../core/config/config.module';
import type { AppConfig } from '../../core/config/config';
import { DevMailEntity } from './dev-mail.entity';
import { toDevMail, type DevMailType } from './dto/dev-mail.type';
import { publicLink } from './public-link';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative to the text. */
  html?: string;
  /**
   * One-click unsubscribe (RFC 8058): sent as `List-Unsubscribe` with
   * `List-Unsubscribe-Post: List-Unsubscribe=One-Click`; the address must accept a POST.
   */
  unsubscribeUrl?: string;
}

/**
 * Sends e-mail through SMTP when SMTP_URL is configured; otherwise keeps it in
 * the development outbox (table dev_mail) that the web app shows at /dev/mailbox.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger(MailService.name);
  private readonly smtp?: Transporter;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    if (config.smtpUrl) {
      // nodemailer waits up to 2 min to connect, 30 s for the greeting and 10 min on an idle
      // socket; a mail server that hangs must not hold a request that long.
      const timeout = config.smtpTimeoutMs;
      this.smtp = nodemailer.createTransport({
        url: config.smtpUrl,
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
        dnsTimeout: timeout,
      });
    }
  }

  get usesOutbox(): boolean {
    return this.smtp === undefined;
  }

  async send(mail: Mail): Promise<void> {
    if (this.smtp) {
      await this.smtp.sendMail({
        from: this.config.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        ...(mail.unsubscribeUrl
          ? {
              list: { unsubscribe: { url: mail.unsubscribeUrl, comment: 'Unsubscribe' } },
              headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
            }
          : {}),
      });
      return;
    }
    await this.db
      .getRepository(DevMailEntity)
      .insert({ recipient: mail.to, subject: mail.subject, textBody: mail.text });
    this.logger.log(`mail to ${mail.to} kept in the development outbox: ${mail.subject}`);
  }

  /** Sends after the data is committed; a mail problem is logged, never undoes the change. */
  async sendQuietly(mail: Mail): Promise<boolean> {
    try {
      await this.send(mail);
      return true;
    } catch (error) {
      this.logger.error(`could not send mail to ${mail.to}: ${String(error)}`);
      return false;
    }
  }

  /** An absolute link into the web app for an e-mail: from PUBLIC_URL, never from a request. */
  link(path: string): string {
    return publicLink(this.config, path);
  }

  /** The newest e-mails of the development outbox (the resolver checks who may ask). */
  async outbox(first: number): Promise<DevMailType[]> {
    const rows = await this.db
      .getRepository(DevMailEntity)
      .find({ order: { id: 'DESC' }, take: first });
    return rows.map(toDevMail);
  }
}
