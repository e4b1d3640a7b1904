import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import type { DataSource } from 'typeorm';
import { PgListener } from '../../database/pg-listener';
import { SYSTEM_DB } from '../../database/system-db';
import { isUuid } from '../../core/validation/uuid';

export const TANDEM_NOTE_ADDED = 'tandemNoteAdded';

export interface TandemNoteAddedEvent {
  tandemId: string;
  noteId: string;
}

/**
 * How far back a reconnect looks for notes whose NOTIFY was lost while the LISTEN
 * connection was away (a PostgreSQL restart): longer outages deliver those notes on
 * the next page load, not live.
 */
const CATCH_UP_MS = 15 * 60_000;

/**
 * Bridges PostgreSQL notifications to GraphQL subscriptions: whichever API
 * instance wrote a note, every instance hears of it (LISTEN, through the process's
 * reconnecting PgListener) and tells its own WebSocket subscribers. Only ids travel;
 * subscribers load the note themselves.
 */
@Injectable()
export class TandemEvents implements OnApplicationBootstrap {
  private readonly logger = new Logger(TandemEvents.name);
  readonly pubSub = new PubSub();
  /** Notes published lately (id → when), so a catch-up never sends one twice. */
  private readonly published = new Map<string, number>();
  /** Notes from before this process listened (the demo seed, older ones) are not news. */
  private listeningSince = new Date();

  constructor(
    private readonly listener: PgListener,
    // A listener part: it looks up ids of notes of every tandem, never their content
    // (each subscriber loads a note under its own row-level security).
    @Inject(SYSTEM_DB) private readonly system: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.listeningSince = new Date();
    await this.listener.listen('tandem_note_added', (payload) => {
      const event = parseEvent(payload);
      if (!event) {
        this.logger.warn('ignored a malformed tandem_note_added notification');
        return;
      }
      this.publish(event);
    });
    // NOTIFYs sent while the connection was away are lost: publish the notes written
    // meanwhile that no notification announced.
    this.listener.onReconnect(() => {
      this.catchUp().catch((error: unknown) =>
        this.logger.warn(`catching up live notes failed: ${String(error)}`),
      );
    });
  }

  private publish(event: TandemNoteAddedEvent): void {
    const now = Date.now();
    for (const [id, at] of this.published)
      if (now - at > 2 * CATCH_UP_MS) this.published.delete(id);
    if (this.published.has(event.noteId)) return;
    this.published.set(event.noteId, now);
    void this.pubSub.publish(TANDEM_NOTE_ADDED, event);
  }

  /** Publishes the notes of the last CATCH_UP_MS that were not announced (oldest first). */
  async catchUp(): Promise<number> {
    const rows = (await this.system.query(
      `SELECT id, tandem_id FROM tandem_note
        WHERE created_at > greatest($2::timestamptz, now() - make_interval(secs => $1))
        ORDER BY created_at, id`,
      [CATCH_UP_MS / 1000, this.listeningSince],
    )) as Array<{ id: string; tandem_id: string }>;
    let sent = 0;
    for (const row of rows) {
      if (this.published.has(row.id)) continue;
      this.publish({ tandemId: row.tandem_id, noteId: row.id });
      sent += 1;
    }
    return sent;
  }
}

/** The trigger's JSON (migration TandemNoteNotify); anything else is dropped. */
function parseEvent(payload: string): TandemNoteAddedEvent | undefined {
  try {
    const value = JSON.parse(payload) as Partial<Record<keyof TandemNoteAddedEvent, unknown>>;
    return typeof value.tandemId === 'string' &&
      typeof value.noteId === 'string' &&
      isUuid(value.tandemId) &&
      isUuid(value.noteId)
      ? { tandemId: value.tandemId, noteId: value.noteId }
      : undefined;
  } catch {
    return undefined;
  }
}
