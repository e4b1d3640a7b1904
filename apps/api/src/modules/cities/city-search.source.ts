import { federalStateName } from '@wissensnetz/domain';
import type { DataSource } from 'typeorm';
import { languageSettings } from '../../search/language';
import { stripMarkdown } from '../../search/plain-text';
import type { SearchDocument } from '../../search/search-index';
import { rowsById, type SearchDocumentSource } from '../../search/search-sources';

export const CITIES_INDEX = 'cities';

// The profile's "about" text is public like the city itself; its contact details stay out.
const SELECT = `
  SELECT c.id, c.slug, c.name, c.kind, c.federal_state, c.joined_year,
         left(coalesce(p.about, ''), 5000) AS about
    FROM city c
    LEFT JOIN city_profile p ON p.city_id = c.id`;

interface Row {
  id: string;
  slug: string;
  name: string;
  kind: string;
  federal_state: string;
  joined_year: number;
  about: string;
}

const toDocument = (row: Row): SearchDocument => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  kind: row.kind,
  federalState: row.federal_state,
  federalStateName: federalStateName(row.federal_state),
  joinedYear: row.joined_year,
  about: stripMarkdown(row.about),
});

/** Every member city: cities are public. */
export const citySearchSource: SearchDocumentSource = {
  index: CITIES_INDEX,
  settings: {
    searchableAttributes: ['name', 'federalStateName', 'about'],
    filterableAttributes: ['kind', 'federalState', 'joinedYear'],
    sortableAttributes: ['name'],
    ...languageSettings(),
  },
  ...rowsById<Row>('c.id', (condition) => `${SELECT} WHERE ${condition}`, toDocument),
  async count(db: DataSource) {
    const [row] = (await db.query(`SELECT count(*)::int AS n FROM city`)) as Array<{ n: number }>;
    return row.n;
  },
};
