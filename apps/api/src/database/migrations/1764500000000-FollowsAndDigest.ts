import type { MigrationInterface, QueryRunner } from 'typeorm';

const CADENCES = `'IMMEDIATE', 'DAILY', 'WEEKLY', 'NEVER'`;

/**
 * Issue 16: follow things, and e-mail by stream and cadence instead of on/off.
 *
 * - `follow`: what a person follows (topic, city, practice, conference, tandem). A member
 *   follows their own cities and tandems without a row; a row with `following = false` is
 *   the explicit unfollow of such a default. The person's own rows only (RLS, no city_id:
 *   a follow belongs to a person, like a notification, not to a tenant).
 * - `app_user.mail_tandem / mail_city / mail_network`: IMMEDIATE | DAILY | WEEKLY | NEVER per
 *   stream, replacing `email_notifications` (off → NEVER everywhere; on → per-event mails
 *   as before for tandem and city, and the new network news weekly).
 * - `notification.subject_id` (and the outbox's): what a notification is about (the tandem
 *   of a note), so an unfollowed tandem is left out.
 * - `notification_mail` also carries mails of its own (digests: subject, text, HTML,
 *   unsubscribe link) without an outbox row, and wakes the worker itself.
 * - `digest_delivery`: one row per person, cadence and period, written in the transaction
 *   of its mail (unique: at most once, however many instances run the job), with the hash
 *   of the mail's unsubscribe token. System only; `digest_unsubscribe(hash)` is the one
 *   narrow way in for the app role (the token is the credential; no sign-in).
 */
export class FollowsAndDigest1764500000000 implements MigrationInterface {
  name = 'FollowsAndDigest1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`
      CREATE TABLE follow (
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        target_kind text NOT NULL CHECK (target_kind IN ('TOPIC', 'CITY', 'PRACTICE', 'CONFERENCE', 'TANDEM')),
        target_id uuid NOT NULL,
        following boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, target_kind, target_id)
      )`);
    await q(`CREATE INDEX follow_target_idx ON follow (target_kind, target_id)`);
    await q(`ALTER TABLE follow ENABLE ROW LEVEL SECURITY`);
    await q(`ALTER TABLE follow FORCE ROW LEVEL SECURITY`);
    await q(`CREATE POLICY follow_own ON follow FOR ALL
      USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id())`);
    await q(`GRANT SELECT, INSERT, UPDATE, DELETE ON follow TO wissensnetz_app`);

    for (const stream of ['tandem', 'city', 'network'])
      await q(`ALTER TABLE app_user ADD COLUMN mail_${stream} text NOT NULL
        DEFAULT '${stream === 'network' ? 'WEEKLY' : 'IMMEDIATE'}' CHECK (mail_${stream} IN (${CADENCES}))`);
    await q(`UPDATE app_user SET mail_tandem = 'NEVER', mail_city = 'NEVER', mail_network = 'NEVER'
      WHERE NOT email_notifications`);
    await q(`ALTER TABLE app_user DROP COLUMN email_notifications`);

    await q(`ALTER TABLE notification_outbox ADD COLUMN subject_id uuid`);
    await q(`ALTER TABLE notification ADD COLUMN subject_id uuid`);

    await q(`ALTER TABLE notification_mail ALTER COLUMN outbox_id DROP NOT NULL`);
    await q(`ALTER TABLE notification_mail ADD COLUMN subject text`);
    await q(`ALTER TABLE notification_mail ADD COLUMN text_body text`);
    await q(`ALTER TABLE notification_mail ADD COLUMN html_body text`);
    await q(`ALTER TABLE notification_mail ADD COLUMN unsubscribe_url text`);
    await q(`ALTER TABLE notification_mail ADD CONSTRAINT notification_mail_content_check
      CHECK (outbox_id IS NOT NULL OR (subject IS NOT NULL AND text_body IS NOT NULL))`);
    await q(`CREATE TRIGGER notification_mail_notify AFTER INSERT ON notification_mail
      FOR EACH STATEMENT EXECUTE FUNCTION notification_outbox_notify()`);

    await q(`
      CREATE TABLE digest_delivery (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        cadence text NOT NULL CHECK (cadence IN ('DAILY', 'WEEKLY')),
        period_start timestamptz NOT NULL,
        period_end timestamptz NOT NULL CHECK (period_end > period_start),
        streams text[] NOT NULL,
        item_count int NOT NULL CHECK (item_count > 0),
        mail_id bigint REFERENCES notification_mail (id) ON DELETE SET NULL,
        unsubscribe_token_hash text NOT NULL UNIQUE,
        unsubscribed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, period_start, cadence)
      )`);
    await q(`ALTER TABLE digest_delivery ENABLE ROW LEVEL SECURITY`);
    await q(`ALTER TABLE digest_delivery FORCE ROW LEVEL SECURITY`);
    // Only the owner (the digest job) reads and writes it; unsubscribing goes through this.
    await q(`CREATE FUNCTION digest_unsubscribe(p_token_hash text) RETURNS text[]
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE d digest_delivery%ROWTYPE;
      BEGIN
        SELECT * INTO d FROM digest_delivery WHERE unsubscribe_token_hash = p_token_hash;
        IF NOT FOUND THEN RETURN NULL; END IF;
        UPDATE app_user SET
          mail_tandem = CASE WHEN 'TANDEM' = ANY (d.streams) AND mail_tandem = d.cadence THEN 'NEVER' ELSE mail_tandem END,
          mail_city = CASE WHEN 'CITY' = ANY (d.streams) AND mail_city = d.cadence THEN 'NEVER' ELSE mail_city END,
          mail_network = CASE WHEN 'NETWORK' = ANY (d.streams) AND mail_network = d.cadence THEN 'NEVER' ELSE mail_network END
         WHERE id = d.user_id;
        UPDATE digest_delivery SET unsubscribed_at = coalesce(unsubscribed_at, now()) WHERE id = d.id;
        RETURN d.streams;
      END $$`);
    await q(`REVOKE ALL ON FUNCTION digest_unsubscribe(text) FROM PUBLIC`);
    await q(`GRANT EXECUTE ON FUNCTION digest_unsubscribe(text) TO wissensnetz_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP FUNCTION digest_unsubscribe(text)`);
    await q(`DROP TABLE digest_delivery`);
    await q(`DROP TRIGGER notification_mail_notify ON notification_mail`);
    await q(`DELETE FROM notification_mail WHERE outbox_id IS NULL`);
    await q(`ALTER TABLE notification_mail DROP CONSTRAINT notification_mail_content_check`);
    for (const column of ['subject', 'text_body', 'html_body', 'unsubscribe_url'])
      await q(`ALTER TABLE notification_mail DROP COLUMN ${column}`);
    await q(`ALTER TABLE notification_mail ALTER COLUMN outbox_id SET NOT NULL`);
    await q(`ALTER TABLE notification DROP COLUMN subject_id`);
    await q(`ALTER TABLE notification_outbox DROP COLUMN subject_id`);
    await q(`ALTER TABLE app_user ADD COLUMN email_notifications boolean NOT NULL DEFAULT true`);
    await q(`UPDATE app_user SET email_notifications = false
      WHERE mail_tandem = 'NEVER' AND mail_city = 'NEVER' AND mail_network = 'NEVER'`);
    for (const stream of ['tandem', 'city', 'network'])
      await q(`ALTER TABLE app_user DROP COLUMN mail_${stream}`);
    await q(`DROP TABLE follow`);
  }
}
