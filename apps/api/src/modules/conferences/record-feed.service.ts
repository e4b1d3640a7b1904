import { Inject, Injectable } from '@nestjs/common';
import { RECORDS_FEED_PATH } from '@wissensnetz/domain';
import { createHash } from 'node:crypto';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { feedUpdated, toAtom, type AtomFeed } from '../../core/export/atom';
import { stripMarkdown } from '../../search/plain-text';
import { ConferenceRecordService } from './conference-record.service';

/** How many entries the feed holds: feed readers keep what they saw. */
const FEED_ENTRIES = 50;
const SUMMARY_LENGTH = 600;

export interface RecordFeedFile {
  body: string;
  etag: string;
  lastModified: Date;
}

/**
 * The Atom feed of public final conference records, newest public first, always as the
 * anonymous visitor whoever asks (it is public and cached): exactly what row-level
 * security shows someone without an account. Records are the network's, not a person's:
 * the author is the national office, and no person is named.
 */
@Injectable()
export class RecordFeedService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly records: ConferenceRecordService,
  ) {}

  async feed(): Promise<RecordFeedFile> {
    const base = this.config.publicUrl ?? `http://localhost:${this.config.port}`;
    const self = `${base}${RECORDS_FEED_PATH}`;
    const found = await this.records.newestPublic(FEED_ENTRIES);
    const feed: AtomFeed = {
      id: self,
      title: 'Wissensnetz: Protokolle der Netzwerktreffen',
      subtitle: 'Öffentliche Protokolle von Netzwerktreffen und Regionalkonferenzen',
      self,
      page: `${base}/konferenzen`,
      author: 'Wissensnetz Engagierte Stadt',
      lang: 'de',
      entries: found.map(({ record, conferenceTitle, sessionTitle }) => {
        const summary =
          record.decisions.trim() || record.outcomes.trim() || stripMarkdown(record.minutes);
        return {
          id: `urn:uuid:${record.id}`,
          title: sessionTitle ? `${conferenceTitle}: ${sessionTitle}` : conferenceTitle,
          link: `${base}/konferenzen/${record.conferenceId}#protokoll-${record.id}`,
          updated: record.updatedAt,
          published: record.publishedAt,
          author: 'Wissensnetz Engagierte Stadt',
          summary:
            summary.length > SUMMARY_LENGTH ? `${summary.slice(0, SUMMARY_LENGTH - 1)}…` : summary,
        };
      }),
    };
    const body = toAtom(feed);
    return {
      body,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      lastModified: feedUpdated(feed),
    };
  }
}
