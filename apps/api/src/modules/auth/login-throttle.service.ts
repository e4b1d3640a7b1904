import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { AuthException } from '../../core/auth/auth.exception';

/** After `free` attempts a scope waits `firstWaitSeconds`, doubling per attempt up to the cap. */
export interface BackoffRule {
  free: number;
  firstWaitSeconds: number;
  maxWaitSeconds: number;
}

/** One account from one address: the guesser's own budget, so it may grow long. */
export const PAIR_BACKOFF: BackoffRule = { free: 3, firstWaitSeconds: 1, maxWaitSeconds: 5 * 60 };
/** One address over all accounts (password spraying). */
export const ADDRESS_BACKOFF: BackoffRule = {
  free: 30,
  firstWaitSeconds: 2,
  maxWaitSeconds: 15 * 60,
};
/**
 * One account over all addresses (guesses spread over many addresses). Larger budget,
 * short cap: it only slows, so it can never be turned into a lock-out of the owner.
 */
export const ACCOUNT_BACKOFF: BackoffRule = { free: 20, firstWaitSeconds: 2, maxWaitSeconds: 60 };
/** Attempts are counted in windows of this length from the first one. */
export const WINDOW_SECONDS = 15 * 60;
/** How long a sign-in past the free attempts holds its scope while the password is checked. */
const HOLD_SECONDS = 5;
export const RESET_REQUESTS_PER_ACCOUNT = 5;
export const RESET_REQUESTS_PER_ADDRESS = 30;

/** Seconds the next attempt waits after `attempts` unsuccessful ones: 0 while they are free. */
export function backoffSeconds(attempts: number, rule: BackoffRule): number {
  if (attempts < rule.free) return 0;
  return Math.min(rule.firstWaitSeconds * 2 ** (attempts - rule.free), rule.maxWaitSeconds);
}

type ScopeName = 'pair' | 'address' | 'account';

interface Scope {
  name: ScopeName;
  key: string;
  rule: BackoffRule;
  /** This attempt's number within the scope's window. */
  attempt: number;
  /** Whether this attempt holds the scope's slot (past the free attempts). */
  holdsSlot: boolean;
}

/** A sign-in attempt that was let through; report its outcome with failed() or succeeded(). */
export interface SignInAttempt {
  scopes: Scope[];
}

/** Keys are hashes: no e-mail addresses in the table, and a fixed length for its varchar key. */
function scopeKey(name: string, ...parts: string[]): string {
  return `${name}:${createHash('sha256').update(parts.join('\u0000'), 'utf8').digest('hex')}`;
}

/**
 * Slows password guessing without locking the owner out. Attempts are counted per
 * (account, address) pair, per address and per account in PostgreSQL (shared by every
 * replica). Past a scope's free attempts, attempts go one at a time through the scope's
 * slot, each after an exponentially growing wait since the last one; a scope still
 * waiting answers TOO_MANY_ATTEMPTS with the seconds to wait, before the password is
 * checked. Attempts are counted when they start, so parallel guesses cannot slip
 * through before the first failure is written; a success takes its attempt back.
 *
 * The owner on another device meets only the account scope, whose budget is large and
 * whose wait is short: guesses from one address never make another address wait.
 */
@Injectable()
export class LoginThrottle {
  private readonly attempts: RateLimiterPostgres;
  private readonly slots: RateLimiterPostgres;
  // Reset requests count separately: asking for many resets must not slow sign-in.
  private readonly resetsPerAccount: RateLimiterPostgres;
  private readonly resetsPerIp: RateLimiterPostgres;

