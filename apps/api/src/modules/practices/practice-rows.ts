import { PracticeEntity } from './practice.entity';

/**
 * Every column of `practice` under the entity's property names, for reads in plain SQL
 * (a page of practices, one practice): the rows need no TypeORM query building or
 * hydration (measured in bench/load.mjs). `date` columns as text, as the entity has them.
 * `p` is the table's alias in the statement.
 */
export const PRACTICE_COLUMNS = `p.city_id AS "cityId", p.id, p.title, p.summary, p.body, p.status,
  p.visibility, p.tags, p.contact_name AS "contactName", p.contact_email AS "contactEmail",
  p.period_from::text AS "periodFrom", p.period_to::text AS "periodTo", p.outcomes,
  p.resources_needed AS "resourcesNeeded", p.partners, p.links, p.revision,
  p.created_by AS "createdBy", p.updated_by AS "updatedBy", p.created_at AS "createdAt",
  p.updated_at AS "updatedAt", p.review_comment AS "reviewComment",
  p.review_comment_at AS "reviewCommentAt", p.review_comment_by AS "reviewCommentBy",
  p.published_at AS "publishedAt"`;

/** A row read with PRACTICE_COLUMNS as the entity (an instance: writers may save it). */
export function practiceFromRow(row: Record<string, unknown>): PracticeEntity {
  return Object.assign(new PracticeEntity(), row);
}
