import { federalStateName } from '@wissensnetz/domain';
import type { DataSource } from 'typeorm';
import { languageSettings } from '../../search/language';
import { stripMarkdown } from '../../search/plain-text';
import type { SearchDocument } from '../../search/search-index';
import { rowsById, type SearchDocumentSource } from '../../search/search-sources';

export const CONFERENCES_INDEX = 'conferences';

const SELECT = `
  SELECT c.id, c.title, left(c.description, 5000) AS description, c.kind, c.status, c.federal_states,
         coalesce(c.venue, '') AS venue, coalesce(h.name, '') AS host_city_name,
         extract(epoch FROM c.starts_at)::bigint AS starts_at
    FROM conference c
    LEFT JOIN city h ON h.id = c.host_city_id`;

interface Row {
  id: string;
  title: string;
  description: string;
  kind: string;
  status: string;
  federal_states: string[];
  venue: string;
  host_city_name: string;
  starts_at: string;
}

const toDocument = (row: Row): SearchDocument => ({
  id: row.id,
  title: row.title,
  description: stripMarkdown(row.description),
  kind: row.kind,
  status: row.status,
  venue: row.venue,
  hostCityName: row.host_city_name,
  federalStateNames: row.federal_states.map((code) => federalStateName(code)),
  startsAt: Number(row.starts_at),
});

/** Every conference: conferences are public, so nobody's search is narrowed here. */
export const conferenceSearchSource: SearchDocumentSource = {
  index: CONFERENCES_INDEX,
  settings: {
    // Order matters for the attribute ranking rule: the title counts most.
    searchableAttributes: ['title', 'hostCityName', 'venue', 'federalStateNames', 'description'],
    filterableAttributes: ['kind', 'status'],
    sortableAttributes: ['startsAt'],
    ...languageSettings(),
  },
  ...rowsById<Row>('c.id', (condition) => `${SELECT} WHERE ${condition}`, toDocument),
  async count(db: DataSource) {
    const [row] = (await db.query(`SELECT count(*)::int AS n FROM conference`)) as Array<{
      n: number;
    }>;
    return row.n;
  },
};