  constructor(@InjectDataSource() db: DataSource) {
    const pool = (db.driver as PostgresDriver).master;
    const common = {
      storeClient: pool,
      tableName: 'login_throttle',
      tableCreated: true,
      duration: WINDOW_SECONDS,
    };
    // Counters only: never consumed against a limit, so `points` does not matter.
    this.attempts = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'attempts',
      points: Number.MAX_SAFE_INTEGER,
    });
    // One point: the first consume in a free slot wins, every other one is refused.
    this.slots = new RateLimiterPostgres({ ...common, keyPrefix: 'slot', points: 1 });
    this.resetsPerAccount = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'reset-account',
      points: RESET_REQUESTS_PER_ACCOUNT,
    });
    this.resetsPerIp = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'reset-ip',
      points: RESET_REQUESTS_PER_ADDRESS,
    });
  }

  /** Counts a password-reset request; past the limit, TOO_MANY_ATTEMPTS (same for every address). */
  async countResetRequest(email: string, ip: string): Promise<void> {
    try {
      await Promise.all([
        this.resetsPerAccount.consume(scopeKey('account', email), 1),
        this.resetsPerIp.consume(scopeKey('address', ip), 1),
      ]);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes)
        throw AuthException.tooManyAttempts(Math.ceil(rejection.msBeforeNext / 1000));
      throw rejection;
    }
  }

  /**
   * Starts a sign-in attempt before the password is checked: counts it, and refuses it
   * with TOO_MANY_ATTEMPTS while one of its scopes still waits or another attempt of a
   * scope past its free attempts is being checked.
   */
  async begin(email: string, ip: string): Promise<SignInAttempt> {
    const named: Array<[ScopeName, string, BackoffRule]> = [
      ['pair', scopeKey('pair', email, ip), PAIR_BACKOFF],
      ['address', scopeKey('address', ip), ADDRESS_BACKOFF],
      ['account', scopeKey('account', email), ACCOUNT_BACKOFF],
    ];
    const scopes: Scope[] = await Promise.all(
      named.map(async ([name, key, rule]) => ({
        name,
        key,
        rule,
        attempt: (await this.attempts.penalty(key, 1)).consumedPoints,
        holdsSlot: false,
      })),
    );
    let waitMs = 0;
    await Promise.all(
      scopes
        .filter((scope) => scope.attempt > scope.rule.free)
        .map(async (scope) => {
          try {
            await this.slots.consume(scope.key, 1, { customDuration: HOLD_SECONDS });
            scope.holdsSlot = true;
          } catch (rejection) {
            if (!(rejection instanceof RateLimiterRes)) throw rejection;
            waitMs = Math.max(waitMs, rejection.msBeforeNext);
          }
        }),
    );
    if (waitMs === 0) return { scopes };

    // Refused: the slots this attempt got go back. A client that does not wait waits
    // longer on its own pair and address; the account is not charged for it, so refused
    // guesses cannot lengthen the owner's wait.
    await Promise.all(
      scopes.map(async (scope) => {
        if (scope.name === 'account') {
          await this.attempts.reward(scope.key, 1);
          if (scope.holdsSlot) await this.slots.delete(scope.key);
          return;
        }
        const wait = backoffSeconds(scope.attempt, scope.rule);
        if (wait > 0) {
          await this.slots.block(scope.key, wait);
          waitMs = Math.max(waitMs, wait * 1000);
        } else if (scope.holdsSlot) {
          await this.slots.delete(scope.key);
        }
      }),
    );
    throw AuthException.tooManyAttempts(Math.max(1, Math.ceil(waitMs / 1000)));
  }

  /** The password was wrong: every scope past its free attempts waits before the next one. */
  async failed(attempt: SignInAttempt): Promise<void> {
    await Promise.all(
      attempt.scopes.map(async (scope) => {
        const wait = backoffSeconds(scope.attempt, scope.rule);
        if (wait > 0) await this.slots.block(scope.key, wait);
        else if (scope.holdsSlot) await this.slots.delete(scope.key);
      }),
    );
  }

  /** Signed in: the pair starts afresh; address and account get this attempt back. */
  async succeeded(attempt: SignInAttempt): Promise<void> {
    await Promise.all(
      attempt.scopes.map(async (scope) => {
        if (scope.name === 'pair') {
          await Promise.all([this.attempts.delete(scope.key), this.slots.delete(scope.key)]);
          return;
        }
        await this.attempts.reward(scope.key, 1);
        if (scope.holdsSlot) await this.slots.delete(scope.key);
      }),
    );
  }
}
