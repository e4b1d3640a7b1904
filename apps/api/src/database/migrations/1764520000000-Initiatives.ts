import type { MigrationInterface, QueryRunner } from 'typeorm';

const CHANNELS = `'ONLINE', 'IN_PERSON', 'PHONE', 'LETTER', 'WORKSHOP'`;
const STATUSES = `'NEW', 'IN_REVIEW', 'TAKEN_UP', 'ANSWERED', 'NOT_PURSUED', 'WITHDRAWN'`;
const TABLES = [
  'initiative',
  'initiative_field',
  'initiative_field_contact',
  'initiative_steering_member',
  'suggestion',
  'suggestion_contact',
  'suggestion_event',
];

/**
 * Issue 14, first part: a city's local initiative (e.g. Cloppenburg's "Initiative
 * Prävention"). Residents bring in suggestions without an account; the steering group works
 * the queue.
 *
 * - `initiative`, `initiative_field` (action fields; `sensitive` = never public, e.g.
 *   "Häusliche Gewalt"), `initiative_steering_member` (name and organisation are public;
 *   `person_id` links an account, who then works the queue), `initiative_field_contact`
 *   (the persons the city names as allowed to see contact details of that field).
 * - `suggestion`: one suggestion or problem; `suggestion_contact` holds its contact
 *   details in a table of their own, so that row-level security (not only the code)
 *   decides who reads them: coordinators of the city for a non-sensitive field, the named
 *   field contacts always; for a sensitive field the named contacts only.
 * - `suggestion_event`: its history (status changes with the reason the resident sees,
 *   merges, internal comments flagged `internal`).
 * - `suggestion_challenge_used`: ALTCHA challenges already answered (replay protection),
 *   kept until they expire; network-wide, no personal data.
 *
 * The resident has no account: submission, the follow link and withdrawal go through the
 * SECURITY DEFINER functions below, which take the follow token's hash and touch exactly
 * that one suggestion (like `digest_unsubscribe`). E-mails to the resident are
 * `notification_mail` rows without a user (`suggestion_mail`), sent by the notification
 * worker after the commit.
 */
