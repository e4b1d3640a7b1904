import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { AuthException } from '../../core/auth/auth.exception';

export const ACCOUNT_FAILURES = 5;
export const IP_FAILURES = 30;
export const WINDOW_SECONDS = 15 * 60;

/**
 * Counts failed sign-ins per account and per IP address in PostgreSQL (shared by
 * all API replicas). Past the limit, sign-in answers TOO_MANY_ATTEMPTS before
 * the password is even checked.
 */
@Injectable()
export class LoginThrottle {
  private readonly perAccount: RateLimiterPostgres;
  private readonly perIp: RateLimiterPostgres;
  // Reset requests count separately: asking for many resets must not lock sign-in.
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
    this.perAccount = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'account',
      points: ACCOUNT_FAILURES,
    });
    this.perIp = new RateLimiterPostgres({ ...common, keyPrefix: 'ip', points: IP_FAILURES });
    this.resetsPerAccount = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'reset-account',
      points: ACCOUNT_FAILURES,
    });
    this.resetsPerIp = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'reset-ip',
      points: IP_FAILURES,
    });
  }

  /** Counts a password-reset request; past the limit, TOO_MANY_ATTEMPTS (same for every address). */
  async countResetRequest(email: string, ip: string): Promise<void> {
    try {
      await Promise.all([this.resetsPerAccount.consume(email, 1), this.resetsPerIp.consume(ip, 1)]);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes)
        throw AuthException.tooManyAttempts(Math.ceil(rejection.msBeforeNext / 1000));
      throw rejection;
    }
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const [account, address] = await Promise.all([this.perAccount.get(email), this.perIp.get(ip)]);
    const blocked = [
      { res: account, limit: ACCOUNT_FAILURES },
      { res: address, limit: IP_FAILURES },
    ].filter((entry) => entry.res !== null && entry.res.consumedPoints >= entry.limit);
    if (blocked.length > 0) {
      const wait = Math.max(...blocked.map((entry) => (entry.res as RateLimiterRes).msBeforeNext));
      throw AuthException.tooManyAttempts(Math.ceil(wait / 1000));
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([this.perAccount.penalty(email, 1), this.perIp.penalty(ip, 1)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.perAccount.delete(email);
  }
}
