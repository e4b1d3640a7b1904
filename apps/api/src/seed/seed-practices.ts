import type { EntityManager } from 'typeorm';
import type { GeneratedPractice } from './demo-practices';

/**
 * Writes generated practices as the owner: rows, topics, a first revision, and
 * an outbox row for each, so the search worker indexes the published ones.
 * Upserts by id, so it is safe to run again.
 */
export async function writePractices(
  tx: EntityManager,
  practices: GeneratedPractice[],
  cityIds: Map<string, string>,
  topicIds: Map<string, string>,
  authorIds: Map<string, string>,
  onProgress: (done: number) => void = () => undefined,
): Promise<void> {
  const BATCH = 500;
  for (let start = 0; start < practices.length; start += BATCH) {
    const batch = practices.slice(start, start + BATCH);
    const rows = batch.map((practice) => ({
      ...practice,
      cityId: cityIds.get(practice.citySlug),
      authorId: authorIds.get(practice.citySlug) ?? null,
    }));
    await tx.query(
      `INSERT INTO practice (city_id, id, title, summary, body, status, visibility, tags, contact_name, contact_email,
                             period_from, period_to, outcomes, resources_needed, partners, created_by, updated_by, created_at, updated_at, published_at)
       SELECT r.city_id, r.id, r.title, r.summary, r.body, r.status, r.visibility, r.tags, r.contact_name, r.contact_email,
              r.period_from, r.period_to, r.outcomes, r.resources_needed, r.partners, r.author_id, r.author_id,
              r.created_at, coalesce(r.published_at, r.created_at), r.published_at
         FROM jsonb_to_recordset($1::jsonb) AS r(city_id uuid, id uuid, title text, summary text, body text, status text,
              visibility text, tags text[], contact_name text, contact_email text, period_from date, period_to date,
              outcomes text, resources_needed text, partners text, author_id uuid,
              created_at timestamptz, published_at timestamptz)
       ON CONFLICT (city_id, id) DO UPDATE SET title = EXCLUDED.title, summary = EXCLUDED.summary, body = EXCLUDED.body,
              tags = EXCLUDED.tags, outcomes = EXCLUDED.outcomes, resources_needed = EXCLUDED.resources_needed,
              partners = EXCLUDED.partners, created_at = EXCLUDED.created_at,
              updated_at = EXCLUDED.updated_at, published_at = EXCLUDED.published_at`,
      [
        JSON.stringify(
          rows.map((row) => ({
            city_id: row.cityId,
            id: row.id,
            title: row.title,
            summary: row.summary,
            body: row.body,
            status: row.status,
            visibility: row.visibility,
            tags: row.tags,
            contact_name: row.contactName,
            contact_email: row.contactEmail,
            period_from: row.periodFrom,
            period_to: row.periodTo,
            outcomes: row.outcomes,
            resources_needed: row.resourcesNeeded,
            partners: row.partners,
            author_id: row.authorId,
            created_at: row.createdAt,
            published_at: row.publishedAt,
          })),
        ),
      ],
    );
    const links = rows.flatMap((row) =>
      row.topics.map((slug) => ({
        city_id: row.cityId,
        practice_id: row.id,
        topic_id: topicIds.get(slug),
      })),
    );
    await tx.query(
      `INSERT INTO practice_topic (city_id, practice_id, topic_id)
       SELECT city_id, practice_id, topic_id FROM jsonb_to_recordset($1::jsonb) AS r(city_id uuid, practice_id uuid, topic_id uuid)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(links)],
    );
    await tx.query(
      // The first revision is the first draft's save: dated with the practice, not today.
      `INSERT INTO practice_revision (city_id, practice_id, number, snapshot, author_id, created_at)
       SELECT p.city_id, p.id, 1, jsonb_build_object('title', p.title, 'summary', p.summary, 'body', p.body,
              'visibility', p.visibility, 'tags', to_jsonb(p.tags), 'topicSlugs', '[]'::jsonb, 'contactName', p.contact_name,
              'contactEmail', p.contact_email, 'periodFrom', p.period_from, 'periodTo', p.period_to, 'outcomes', p.outcomes,
              'resourcesNeeded', p.resources_needed, 'partners', p.partners, 'links', p.links), p.created_by, p.created_at
         FROM practice p WHERE p.id = ANY($1::uuid[])
       ON CONFLICT (city_id, practice_id, number) DO UPDATE SET snapshot = EXCLUDED.snapshot,
              created_at = EXCLUDED.created_at`,
      [rows.map((row) => row.id)],
    );
    await tx.query(
      `INSERT INTO search_outbox (index_name, document_id) SELECT 'practices', unnest($1::text[])`,
      [rows.map((row) => row.id)],
    );
    onProgress(Math.min(start + BATCH, practices.length));
  }
  // Fresh planner statistics after a bulk write: until autovacuum catches up (a
  // minute or more), PostgreSQL misjudges the row-level security sub-selects of
  // practice_topic and scans every practice for each page of search hits.
  if (practices.length > 0) await tx.query('ANALYZE practice, practice_topic, practice_revision');
}
