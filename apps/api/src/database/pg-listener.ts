import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type pg from 'pg';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { createSystemClient } from './system-db';

export type NotificationHandler = (payload: string) => void;

/**
 * Back-off between reconnect attempts: 250 ms doubling up to 3 s, each with jitter (one
 * connection attempt every few seconds while PostgreSQL is away is cheap; a short gap
 * after it is back matters to live notes).
 */
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 3_000;
/** A connection that died silently (no RST, e.g. a dropped network) is found by this probe. */
const HEARTBEAT_MS = 10_000;

/**
 * The process's one LISTEN connection to PostgreSQL (as the owner: notifications are
 * system events, not a user's request). Features register a channel with a handler; the
 * connection comes back after PostgreSQL restarts or the network drops (with back-off) and
 * LISTENs to every channel again. Notifications sent while it was away are lost by nature
 * of NOTIFY, so `onReconnect` lets a feature catch up (the outbox worker drains once).
 */
@Injectable()
export class PgListener implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(PgListener.name);
  private readonly channels = new Map<string, Set<NotificationHandler>>();
  private readonly reconnectHandlers = new Set<() => void>();
  private client?: pg.Client;
  private readonly lostClients = new WeakSet<pg.Client>();
  private attempt = 0;
  private everConnected = false;
  private stopped = false;
  private retryTimer?: NodeJS.Timeout;
  private heartbeat?: NodeJS.Timeout;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Connects before the features register (their onApplicationBootstrap); never throws. */
  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    const client = this.client;
    this.client = undefined;
    if (client) {
      this.lostClients.add(client);
      await client.end().catch(() => undefined);
    }
  }

  /**
   * Calls `handler` with the payload of every notification on `channel`, across
   * reconnects. Resolves once the channel is listened to (or, while disconnected, at once:
   * the next connection listens to it).
   */
  async listen(channel: string, handler: NotificationHandler): Promise<void> {
    // LISTEN takes an identifier, not a parameter: only plain names are accepted.
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`bad channel name ${channel}`);
    const handlers = this.channels.get(channel);
    if (handlers) {
      handlers.add(handler);
      return;
    }
    this.channels.set(channel, new Set([handler]));
    const client = this.client;
    if (client)
      await client.query(`LISTEN ${channel}`).catch((error: unknown) => this.lost(client, error));
  }

  /** Called after every reconnect (not the first connect): notifications may have been missed. */
  onReconnect(handler: () => void): () => void {
    this.reconnectHandlers.add(handler);
    return () => {
      this.reconnectHandlers.delete(handler);
    };
  }

  /** Whether a connection is up and listening (health, tests). */
  get connected(): boolean {
    return this.client !== undefined;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = createSystemClient(this.config, {
      purpose: 'listener',
      connectionTimeoutMillis: this.config.databaseConnectTimeoutMs,
      // LISTEN and the heartbeat answer at once; one that does not means a dead connection.
      query_timeout: this.config.databaseConnectTimeoutMs,
      keepAlive: true,
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    client.on('notification', (message) => this.dispatch(message.channel, message.payload ?? ''));
    try {
      await client.connect();
      if (this.stopped) {
        this.lostClients.add(client);
        await client.end();
        return;
      }
      // Set before the LISTENs: a channel registered meanwhile is listened to by listen()
      // itself (a second LISTEN of the same channel is harmless).
      this.client = client;
      for (const channel of [...this.channels.keys()]) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.client !== client) return;
    this.attempt = 0;
    this.startHeartbeat(client);
    if (this.everConnected) {
      this.logger.log(`listening again on ${[...this.channels.keys()].join(', ') || 'no channel'}`);
      for (const handler of this.reconnectHandlers) {
        try {
          handler();
        } catch (error) {
          this.logger.error(`reconnect handler failed: ${String(error)}`);
        }
      }
    }
    this.everConnected = true;
  }

  /** The connection failed or ended: drop it and try again later. Idempotent per client. */
  private lost(client: pg.Client, error?: unknown): void {
    if (this.lostClients.has(client)) return;
    this.lostClients.add(client);
    if (this.client === client) {
      this.client = undefined;
      if (this.heartbeat) clearInterval(this.heartbeat);
    }
    client.end().catch(() => undefined);
    if (this.stopped) return;
    const delayMs = Math.round(
      Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** this.attempt) * (0.5 + Math.random() / 2),
    );
    this.attempt = Math.min(this.attempt + 1, 16);
    this.logger.warn(
      `LISTEN connection lost${error ? ` (${error instanceof Error ? error.message : String(error)})` : ''}; reconnecting in ${delayMs} ms`,
    );
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), delayMs);
    this.retryTimer.unref();
  }

  private startHeartbeat(client: pg.Client): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => {
      client.query('SELECT 1').catch((error: unknown) => this.lost(client, error));
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private dispatch(channel: string, payload: string): void {
    for (const handler of this.channels.get(channel) ?? []) {
      try {
        handler(payload);
      } catch (error) {
        this.logger.error(`handler of ${channel} failed: ${String(error)}`);
      }
    }
  }
}

/** Provides the one PgListener to every module (tandem events, outbox worker). */
@Global()
@Module({ providers: [PgListener], exports: [PgListener] })
export class PgListenerModule {}
