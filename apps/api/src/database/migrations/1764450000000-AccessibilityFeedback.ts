import type { MigrationInterface, QueryRunner } from 'typeorm';

// The kinds as PracticeReview (1764400000000) left them.
const OLD_KINDS = `'TANDEM_NOTE_ADDED', 'TANDEM_STATUS_CHANGED', 'REGISTRATION_CONFIRMED',
  'PRACTICE_SUBMITTED', 'PRACTICE_RETURNED', 'PRACTICE_PUBLISHED'`;
const KINDS = `${OLD_KINDS}, 'ACCESSIBILITY_FEEDBACK'`;

/**
 * Feedback on accessibility (BITV 2.0 § 7): anybody, signed in or not, sends it from the
 * accessibility statement; only organizers read it (RLS), and they hear of it through the
 * notification outbox, which now also addresses "all organizers" (to_organizers).
 *
 * Anonymous callers write only through submit_accessibility_feedback(): it stores the row
 * and its outbox row in one transaction, so there is no insert policy for anyone.
 */
export class AccessibilityFeedback1764450000000 implements MigrationInterface {
  name = 'AccessibilityFeedback1764450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`
      CREATE TABLE accessibility_feedback (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        sender_name text CHECK (char_length(sender_name) <= 200),
        sender_email text CHECK (char_length(sender_email) <= 320),
        page text CHECK (char_length(page) <= 500),
        message text NOT NULL CHECK (char_length(message) BETWEEN 1 AND 5000),
        locale text NOT NULL CHECK (locale IN ('de', 'en')),
        created_at timestamptz NOT NULL DEFAULT now(),
        due_on date NOT NULL
      )`);
    await q(`CREATE INDEX accessibility_feedback_created_idx ON accessibility_feedback (id DESC)`);
    await q(`ALTER TABLE accessibility_feedback ENABLE ROW LEVEL SECURITY`);
    await q(`ALTER TABLE accessibility_feedback FORCE ROW LEVEL SECURITY`);
    await q(`CREATE POLICY accessibility_feedback_organizers ON accessibility_feedback
      FOR SELECT USING (app_is_organizer())`);
    await q(`GRANT SELECT ON accessibility_feedback TO wissensnetz_app`);

    await q(
      `ALTER TABLE notification_outbox ADD COLUMN to_organizers boolean NOT NULL DEFAULT false`,
    );
    await q(`ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_city_ids_check`);
    await q(`ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_city_ids_check
      CHECK (cardinality(city_ids) > 0 OR to_organizers)`);
    await q(`ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_kind_check`);
    await q(`ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_kind_check
      CHECK (kind IN (${KINDS}))`);
    await q(`ALTER TABLE notification DROP CONSTRAINT notification_kind_check`);
    await q(
      `ALTER TABLE notification ADD CONSTRAINT notification_kind_check CHECK (kind IN (${KINDS}))`,
    );

    await q(`CREATE FUNCTION submit_accessibility_feedback(
        p_name text, p_email text, p_page text, p_message text, p_locale text, p_due_on date,
        p_title text, p_body text, p_link text, p_mail_subject text, p_mail_text text)
      RETURNS TABLE (id bigint, created_at timestamptz, due_on date)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE v_id bigint; v_created timestamptz;
      BEGIN
        INSERT INTO accessibility_feedback (sender_name, sender_email, page, message, locale, due_on)
        VALUES (p_name, p_email, p_page, p_message, p_locale, p_due_on)
        RETURNING accessibility_feedback.id, accessibility_feedback.created_at INTO v_id, v_created;
        INSERT INTO notification_outbox
          (actor_user_id, city_ids, to_organizers, kind, title, body, link, mail_subject, mail_text)
        VALUES (app_user_id(), '{}', true, 'ACCESSIBILITY_FEEDBACK',
          replace(p_title, '{id}', v_id::text), replace(p_body, '{id}', v_id::text), p_link,
          replace(p_mail_subject, '{id}', v_id::text), replace(p_mail_text, '{id}', v_id::text));
        id := v_id; created_at := v_created; due_on := p_due_on;
        RETURN NEXT;
      END $$`);
    const fn =
      'submit_accessibility_feedback(text, text, text, text, text, date, text, text, text, text, text)';
    await q(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
    await q(`GRANT EXECUTE ON FUNCTION ${fn} TO wissensnetz_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(
      `DROP FUNCTION submit_accessibility_feedback(text, text, text, text, text, date, text, text, text, text, text)`,
    );
    await q(`DELETE FROM notification WHERE kind = 'ACCESSIBILITY_FEEDBACK'`);
    await q(
      `DELETE FROM notification_outbox WHERE kind = 'ACCESSIBILITY_FEEDBACK' OR to_organizers`,
    );
    await q(`ALTER TABLE notification DROP CONSTRAINT notification_kind_check`);
    await q(
      `ALTER TABLE notification ADD CONSTRAINT notification_kind_check CHECK (kind IN (${OLD_KINDS}))`,
    );
    await q(`ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_kind_check`);
    await q(`ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_kind_check
      CHECK (kind IN (${OLD_KINDS}))`);
    await q(`ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_city_ids_check`);
    await q(`ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_city_ids_check
      CHECK (cardinality(city_ids) > 0)`);
    await q(`ALTER TABLE notification_outbox DROP COLUMN to_organizers`);
    await q(`DROP TABLE accessibility_feedback`);
  }
}
