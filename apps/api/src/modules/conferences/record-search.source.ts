import type { DataSource } from 'typeorm';
import { languageSettings } from '../../search/language';
import { stripMarkdown } from '../../search/plain-text';
import type { SearchDocument } from '../../search/search-index';
import type { SearchDocumentSource } from '../../search/search-sources';

export const RECORDS_INDEX = 'records';

const SELECT = `
  SELECT r.id, r.conference_id, c.title AS conference_title, c.kind, extract(epoch FROM c.starts_at)::bigint AS starts_at,
         left(r.minutes, 20000) AS minutes, r.decisions, r.outcomes, coalesce(s.title, '') AS session_title
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
});

/** Final conference records; who may find them (network members) is decided at query time. */
export const recordSearchSource: SearchDocumentSource = {
  index: RECORDS_INDEX,
  settings: {
    searchableAttributes: ['decisions', 'conferenceTitle', 'sessionTitle', 'outcomes', 'minutes'],
    filterableAttributes: ['kind', 'conferenceId'],
    sortableAttributes: ['startsAt'],
    ...languageSettings(),
  },
  async load(db: DataSource, ids: string[]) {
    const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    if (uuids.length === 0) return [];
    return ((await db.query(`${SELECT} AND r.id = ANY($1::uuid[])`, [uuids])) as Row[]).map(
      toDocument,
    );
  },
  async *all(db: DataSource, batchSize: number) {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = (await db.query(`${SELECT} AND r.id > $1 ORDER BY r.id LIMIT $2`, [
        after,
        batchSize,
      ])) as Row[];
      if (rows.length === 0) return;
      yield rows.map(toDocument);
      after = rows[rows.length - 1].id;
    }
  },
  async count(db: DataSource) {
    const [row] = (await db.query(
      `SELECT count(*)::int AS n FROM conference_record WHERE status = 'FINAL'`,
    )) as Array<{ n: number }>;
    return row.n;
  },
};
