import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Kept in step with NotificationKind (modules/notifications/dto/notification-message.ts). */
const KINDS = `'TANDEM_NOTE_ADDED', 'TANDEM_STATUS_CHANGED', 'REGISTRATION_CONFIRMED'`;

/**
 * Notifications leave the request: the user's transaction writes one outbox row
 * (notification_outbox), and a worker on the owner connection fans it out into in-app
 * notifications and one e-mail per recipient (notification_mail records each, so an
 * e-mail is sent at most once). A slow or failing mail server no longer holds a request,
 * and a notification is written exactly when the change that caused it commits.
 *
 * The application role may only INSERT outbox rows, in its own name; it reads nothing of
 * either table. Both are the system's (no FORCE: the owner, i.e. the worker, reads them).
 */
export class NotificationOutbox1764370800000 implements MigrationInterface {
  name = 'NotificationOutbox1764370800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    // The kind is stated by the caller, no longer derived from the German title.
    await q(
      `ALTER TABLE notification ADD CONSTRAINT notification_kind_check CHECK (kind IN (${KINDS}))`,
    );
    await q(`
      CREATE TABLE notification_outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        actor_user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        city_ids uuid[] NOT NULL CHECK (cardinality(city_ids) > 0),
        except_user_id uuid,
        kind text NOT NULL CHECK (kind IN (${KINDS})),
        title text NOT NULL,
        body text NOT NULL DEFAULT '',
        link text,
        mail_subject text NOT NULL,
        mail_text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        last_error text
      )`);
    await q(`CREATE INDEX notification_outbox_pending_idx ON notification_outbox (next_attempt_at, id)
      WHERE processed_at IS NULL`);
    await q(`
      CREATE TABLE notification_mail (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        outbox_id bigint NOT NULL REFERENCES notification_outbox (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        recipient text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        -- Set (and committed) before the mail server is called, cleared with the outcome:
        -- a claim that outlives its worker is never sent again (at most once).
        claimed_at timestamptz,
        sent_at timestamptz,
        failed_at timestamptz,
        last_error text,
        UNIQUE (outbox_id, user_id)
      )`);
    await q(`CREATE INDEX notification_mail_due_idx ON notification_mail (next_attempt_at, id)
      WHERE sent_at IS NULL AND failed_at IS NULL`);
    // Wake the worker at once instead of waiting for its next poll.
    await q(`CREATE FUNCTION notification_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN PERFORM pg_notify('notification_outbox', ''); RETURN NULL; END $$`);
    await q(`CREATE TRIGGER notification_outbox_notify AFTER INSERT ON notification_outbox
      FOR EACH STATEMENT EXECUTE FUNCTION notification_outbox_notify()`);

    await q(`ALTER TABLE notification_outbox ENABLE ROW LEVEL SECURITY`);
    await q(`ALTER TABLE notification_mail ENABLE ROW LEVEL SECURITY`);
    // Written in the acting user's own name; no read, update or delete policy at all.
    await q(`CREATE POLICY notification_outbox_enqueue ON notification_outbox FOR INSERT
      WITH CHECK (app_user_id() IS NOT NULL AND actor_user_id = app_user_id())`);
    await q(`GRANT INSERT ON notification_outbox TO wissensnetz_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP TABLE notification_mail`);
    await q(`DROP TABLE notification_outbox`);
    await q(`DROP FUNCTION notification_outbox_notify()`);
    await q(`ALTER TABLE notification DROP CONSTRAINT notification_kind_check`);
  }
}
