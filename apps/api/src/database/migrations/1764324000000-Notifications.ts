import type { MigrationInterface, QueryRunner } from 'typeorm';

/** In-app notifications per user, and each user's choice about e-mails. */
export class Notifications1764324000000 implements MigrationInterface {
  name = 'Notifications1764324000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`ALTER TABLE app_user ADD COLUMN email_notifications boolean NOT NULL DEFAULT true`);
    await q(`
      CREATE TABLE notification (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        city_id uuid REFERENCES city (id) ON DELETE CASCADE,
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL DEFAULT '',
        link text,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q(`CREATE INDEX notification_user_idx ON notification (user_id, id DESC)`);
    await q(`ALTER TABLE notification ENABLE ROW LEVEL SECURITY`);
    await q(`ALTER TABLE notification FORCE ROW LEVEL SECURITY`);
    // Each person reads and marks their own; they are written by the system (owner).
    await q(
      `CREATE POLICY notification_own ON notification FOR SELECT USING (user_id = app_user_id())`,
    );
    await q(
      `CREATE POLICY notification_mark ON notification FOR UPDATE USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id())`,
    );
    await q(`GRANT SELECT, UPDATE ON notification TO wissensnetz_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notification`);
    await queryRunner.query(`ALTER TABLE app_user DROP COLUMN email_notifications`);
  }
}
