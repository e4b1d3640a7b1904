import type { EntityManager } from 'typeorm';
import { NOTIFICATION_STREAM } from '../notifications/dto/notification-stream';
import type { DigestGroup } from './digest-content';
import type { DigestPeriod } from './digest-period';

/** A person a digest is due for, with their items of the period (in section order). */
export interface DueDigest {
  id: string;
  email: string;
  display_name: string;
  locale: string;
  /** The streams (TANDEM, CITY, NETWORK) set to this period's cadence. */
  streams: string[];
  items: Array<{ group: DigestGroup; title: string; detail: string; path: string }>;
}

/** Which stream each notification kind belongs to, as SQL rows (kinds are fixed names). */
const STREAM_KINDS = `(VALUES ${Object.entries(NOTIFICATION_STREAM)
  .map(([kind, stream]) => `('${stream}', '${kind}')`)
  .join(', ')}) AS sk (stream, kind)`;

/** A published practice person `p` may read (as the practice read policy says). */
const VISIBLE_PRACTICE = `pr.status = 'PUBLISHED' AND (pr.visibility = 'PUBLIC'
  OR (pr.visibility = 'NETWORK' AND p.network_member) OR pr.city_id = ANY (p.city_ids))`;

/** Ids of a kind person `p` follows explicitly. */
const FOLLOWED = (kind: string) =>
  `(SELECT f.target_id FROM follow f WHERE f.user_id = p.id AND f.target_kind = '${kind}' AND f.following)`;
/** Cities `p` follows: explicit follows, plus their own cities not unfollowed. */
const FOLLOWED_CITIES = `(SELECT f.target_id FROM follow f WHERE f.user_id = p.id AND f.target_kind = 'CITY' AND f.following
   UNION SELECT unnest(p.city_ids)
   EXCEPT SELECT f.target_id FROM follow f WHERE f.user_id = p.id AND f.target_kind = 'CITY' AND NOT f.following)`;

/**
 * Everyone whose digest of `period` is due, with its items, in ONE statement (set-based:
 * the same number of queries for ten people or ten thousand). Due: one of their streams is
 * set to the period's cadence and no digest_delivery of this cadence and period exists.
 * People with nothing new are not returned.
 *
 * Read on the owner connection (the digest job), so filtered here by what each person may
 * see: their own notifications (which the worker already addressed to them, minus those
 * about an unfollowed subject), and of the network's news only practices they may read
 * and records that are public or, for members of the network, final.
 */
export async function dueDigests(db: EntityManager, period: DigestPeriod): Promise<DueDigest[]> {
  const rows = (await db.query(
    `WITH person AS (
       SELECT u.id, u.email, u.display_name, u.locale,
              array_remove(ARRAY[
                CASE WHEN u.mail_tandem = $1 THEN 'TANDEM' END,
                CASE WHEN u.mail_city = $1 THEN 'CITY' END,
                CASE WHEN u.mail_network = $1 THEN 'NETWORK' END], NULL) AS streams,
              coalesce(array_agg(m.city_id) FILTER (WHERE m.city_id IS NOT NULL), '{}') AS city_ids,
              (u.network_role = 'ORGANIZER' OR count(m.city_id) > 0) AS network_member
         FROM app_user u LEFT JOIN membership m ON m.user_id = u.id
        WHERE $1 IN (u.mail_tandem, u.mail_city, u.mail_network)
          AND NOT EXISTS (SELECT 1 FROM digest_delivery d
                           WHERE d.user_id = u.id AND d.cadence = $1 AND d.period_start = $2)
        GROUP BY u.id
     ), item AS (
       SELECT p.id AS user_id, 1 AS section, n.kind AS grp, n.title, n.body AS detail,
              coalesce(n.link, '/benachrichtigungen') AS path,
              row_number() OVER (PARTITION BY p.id ORDER BY n.id) AS ord
         FROM person p JOIN notification n ON n.user_id = p.id
        WHERE n.created_at >= $2 AND n.created_at < $3
          AND n.kind IN (SELECT sk.kind FROM ${STREAM_KINDS}
                          WHERE sk.stream = ANY (p.streams) AND sk.stream <> 'NETWORK')
          AND NOT EXISTS (SELECT 1 FROM follow f WHERE f.user_id = n.user_id
                           AND f.target_id = n.subject_id AND NOT f.following)
       UNION ALL
       SELECT p.id, 2, 'NEW_PRACTICE', pr.title, c.name, '/praxis/' || pr.id,
              row_number() OVER (PARTITION BY p.id ORDER BY pr.published_at, pr.id)
         FROM person p JOIN practice pr ON pr.published_at >= $2 AND pr.published_at < $3
         JOIN city c ON c.id = pr.city_id
        WHERE 'NETWORK' = ANY (p.streams) AND ${VISIBLE_PRACTICE}
          AND (pr.city_id IN ${FOLLOWED_CITIES}
               OR EXISTS (SELECT 1 FROM practice_topic pt JOIN topic t ON t.id = pt.topic_id
                           WHERE pt.practice_id = pr.id AND pt.city_id = pr.city_id
                             AND (t.id IN ${FOLLOWED('TOPIC')} OR t.parent_id IN ${FOLLOWED('TOPIC')})))
       UNION ALL
       SELECT p.id, 3, 'PRACTICE_REVISED', pr.title, c.name, '/praxis/' || pr.id || '/verlauf',
              row_number() OVER (PARTITION BY p.id ORDER BY pr.title, pr.id)
         FROM person p JOIN practice pr ON pr.id IN ${FOLLOWED('PRACTICE')}
         JOIN city c ON c.id = pr.city_id
        WHERE 'NETWORK' = ANY (p.streams) AND ${VISIBLE_PRACTICE}
          AND EXISTS (SELECT 1 FROM practice_revision r WHERE r.city_id = pr.city_id
                       AND r.practice_id = pr.id AND r.number > 1
                       AND r.created_at >= $2 AND r.created_at < $3)
       UNION ALL
       SELECT p.id, 4, 'NEW_CONFERENCE', k.title, to_char(k.starts_at AT TIME ZONE 'Europe/Berlin', 'YYYY-MM-DD'),
              '/konferenzen/' || k.id, row_number() OVER (PARTITION BY p.id ORDER BY k.starts_at, k.id)
         FROM person p JOIN conference k ON k.created_at >= $2 AND k.created_at < $3
        WHERE 'NETWORK' = ANY (p.streams) AND k.status <> 'CANCELLED'
       UNION ALL
       SELECT p.id, 5, 'FINAL_RECORD', k.title, '', '/konferenzen/' || k.id,
              row_number() OVER (PARTITION BY p.id ORDER BY k.title, k.id)
         FROM person p JOIN conference k ON k.id IN ${FOLLOWED('CONFERENCE')}
        WHERE 'NETWORK' = ANY (p.streams)
          AND EXISTS (SELECT 1 FROM conference_record r WHERE r.conference_id = k.id
                       AND r.status = 'FINAL' AND r.finalized_at >= $2 AND r.finalized_at < $3
                       AND (p.network_member OR r.public))
     )
     SELECT p.id, p.email, p.display_name, p.locale, p.streams,
            json_agg(json_build_object('group', i.grp, 'title', i.title, 'detail', i.detail, 'path', i.path)
                     ORDER BY i.section, i.ord) AS items
       FROM person p JOIN item i ON i.user_id = p.id
      GROUP BY p.id, p.email, p.display_name, p.locale, p.streams
      ORDER BY p.id`,
    [period.cadence, period.start, period.end],
  )) as DueDigest[];
  return rows;
}
