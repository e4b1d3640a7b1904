import { FollowTargetKind } from './dto/follow.type';

/**
 * Per kind: the SQL that names a target and links to it, read as the caller (row-level
 * security decides what exists: a draft or an own-city practice of another city is not
 * there). `$1` is an array of target ids; each row has target_id, name, link.
 */
export const TARGET_SQL: Record<FollowTargetKind, string> = {
  [FollowTargetKind.TOPIC]: `SELECT t.id AS target_id, t.name, '/suche?thema=' || t.slug AS link
      FROM topic t WHERE t.id = ANY ($1::uuid[])`,
  [FollowTargetKind.CITY]: `SELECT c.id AS target_id, c.name, '/' || c.slug AS link
      FROM city c WHERE c.id = ANY ($1::uuid[])`,
  [FollowTargetKind.PRACTICE]: `SELECT p.id AS target_id, p.title AS name, '/praxis/' || p.id AS link
      FROM practice p WHERE p.id = ANY ($1::uuid[])`,
  [FollowTargetKind.CONFERENCE]: `SELECT k.id AS target_id, k.title AS name, '/konferenzen/' || k.id AS link
      FROM conference k WHERE k.id = ANY ($1::uuid[])`,
  // Linked from the side the caller belongs to (else the new city's).
  [FollowTargetKind.TANDEM]: `SELECT t.id AS target_id, a.name || ' – ' || b.name AS name,
           '/' || (CASE WHEN t.partner_city_id = ANY (app_member_city_ids()) THEN b.slug ELSE a.slug END)
             || '/tandems/' || t.id AS link
      FROM tandem t JOIN city a ON a.id = t.city_id JOIN city b ON b.id = t.partner_city_id
     WHERE t.id = ANY ($1::uuid[])`,
};

/**
 * What a member follows without choosing it: their own cities and those cities' active
 * tandems. `$1` is the caller's member city ids.
 */
export const DEFAULT_FOLLOWS_SQL = `
  SELECT 'CITY' AS kind, c.id AS target_id FROM city c WHERE c.id = ANY ($1::uuid[])
  UNION
  SELECT 'TANDEM', t.id FROM tandem t
   WHERE t.status = 'ACTIVE' AND (t.city_id = ANY ($1::uuid[]) OR t.partner_city_id = ANY ($1::uuid[]))`;
