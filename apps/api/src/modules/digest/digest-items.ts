import type { EntityManager } from 'typeorm';
import { kindsOfStream } from '../notifications/dto/notification-stream';
import type { MailPublicLink } from './digest-link';
import { MailStream } from '../users/dto/mail-cadence';
import type { DigestItem } from './digest-content';
import type { DigestPeriod } from './digest-period';

/** A person a digest may be due for, with what decides what they may see. */
export interface DigestRecipient {
  id: string;
  email: string;
  display_name: string;
  locale: string;
  /** Their member cities. */
  city_ids: string[];
  /** Member of any city or organizer: reads what members share with the network. */
  network_member: boolean;
}

/** A published practice this person may read (as the practice read policy says). */
const VISIBLE_PRACTICE = `p.status = 'PUBLISHED' AND (p.visibility = 'PUBLIC'
  OR (p.visibility = 'NETWORK' AND $4::boolean) OR p.city_id = ANY ($5::uuid[]))`;

/** Followed ids of a kind: explicit follows, plus for cities the own ones not unfollowed. */
const FOLLOWED = (kind: string) =>
  `(SELECT target_id FROM follow WHERE user_id = $1 AND target_kind = '${kind}' AND following)`;
const FOLLOWED_CITIES = `(SELECT target_id FROM follow WHERE user_id = $1 AND target_kind = 'CITY' AND following
   UNION SELECT unnest($5::uuid[])
   EXCEPT SELECT target_id FROM follow WHERE user_id = $1 AND target_kind = 'CITY' AND NOT following)`;

/**
 * The items of one person's digest for the given streams and period, read on the owner
 * connection (the digest job) and so filtered here by what the person may see: their own
 * notifications (which the worker already addressed to them), and of the network's news
 * only practices they may read, records only for members of the network.
 */
export async function digestItems(
  db: EntityManager,
  person: DigestRecipient,
  streams: readonly MailStream[],
  period: DigestPeriod,
  link: MailPublicLink,
): Promise<DigestItem[]> {
  const items: DigestItem[] = [];
  const kinds = streams
    .filter((stream) => stream !== MailStream.NETWORK)
    .map((stream) => kindsOfStream(stream));
  if (kinds.length > 0) {
    const rows = (await db.query(
      `SELECT n.kind, n.title, n.body, n.link FROM notification n
        WHERE n.user_id = $1 AND n.created_at >= $2 AND n.created_at < $3
          AND n.kind IN (${kinds.join(', ')})
          AND NOT EXISTS (SELECT 1 FROM follow f WHERE f.user_id = n.user_id
                           AND f.target_id = n.subject_id AND NOT f.following)
        ORDER BY n.id`,
      [person.id, period.start, period.end],
    )) as Array<{ kind: DigestItem['group']; title: string; body: string; link: string | null }>;
    for (const row of rows)
      items.push({
        group: row.kind,
        title: row.title,
        detail: row.body,
        url: link(row.link ?? '/benachrichtigungen'),
      });
  }
  if (!streams.includes(MailStream.NETWORK)) return items;

  const params = [person.id, period.start, period.end, person.network_member, person.city_ids];
  const practices = (await db.query(
    `SELECT p.id, p.title, c.name AS city FROM practice p JOIN city c ON c.id = p.city_id
      WHERE ${VISIBLE_PRACTICE} AND p.published_at >= $2 AND p.published_at < $3
        AND (p.city_id IN ${FOLLOWED_CITIES}
             OR EXISTS (SELECT 1 FROM practice_topic pt JOIN topic t ON t.id = pt.topic_id
                         WHERE pt.practice_id = p.id AND pt.city_id = p.city_id
                           AND (t.id IN ${FOLLOWED('TOPIC')} OR t.parent_id IN ${FOLLOWED('TOPIC')})))
      ORDER BY p.published_at, p.id`,
    params,
  )) as Array<{ id: string; title: string; city: string }>;
  for (const row of practices)
    items.push({
      group: 'NEW_PRACTICE',
      title: row.title,
      detail: row.city,
      url: link(`/praxis/${row.id}`),
    });

  const revised = (await db.query(
    `SELECT p.id, p.title, c.name AS city FROM practice p JOIN city c ON c.id = p.city_id
      WHERE ${VISIBLE_PRACTICE} AND p.id IN ${FOLLOWED('PRACTICE')}
        AND EXISTS (SELECT 1 FROM practice_revision r WHERE r.city_id = p.city_id
                     AND r.practice_id = p.id AND r.number > 1
                     AND r.created_at >= $2 AND r.created_at < $3)
      ORDER BY p.title, p.id`,
    params,
  )) as Array<{ id: string; title: string; city: string }>;
  for (const row of revised)
    items.push({
      group: 'PRACTICE_REVISED',
      title: row.title,
      detail: row.city,
      url: link(`/praxis/${row.id}/verlauf`),
    });

  const conferences = (await db.query(
    `SELECT k.id, k.title, k.starts_at FROM conference k
      WHERE k.created_at >= $1 AND k.created_at < $2 AND k.status <> 'CANCELLED'
      ORDER BY k.starts_at, k.id`,
    [period.start, period.end],
  )) as Array<{ id: string; title: string; starts_at: Date }>;
  for (const row of conferences)
    items.push({
      group: 'NEW_CONFERENCE',
      title: row.title,
      detail: new Date(row.starts_at).toISOString().slice(0, 10),
      url: link(`/konferenzen/${row.id}`),
    });

  if (person.network_member) {
    const records = (await db.query(
      `SELECT DISTINCT k.id, k.title FROM conference_record r JOIN conference k ON k.id = r.conference_id
        WHERE r.status = 'FINAL' AND r.finalized_at >= $2 AND r.finalized_at < $3
          AND k.id IN ${FOLLOWED('CONFERENCE')}
        ORDER BY k.title, k.id`,
      [person.id, period.start, period.end],
    )) as Array<{ id: string; title: string }>;
    for (const row of records)
      items.push({
        group: 'FINAL_RECORD',
        title: row.title,
        detail: '',
        url: link(`/konferenzen/${row.id}`),
      });
  }
  return items;
}
