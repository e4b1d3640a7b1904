import type { DataSource } from 'typeorm';
import { languageSettings } from '../../search/language';
import { stripMarkdown } from '../../search/plain-text';
import type { SearchDocument } from '../../search/search-index';
import { rowsById, type SearchDocumentSource } from '../../search/search-sources';

export const RECORDS_INDEX = 'records';

const SELECT = `
  SELECT r.id, r.conference_id, c.title AS conference_title, c.kind, extract(epoch FROM c.starts_at)::bigint AS starts_at,
         left(r.minutes, 20000) AS minutes, r.decisions, r.outcomes, r.public, coalesce(s.title, '') AS session_title
    FROM conference_record r
    JOIN conference c ON c.id = r.conference_id
    LEFT JOIN agenda_session s ON s.conference_id = r.conference_id AND s.id = r.agenda_session_id
   WHERE r.status = 'FINAL'`;

interface Row {
  id: string;
  conference_id: string;
  conference_title: string;
  kind: string;
  starts_at: string;
  minutes: string;
  decisions: string;
  outcomes: string;
  session_title: string;
  public: boolean;
}

const toDocument = (row: Row): SearchDocument => ({
  id: row.id,
  conferenceId: row.conference_id,
  conferenceTitle: row.conference_title,
  sessionTitle: row.session_title,
  kind: row.kind,
  startsAt: Number(row.starts_at),
  decisions: row.decisions,
  outcomes: row.outcomes,
  minutes: stripMarkdown(row.minutes),
  public: row.public,
});

/**
 * Final conference records; who may find them is decided at query time: members of the
 * network all, anyone else only those with `public = true` (filter, then re-read).
 */
export const recordSearchSource: SearchDocumentSource = {
  index: RECORDS_INDEX,
  settings: {
    searchableAttributes: ['decisions', 'conferenceTitle', 'sessionTitle', 'outcomes', 'minutes'],
    filterableAttributes: ['kind', 'conferenceId', 'public'],
    sortableAttributes: ['startsAt'],
    ...languageSettings(),
  },
  ...rowsById<Row>('r.id', (condition) => `${SELECT} AND ${condition}`, toDocument),
  async count(db: DataSource) {
    const [row] = (await db.query(
      `SELECT count(*)::int AS n FROM conference_record WHERE status = 'FINAL'`,
    )) as Array<{ n: number }>;
    return row.n;
  },
};
