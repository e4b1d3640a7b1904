import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import { PgListener } from '../../database/pg-listener';
import { isUuid } from '../../core/validation/uuid';

export const TANDEM_NOTE_ADDED = 'tandemNoteAdded';

export interface TandemNoteAddedEvent {
  tandemId: string;
  noteId: string;
}

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

  constructor(private readonly listener: PgListener) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listener.listen('tandem_note_added', (payload) => {
      const event = parseEvent(payload);
      if (!event) {
        this.logger.warn('ignored a malformed tandem_note_added notification');
        return;
      }
      void this.pubSub.publish(TANDEM_NOTE_ADDED, event);
    });
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
