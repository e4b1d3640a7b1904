import type { DataSource } from 'typeorm';
import { languageSettings } from '../../search/language';
import { stripMarkdown } from '../../search/plain-text';
import type { IndexSettings, SearchDocument } from '../../search/search-index';
import { rowsById, type SearchDocumentSource } from '../../search/search-sources';

export const PRACTICES_INDEX = 'practices';

export const PRACTICE_INDEX_SETTINGS: IndexSettings = {
  // Order matters for the attribute ranking rule: title and topics count most.
  searchableAttributes: ['title', 'topicNames', 'tags', 'summary', 'body', 'cityName', 'partners'],
  filterableAttributes: [
    'id',
    'visibility',
    'cityId',
    'citySlug',
    'federalState',
    'joinedYear',
    'kind',
    'topics',
    'tags',
  ],
  sortableAttributes: ['publishedAt', 'title'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
  ...languageSettings(),
};

export interface PracticeDocument extends SearchDocument {
  id: string;
  cityId: string;
  citySlug: string;
  cityName: string;
  federalState: string;
  joinedYear: number;
  kind: string;
  title: string;
  summary: string;
  body: string;
  topics: string[];
  topicNames: string[];
  tags: string[];
  partners: string;
  visibility: string;
  publishedAt: number;
}

const DOCUMENT_SELECT = `
  SELECT p.id, p.city_id, c.slug AS city_slug, c.name AS city_name, c.federal_state, c.joined_year, c.kind,
         p.title, p.summary, left(p.body, 5000) AS body, p.tags, coalesce(p.partners, '') AS partners, p.visibility,
         extract(epoch FROM p.published_at)::bigint AS published_at,
         coalesce(array_agg(t.slug ORDER BY t.position) FILTER (WHERE t.id IS NOT NULL), '{}') AS topic_slugs,
         coalesce(array_agg(t.name ORDER BY t.position) FILTER (WHERE t.id IS NOT NULL), '{}') AS topic_names
    FROM practice p
    JOIN city c ON c.id = p.city_id
    LEFT JOIN practice_topic pt ON pt.city_id = p.city_id AND pt.practice_id = p.id
    LEFT JOIN topic t ON t.id = pt.topic_id
   WHERE p.status = 'PUBLISHED'`;

interface DocumentRow {
  id: string;
  city_id: string;
  city_slug: string;
  city_name: string;
  federal_state: string;
  joined_year: number;
  kind: string;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  partners: string;
  visibility: string;
  published_at: string | null;
  topic_slugs: string[];
  topic_names: string[];
}

function toDocument(row: DocumentRow): PracticeDocument {
  return {
    id: row.id,
    cityId: row.city_id,
    citySlug: row.city_slug,
    cityName: row.city_name,
    federalState: row.federal_state,
    joinedYear: row.joined_year,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    body: stripMarkdown(row.body),
    topics: row.topic_slugs,
    topicNames: row.topic_names,
    tags: row.tags,
    partners: row.partners,
    visibility: row.visibility,
    publishedAt: Number(row.published_at ?? 0),
  };
}

/** Published practices only; drafts and archived entries are never in the index. */
export const practiceSearchSource: SearchDocumentSource = {
  index: PRACTICES_INDEX,
  settings: PRACTICE_INDEX_SETTINGS,
  ...rowsById<DocumentRow>(
    'p.id',
    (condition) => `${DOCUMENT_SELECT} AND ${condition} GROUP BY p.city_id, p.id, c.id`,
    toDocument,
  ),
  async count(db: DataSource) {
    const [row] = (await db.query(
      `SELECT count(*)::int AS n FROM practice WHERE status = 'PUBLISHED'`,
    )) as Array<{ n: number }>;
    return row.n;
  },
};
