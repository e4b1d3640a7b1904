import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import pg from 'pg';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';

export const TANDEM_NOTE_ADDED = 'tandemNoteAdded';

export interface TandemNoteAddedEvent {
  tandemId: string;
  noteId: string;
}

/**
 * Bridges PostgreSQL notifications to GraphQL subscriptions: whichever API
 * instance wrote a note, every instance hears of it (LISTEN) and tells its own
 * WebSocket subscribers. Only ids travel; subscribers load the note themselves.
 */
@Injectable()
export class TandemEvents implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TandemEvents.name);
  readonly pubSub = new PubSub();
  private listener?: pg.Client;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    this.listener = new pg.Client({
      connectionString: this.config.migrationUrl,
      application_name: 'wissensnetz-tandem-events',
    });
    this.listener.on('error', (error) =>
      this.logger.warn(`tandem events listener: ${error.message}`),
    );
    this.listener.on('notification', (message) => {
      if (message.channel !== 'tandem_note_added' || !message.payload) return;
      const event = JSON.parse(message.payload) as TandemNoteAddedEvent;
      void this.pubSub.publish(TANDEM_NOTE_ADDED, event);
    });
    await this.listener.connect();
    await this.listener.query('LISTEN tandem_note_added');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener?.end().catch(() => undefined);
  }
}
