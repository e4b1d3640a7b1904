import { Injectable } from '@nestjs/common';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import type { MailStream } from '../users/dto/mail-cadence';
import { unsubscribeTokenHash } from './digest.job';
import { DigestException } from './digest.exception';

/** 32 random bytes, base64url: what the digest job puts into its links. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

@Injectable()
export class DigestService {
  constructor(private readonly tenantDb: TenantDb) {}

  /**
   * One-click unsubscribe from a digest e-mail: the streams that digest carried are set to
   * NEVER (unless changed since). No sign-in: the token from the e-mail is the credential
   * (stored only as its hash); `digest_unsubscribe` does exactly this and nothing else.
   * Unsubscribing twice is fine. Returns the streams of that digest.
   */
  async unsubscribe(actor: Actor, token: string): Promise<MailStream[]> {
    if (!TOKEN.test(token)) throw DigestException.invalidUnsubscribeToken();
    const [row] = await this.tenantDb.run(
      actor,
      (manager) =>
        manager.query(`SELECT digest_unsubscribe($1) AS streams`, [
          unsubscribeTokenHash(token),
        ]) as Promise<Array<{ streams: MailStream[] | null }>>,
    );
    if (!row?.streams) throw DigestException.invalidUnsubscribeToken();
    return row.streams;
  }
}
