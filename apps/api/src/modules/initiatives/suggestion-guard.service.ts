import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createChallenge, verifySolution } from 'altcha-lib/v1';
import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import type { SuggestionChallengeType } from './dto/suggestion.type';
import { InitiativeException } from './initiative.exception';

/** A challenge is answerable this long; its signature is remembered as used until then. */
export const CHALLENGE_TTL_MS = 20 * 60_000;
/**
 * Work the browser does while the resident types (a fraction of a second on a phone);
 * a flood costs the sender this much per suggestion.
 */
const MAX_NUMBER = 10_000;
/** Suggestions are counted per address in windows of this length. */
const WINDOW_SECONDS = 15 * 60;

/**
 * Spam protection of the residents' form without third parties: an ALTCHA proof-of-work
 * (signed with ALTCHA_HMAC_KEY, each challenge answerable once) and a rate limit per client
 * address in PostgreSQL (shared by every instance, like the sign-in throttle). Past the
 * limit the sender is told how long to wait; nothing is stored, the form keeps the text.
 */
@Injectable()
export class SuggestionGuard {
  private readonly perAddress: RateLimiterPostgres;

  constructor(
    @InjectDataSource() db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.perAddress = new RateLimiterPostgres({
      storeClient: (db.driver as PostgresDriver).master,
      tableName: 'login_throttle',
      tableCreated: true,
      keyPrefix: 'suggestion-address',
      points: config.suggestionsPerAddress,
      duration: WINDOW_SECONDS,
    });
  }

  async challenge(now = new Date()): Promise<SuggestionChallengeType> {
    const challenge = await createChallenge({
      hmacKey: this.config.altchaHmacKey,
      maxnumber: MAX_NUMBER,
      expires: new Date(now.getTime() + CHALLENGE_TTL_MS),
    });
    return {
      algorithm: challenge.algorithm,
      challenge: challenge.challenge,
      maxnumber: challenge.maxnumber ?? MAX_NUMBER,
      salt: challenge.salt,
      signature: challenge.signature,
    };
  }

  /** Counts a suggestion from this address; past the limit TOO_MANY_SUGGESTIONS. */
  async count(ip: string): Promise<void> {
    const key = createHash('sha256').update(ip, 'utf8').digest('hex');
    try {
      await this.perAddress.consume(key, 1);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes)
        throw InitiativeException.tooManySuggestions(
          Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
        );
      throw rejection;
    }
  }

  /**
   * Checks the solved challenge and marks it used in the caller's transaction (a failed
   * submission rolls the mark back, so an honest retry is not refused as a replay).
   */
  async spend(manager: EntityManager, payload: string): Promise<void> {
    let valid = false;
    let signature = '';
    try {
      const decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as {
        signature?: unknown;
      };
      signature = typeof decoded.signature === 'string' ? decoded.signature : '';
      valid = signature !== '' && (await verifySolution(payload, this.config.altchaHmacKey, true));
    } catch {
      valid = false;
    }
    if (!valid) throw InitiativeException.challengeFailed();
    const used = (await manager.query(
      `INSERT INTO suggestion_challenge_used (signature, expires_at)
       VALUES ($1, now() + ($2::int * interval '1 millisecond'))
       ON CONFLICT (signature) DO NOTHING RETURNING signature`,
      [signature, CHALLENGE_TTL_MS],
    )) as unknown[];
    if (used.length === 0) throw InitiativeException.challengeFailed();
  }
}