export class Initiatives1764520000000 implements MigrationInterface {
  name = 'Initiatives1764520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`
      CREATE TABLE initiative (
        city_id uuid NOT NULL REFERENCES city (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 160),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (city_id, id),
        UNIQUE (city_id, slug)
      )`);
    await q(`
      CREATE TABLE initiative_field (
        city_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
        initiative_id uuid NOT NULL,
        topic_id uuid REFERENCES topic (id) ON DELETE SET NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        sensitive boolean NOT NULL DEFAULT false,
        position int NOT NULL DEFAULT 0,
        PRIMARY KEY (city_id, id),
        UNIQUE (city_id, initiative_id, id),
        FOREIGN KEY (city_id, initiative_id) REFERENCES initiative (city_id, id) ON DELETE CASCADE
      )`);
    await q(`
      CREATE TABLE initiative_field_contact (
        city_id uuid NOT NULL,
        field_id uuid NOT NULL,
        person_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        PRIMARY KEY (city_id, field_id, person_id),
        FOREIGN KEY (city_id, field_id) REFERENCES initiative_field (city_id, id) ON DELETE CASCADE
      )`);
    await q(`
      CREATE TABLE initiative_steering_member (
        city_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        initiative_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        organisation text NOT NULL DEFAULT '' CHECK (length(organisation) <= 160),
        person_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        position int NOT NULL DEFAULT 0,
        PRIMARY KEY (city_id, id),
        FOREIGN KEY (city_id, initiative_id) REFERENCES initiative (city_id, id) ON DELETE CASCADE
      )`);
    await q(`
      CREATE TABLE suggestion (
        city_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
        initiative_id uuid NOT NULL,
        field_id uuid NOT NULL,
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
        place text CHECK (length(place) <= 200),
        channel text NOT NULL CHECK (channel IN (${CHANNELS})),
        status text NOT NULL DEFAULT 'NEW' CHECK (status IN (${STATUSES})),
        public_answer text CHECK (length(public_answer) <= 4000),
        merged_into_id uuid,
        follow_token_hash text UNIQUE,
        follow_token_revoked_at timestamptz,
        entered_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        contact_erased_at timestamptz,
        PRIMARY KEY (city_id, id),
        FOREIGN KEY (city_id, initiative_id, field_id)
          REFERENCES initiative_field (city_id, initiative_id, id),
        FOREIGN KEY (city_id, merged_into_id) REFERENCES suggestion (city_id, id),
        CHECK (merged_into_id IS NULL OR merged_into_id <> id)
      )`);
    await q(
      `CREATE INDEX suggestion_queue_idx ON suggestion (city_id, initiative_id, status, created_at)`,
    );
    await q(`CREATE INDEX suggestion_closed_idx ON suggestion (city_id, closed_at)
      WHERE contact_erased_at IS NULL`);
    await q(`
      CREATE TABLE suggestion_contact (
        city_id uuid NOT NULL,
        suggestion_id uuid NOT NULL,
        name text CHECK (length(name) <= 120),
        email text CHECK (length(email) <= 254),
        phone text CHECK (length(phone) <= 40),
        consent_at timestamptz NOT NULL,
        PRIMARY KEY (city_id, suggestion_id),
        FOREIGN KEY (city_id, suggestion_id) REFERENCES suggestion (city_id, id) ON DELETE CASCADE,
        CHECK (name IS NOT NULL OR email IS NOT NULL OR phone IS NOT NULL)
      )`);
    await q(`
      CREATE TABLE suggestion_event (
        city_id uuid NOT NULL,
        id bigint GENERATED ALWAYS AS IDENTITY,
        suggestion_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('SUBMITTED', 'STATUS', 'MERGED', 'COMMENT')),
        status text CHECK (status IN (${STATUSES})),
        text text CHECK (length(text) <= 4000),
        internal boolean NOT NULL DEFAULT false,
        actor_user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (city_id, id),
        FOREIGN KEY (city_id, suggestion_id) REFERENCES suggestion (city_id, id) ON DELETE CASCADE,
        CHECK (kind <> 'COMMENT' OR internal)
      )`);
    await q(
      `CREATE INDEX suggestion_event_suggestion_idx ON suggestion_event (city_id, suggestion_id, id)`,
    );
    await q(`
      CREATE TABLE suggestion_challenge_used (
        signature text PRIMARY KEY,
        expires_at timestamptz NOT NULL
      )`);
    await q(`GRANT SELECT, INSERT ON suggestion_challenge_used TO wissensnetz_app`);

    // Who works an initiative's queue: the city's coordinators, and steering-group members
    // with an account who are members of the city. Definer functions so the policies stay
    // short and do not depend on the caller reading the steering table.
    await q(`CREATE FUNCTION initiative_queue_user(p_city uuid, p_initiative uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT p_city = ANY (app_coordinator_city_ids())
            OR (p_city = ANY (app_member_city_ids()) AND EXISTS (
                  SELECT 1 FROM initiative_steering_member s
                   WHERE s.city_id = p_city AND s.initiative_id = p_initiative
                     AND s.person_id = app_user_id()))
      $$`);
    // The persons the city named for a field, while they are members of the city.
    await q(`CREATE FUNCTION initiative_field_contact_of(p_city uuid, p_field uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT p_city = ANY (app_member_city_ids()) AND EXISTS (
          SELECT 1 FROM initiative_field_contact c
           WHERE c.city_id = p_city AND c.field_id = p_field AND c.person_id = app_user_id())
      $$`);
    // Contact details: the named field contacts; for a non-sensitive field also coordinators.
    await q(`CREATE FUNCTION suggestion_contact_reader(p_city uuid, p_suggestion uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT EXISTS (
          SELECT 1 FROM suggestion s JOIN initiative_field f
            ON f.city_id = s.city_id AND f.id = s.field_id
           WHERE s.city_id = p_city AND s.id = p_suggestion
             AND (initiative_field_contact_of(s.city_id, s.field_id)
                  OR (NOT f.sensitive AND s.city_id = ANY (app_coordinator_city_ids()))))
      $$`);

    // Whether a suggestion has contact details (the queue shows it; the details stay hidden).
    await q(`CREATE FUNCTION suggestion_has_contact(p_city uuid, p_suggestion uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT EXISTS (SELECT 1 FROM suggestion_contact c JOIN suggestion s
                          ON s.city_id = c.city_id AND s.id = c.suggestion_id
                        WHERE c.city_id = p_city AND c.suggestion_id = p_suggestion
                          AND (initiative_queue_user(s.city_id, s.initiative_id)
                               OR initiative_field_contact_of(s.city_id, s.field_id)))
      $$`);

    for (const table of TABLES) {
      await q(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }
    // The initiative, its fields and its steering group (names, organisations) are public.
    for (const table of ['initiative', 'initiative_field', 'initiative_steering_member']) {
      await q(`CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (true)`);
      await q(`CREATE POLICY ${table}_write ON ${table} FOR ALL
        USING (city_id = ANY (app_coordinator_city_ids()))
        WITH CHECK (city_id = ANY (app_coordinator_city_ids()))`);
      await q(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO wissensnetz_app`);
    }
    await q(`CREATE POLICY initiative_field_contact_read ON initiative_field_contact FOR SELECT
      USING (city_id = ANY (app_member_city_ids()))`);
    await q(`CREATE POLICY initiative_field_contact_write ON initiative_field_contact FOR ALL
      USING (city_id = ANY (app_coordinator_city_ids()))
      WITH CHECK (city_id = ANY (app_coordinator_city_ids()))`);
    await q(`GRANT SELECT, INSERT, DELETE ON initiative_field_contact TO wissensnetz_app`);

    // Suggestions: the queue users of the initiative and the field's named contacts. Never
    // organizers, never other cities. A resident submits through suggestion_submit().
    await q(`CREATE POLICY suggestion_read ON suggestion FOR SELECT USING (
      initiative_queue_user(city_id, initiative_id) OR initiative_field_contact_of(city_id, field_id))`);
    await q(`CREATE POLICY suggestion_enter ON suggestion FOR INSERT WITH CHECK (
      initiative_queue_user(city_id, initiative_id) AND entered_by = app_user_id()
      AND channel <> 'ONLINE')`);
    await q(`CREATE POLICY suggestion_work ON suggestion FOR UPDATE
      USING (initiative_queue_user(city_id, initiative_id))
      WITH CHECK (initiative_queue_user(city_id, initiative_id))`);
    await q(`GRANT SELECT, INSERT, UPDATE ON suggestion TO wissensnetz_app`);

    await q(`CREATE POLICY suggestion_contact_read ON suggestion_contact FOR SELECT
      USING (suggestion_contact_reader(city_id, suggestion_id))`);
    // Staff record contact details (with consent) when they enter a suggestion.
    await q(`CREATE POLICY suggestion_contact_enter ON suggestion_contact FOR INSERT WITH CHECK (
      EXISTS (SELECT 1 FROM suggestion s WHERE s.city_id = suggestion_contact.city_id
               AND s.id = suggestion_contact.suggestion_id AND s.entered_by = app_user_id()))`);
    await q(`GRANT SELECT, INSERT ON suggestion_contact TO wissensnetz_app`);

    await q(`CREATE POLICY suggestion_event_read ON suggestion_event FOR SELECT USING (
      EXISTS (SELECT 1 FROM suggestion s WHERE s.city_id = suggestion_event.city_id
               AND s.id = suggestion_event.suggestion_id))`);
    await q(`CREATE POLICY suggestion_event_write ON suggestion_event FOR INSERT WITH CHECK (
      actor_user_id = app_user_id() AND EXISTS (
        SELECT 1 FROM suggestion s WHERE s.city_id = suggestion_event.city_id
           AND s.id = suggestion_event.suggestion_id
           AND initiative_queue_user(s.city_id, s.initiative_id)))`);
    await q(`GRANT SELECT, INSERT ON suggestion_event TO wissensnetz_app`);

    // E-mails to residents have no account behind them.
    await q(`ALTER TABLE notification_mail ALTER COLUMN user_id DROP NOT NULL`);

    // --- the resident's narrow ways in (no account; the follow token is the credential) ---
    await q(`CREATE FUNCTION suggestion_submit(
        p_city uuid, p_initiative uuid, p_field uuid, p_text text, p_place text,
        p_token_hash text, p_name text, p_email text, p_phone text) RETURNS uuid
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE v_id uuid;
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM initiative i JOIN initiative_field f
                         ON f.city_id = i.city_id AND f.initiative_id = i.id
                        WHERE i.city_id = p_city AND i.id = p_initiative AND f.id = p_field
                          AND i.status = 'OPEN') THEN
          RETURN NULL;
        END IF;
        INSERT INTO suggestion (city_id, initiative_id, field_id, text, place, channel, follow_token_hash)
        VALUES (p_city, p_initiative, p_field, p_text, p_place, 'ONLINE', p_token_hash)
        RETURNING id INTO v_id;
        INSERT INTO suggestion_event (city_id, suggestion_id, kind, status)
        VALUES (p_city, v_id, 'SUBMITTED', 'NEW');
        IF p_name IS NOT NULL OR p_email IS NOT NULL OR p_phone IS NOT NULL THEN
          INSERT INTO suggestion_contact (city_id, suggestion_id, name, email, phone, consent_at)
          VALUES (p_city, v_id, p_name, p_email, p_phone, now());
        END IF;
        RETURN v_id;
      END $$`);
    // One suggestion's public side: what the resident wrote, status, public history.
    await q(`CREATE FUNCTION suggestion_follow(p_token_hash text) RETURNS jsonb
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT jsonb_build_object(
          'id', s.id, 'citySlug', c.slug, 'cityName', c.name,
          'initiativeSlug', i.slug, 'initiativeName', i.name,
          'fieldName', f.name, 'sensitive', f.sensitive,
          'text', s.text, 'place', s.place, 'channel', s.channel, 'status', s.status,
          'publicAnswer', s.public_answer, 'merged', s.merged_into_id IS NOT NULL,
          'createdAt', s.created_at, 'closedAt', s.closed_at,
          'events', coalesce((SELECT jsonb_agg(jsonb_build_object(
                       'kind', e.kind, 'status', e.status, 'text', e.text, 'at', e.created_at)
                       ORDER BY e.id)
                     FROM suggestion_event e
                    WHERE e.city_id = s.city_id AND e.suggestion_id = s.id AND NOT e.internal),
                   '[]'::jsonb))
          FROM suggestion s
          JOIN initiative i ON i.city_id = s.city_id AND i.id = s.initiative_id
          JOIN initiative_field f ON f.city_id = s.city_id AND f.id = s.field_id
          JOIN city c ON c.id = s.city_id
         WHERE s.follow_token_hash = p_token_hash AND s.follow_token_revoked_at IS NULL
      $$`);
    // The resident withdraws while the suggestion is still open; false if not possible.
    await q(`CREATE FUNCTION suggestion_withdraw(p_token_hash text) RETURNS boolean
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE s suggestion%ROWTYPE;
      BEGIN
        SELECT * INTO s FROM suggestion WHERE follow_token_hash = p_token_hash
           AND follow_token_revoked_at IS NULL FOR UPDATE;
        IF NOT FOUND OR s.closed_at IS NOT NULL THEN RETURN false; END IF;
        UPDATE suggestion SET status = 'WITHDRAWN', closed_at = now()
         WHERE city_id = s.city_id AND id = s.id;
        INSERT INTO suggestion_event (city_id, suggestion_id, kind, status)
        VALUES (s.city_id, s.id, 'STATUS', 'WITHDRAWN');
        RETURN true;
      END $$`);
    // An e-mail to the suggestion's contact address (only if given with consent and not
    // erased); the text is the caller's, the address never leaves the database here.
    await q(`CREATE FUNCTION suggestion_mail(p_city uuid, p_suggestion uuid, p_subject text, p_text text)
      RETURNS boolean
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE v_email text;
      BEGIN
        SELECT c.email INTO v_email FROM suggestion_contact c
          JOIN suggestion s ON s.city_id = c.city_id AND s.id = c.suggestion_id
         WHERE c.city_id = p_city AND c.suggestion_id = p_suggestion
           AND c.email IS NOT NULL AND s.contact_erased_at IS NULL;
        IF v_email IS NULL THEN RETURN false; END IF;
        INSERT INTO notification_mail (recipient, subject, text_body) VALUES (v_email, p_subject, p_text);
        RETURN true;
      END $$`);
    for (const fn of [
      'initiative_queue_user(uuid, uuid)',
      'initiative_field_contact_of(uuid, uuid)',
      'suggestion_contact_reader(uuid, uuid)',
      'suggestion_has_contact(uuid, uuid)',
      'suggestion_submit(uuid, uuid, uuid, text, text, text, text, text, text)',
      'suggestion_follow(text)',
      'suggestion_withdraw(text)',
      'suggestion_mail(uuid, uuid, text, text)',
    ]) {
      await q(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q(`GRANT EXECUTE ON FUNCTION ${fn} TO wissensnetz_app`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    for (const fn of [
      'suggestion_mail(uuid, uuid, text, text)',
      'suggestion_withdraw(text)',
      'suggestion_follow(text)',
      'suggestion_submit(uuid, uuid, uuid, text, text, text, text, text, text)',
    ])
      await q(`DROP FUNCTION ${fn}`);
    await q(`DELETE FROM notification_mail WHERE user_id IS NULL`);
    await q(`ALTER TABLE notification_mail ALTER COLUMN user_id SET NOT NULL`);
    await q(`DROP TABLE suggestion_challenge_used`);
    for (const table of [...TABLES].reverse()) await q(`DROP TABLE ${table}`);
    await q(`DROP FUNCTION suggestion_has_contact(uuid, uuid)`);
    await q(`DROP FUNCTION suggestion_contact_reader(uuid, uuid)`);
    await q(`DROP FUNCTION initiative_field_contact_of(uuid, uuid)`);
    await q(`DROP FUNCTION initiative_queue_user(uuid, uuid)`);
  }
}
