/**
 * What a person's data export contains, section by section (Art. 15 and 20 DSGVO). Each
 * section is one step of the progress the page shows. The queries run on the worker's
 * owner connection, so each one is written to select ONLY rows about this person (their
 * id, or their e-mail address where the platform stores that instead: conference
 * participants, invitations, feedback) and of other people at most what the person could
 * already see: a city's name, a conference's title, never someone else's e-mail.
 */

/** What the sections need of a database connection (an EntityManager or DataSource). */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface ExportPerson {
  id: string;
  email: string;
}

export interface DataExportSection {
  /** The key of the section in the JSON file. */
  key: string;
  collect(db: Queryable, person: ExportPerson): Promise<unknown>;
}

async function rows(db: Queryable, sql: string, person: ExportPerson): Promise<unknown[]> {
  return (await db.query(sql, [person.id, person.email])) as unknown[];
}

export const DATA_EXPORT_SECTIONS: readonly DataExportSection[] = [
  {
    key: 'account',
    collect: async (db, person) =>
      (
        await rows(
          db,
          `SELECT id, email, display_name AS "displayName", locale, network_role AS "networkRole",
                  created_at AS "createdAt", updated_at AS "updatedAt"
             FROM app_user WHERE id = $1 AND $2::text IS NOT NULL`,
          person,
        )
      )[0] ?? null,
  },
  {
    key: 'notificationSettings',
    collect: async (db, person) =>
      (
        await rows(
          db,
          `SELECT mail_tandem AS "mailTandem", mail_city AS "mailCity",
                  mail_network AS "mailNetwork", locale
             FROM app_user WHERE id = $1 AND $2::text IS NOT NULL`,
          person,
        )
      )[0] ?? null,
  },
  {
    key: 'memberships',
    collect: (db, person) =>
      rows(
        db,
        `SELECT c.slug AS "citySlug", c.name AS "cityName", m.role, m.created_at AS "since"
           FROM membership m JOIN city c ON c.id = m.city_id
          WHERE m.user_id = $1 AND $2::text IS NOT NULL ORDER BY m.created_at, c.name`,
        person,
      ),
  },
  {
    key: 'invitations',
    // Invitations addressed to the person; who sent them is not theirs to know by e-mail.
    collect: (db, person) =>
      rows(
        db,
        `SELECT c.name AS "cityName", i.role, i.created_at AS "createdAt",
                i.expires_at AS "expiresAt", i.accepted_at AS "acceptedAt", i.revoked_at AS "revokedAt"
           FROM invitation i JOIN city c ON c.id = i.city_id
          WHERE i.email = $2 AND $1::uuid IS NOT NULL ORDER BY i.created_at`,
        person,
      ),
  },
  {
    key: 'sessions',
    // Never the token (only its hash is stored, and not even that leaves the database).
    collect: (db, person) =>
      rows(
        db,
        `SELECT s.created_at AS "createdAt", s.last_seen_at AS "lastUsedAt",
                s.expires_at AS "expiresAt", s.user_agent AS "userAgent", s.ip AS "ipAddress",
                c.name AS "actingCity"
           FROM user_session s LEFT JOIN city c ON c.id = s.acting_city_id
          WHERE s.user_id = $1 AND $2::text IS NOT NULL ORDER BY s.created_at`,
        person,
      ),
  },
  {
    key: 'passwordResets',
    collect: (db, person) =>
      rows(
        db,
        `SELECT created_at AS "requestedAt", expires_at AS "expiresAt", used_at AS "usedAt"
           FROM password_reset WHERE user_id = $1 AND $2::text IS NOT NULL ORDER BY created_at`,
        person,
      ),
  },
  {
    key: 'practices',
    // Practices the person started or wrote a revision of, with the revisions they wrote.
    collect: (db, person) =>
      rows(
        db,
        `SELECT p.id, c.name AS "cityName", p.title, p.status, p.visibility,
                p.created_by = $1 AS "startedByYou", p.created_at AS "createdAt",
                p.published_at AS "publishedAt",
                coalesce((SELECT jsonb_agg(jsonb_build_object('number', r.number,
                           'createdAt', r.created_at, 'content', r.snapshot) ORDER BY r.number)
                            FROM practice_revision r
                           WHERE r.city_id = p.city_id AND r.practice_id = p.id AND r.author_id = $1),
                         '[]'::jsonb) AS "revisionsByYou",
                coalesce((SELECT jsonb_agg(jsonb_build_object('fileName', a.file_name,
                           'contentType', a.content_type, 'sizeBytes', a.size_bytes,
                           'uploadedAt', a.created_at) ORDER BY a.created_at)
                            FROM practice_attachment a
                           WHERE a.city_id = p.city_id AND a.practice_id = p.id AND a.uploaded_by = $1),
                         '[]'::jsonb) AS "attachmentsByYou"
           FROM practice p JOIN city c ON c.id = p.city_id
          WHERE $2::text IS NOT NULL
            AND (p.created_by = $1
              OR EXISTS (SELECT 1 FROM practice_revision r
                          WHERE r.city_id = p.city_id AND r.practice_id = p.id AND r.author_id = $1)
              OR EXISTS (SELECT 1 FROM practice_attachment a
                          WHERE a.city_id = p.city_id AND a.practice_id = p.id AND a.uploaded_by = $1))
          ORDER BY p.created_at, p.id`,
        person,
      ),
  },
  {
    key: 'cityProfileRevisions',
    collect: (db, person) =>
      rows(
        db,
        `SELECT c.name AS "cityName", r.number, r.created_at AS "createdAt", r.snapshot AS content
           FROM city_profile_revision r JOIN city c ON c.id = r.city_id
          WHERE r.author_id = $1 AND $2::text IS NOT NULL ORDER BY r.created_at, r.number`,
        person,
      ),
  },
  {
    key: 'tandemNotes',
    collect: (db, person) =>
      rows(
        db,
        `SELECT n.id, n.kind, n.body, n.visit_date AS "visitDate", n.place,
                n.created_at AS "createdAt", n.updated_at AS "updatedAt",
                c.name AS "tandemCity", pc.name AS "tandemPartnerCity", ac.name AS "writtenFor",
                coalesce((SELECT jsonb_agg(jsonb_build_object('number', r.number,
                           'createdAt', r.created_at, 'body', r.body, 'visitDate', r.visit_date,
                           'place', r.place) ORDER BY r.number)
                            FROM tandem_note_revision r
                           WHERE r.city_id = n.city_id AND r.note_id = n.id AND r.author_id = $1),
                         '[]'::jsonb) AS "earlierVersions"
           FROM tandem_note n
           JOIN city c ON c.id = n.city_id
           JOIN city pc ON pc.id = n.partner_city_id
           LEFT JOIN city ac ON ac.id = n.author_city_id
          WHERE n.author_id = $1 AND $2::text IS NOT NULL ORDER BY n.created_at, n.id`,
        person,
      ),
  },
  {
    key: 'tandemVisits',
    collect: (db, person) =>
      rows(
        db,
        `SELECT c.name AS "tandemCity", pc.name AS "tandemPartnerCity", v.seen_at AS "lastSeenAt"
           FROM tandem_visit v
           JOIN tandem t ON t.city_id = v.city_id AND t.id = v.tandem_id
           JOIN city c ON c.id = t.city_id JOIN city pc ON pc.id = t.partner_city_id
          WHERE v.user_id = $1 AND $2::text IS NOT NULL ORDER BY v.seen_at`,
        person,
      ),
  },
  {
    key: 'conferenceParticipations',
    // Entries naming the person as a participant (matched by their e-mail address).
    collect: (db, person) =>
      rows(
        db,
        `SELECT conf.title AS conference, conf.starts_at AS "startsAt", conf.ends_at AS "endsAt",
                c.name AS "registeredByCity", r.status, r.created_at AS "registeredAt",
                p.name, p.email, p.role, p.needs
           FROM registration_participant p
           JOIN registration r ON r.city_id = p.city_id AND r.id = p.registration_id
           JOIN conference conf ON conf.id = r.conference_id
           JOIN city c ON c.id = r.city_id
          WHERE p.email = $2 AND $1::uuid IS NOT NULL ORDER BY conf.starts_at, r.created_at`,
        person,
      ),
  },
  {
    key: 'conferenceRegistrationsByYou',
    // Registrations the person made for their city: counts, not the other participants.
    collect: (db, person) =>
      rows(
        db,
        `SELECT conf.title AS conference, conf.starts_at AS "startsAt", c.name AS "cityName",
                r.status, r.participant_count AS "participantCount",
                r.created_at AS "registeredAt", r.cancelled_at AS "cancelledAt"
           FROM registration r
           JOIN conference conf ON conf.id = r.conference_id
           JOIN city c ON c.id = r.city_id
          WHERE r.registered_by = $1 AND $2::text IS NOT NULL ORDER BY r.created_at`,
        person,
      ),
  },
  {
    key: 'notifications',
    collect: (db, person) =>
      rows(
        db,
        `SELECT n.kind, n.title, n.body, n.link, c.name AS "cityName",
                n.created_at AS "createdAt", n.read_at AS "readAt"
           FROM notification n LEFT JOIN city c ON c.id = n.city_id
          WHERE n.user_id = $1 AND $2::text IS NOT NULL ORDER BY n.id`,
        person,
      ),
  },
  {
    key: 'notificationEmails',
    collect: (db, person) =>
      rows(
        db,
        `SELECT m.recipient, o.mail_subject AS subject, m.created_at AS "createdAt",
                m.sent_at AS "sentAt", m.failed_at AS "failedAt"
           FROM notification_mail m JOIN notification_outbox o ON o.id = m.outbox_id
          WHERE m.user_id = $1 AND $2::text IS NOT NULL ORDER BY m.id`,
        person,
      ),
  },
  {
    key: 'auditEntries',
    // Entries by the person or about them (their id or e-mail as the target). Who else
    // acted is not named; a target that is somebody else is left out.
    collect: (db, person) =>
      rows(
        db,
        `SELECT a.action, a.created_at AS "createdAt", c.name AS "cityName",
                coalesce(a.actor_user_id = $1, false) AS "byYou",
                coalesce(a.target IN ($1::text, $2), false) AS "aboutYou",
                a.details
           FROM audit_log a LEFT JOIN city c ON c.id = a.city_id
          WHERE a.actor_user_id = $1 OR a.target = $1::text OR a.target = $2
          ORDER BY a.id`,
        person,
      ),
  },
  {
    key: 'accessibilityFeedback',
    collect: (db, person) =>
      rows(
        db,
        `SELECT sender_name AS "senderName", sender_email AS "senderEmail", page, message, locale,
                created_at AS "sentAt", due_on AS "answerDueOn"
           FROM accessibility_feedback
          WHERE lower(sender_email) = $2 AND $1::uuid IS NOT NULL ORDER BY id`,
        person,
      ),
  },
  {
    // What they follow or explicitly unfollowed (ids of topics, cities, practices, …).
    key: 'follows',
    collect: (db, person) =>
      rows(
        db,
        `SELECT target_kind AS "kind", target_id AS "targetId", following, created_at AS "since"
           FROM follow WHERE user_id = $1 AND $2::text IS NOT NULL
          ORDER BY created_at, target_kind, target_id`,
        person,
      ),
  },
  {
    // Digests sent to them (never the unsubscribe token).
    key: 'digestDeliveries',
    collect: (db, person) =>
      rows(
        db,
        `SELECT cadence, period_start AS "periodStart", period_end AS "periodEnd", streams,
                item_count AS "itemCount", unsubscribed_at AS "unsubscribedAt"
           FROM digest_delivery WHERE user_id = $1 AND $2::text IS NOT NULL
          ORDER BY period_start`,
        person,
      ),
  },
];
