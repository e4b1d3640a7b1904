import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's copy of their data (Art. 15 and 20 DSGVO): one row per request, prepared by
 * the data-export worker section by section (steps_done / steps_total is the progress the
 * page shows), then holding the finished files until they expire. Network-wide like
 * user_session (a person, not a city): row-level security lets only the person read and
 * request their own; the worker (owner) fills and the expiry job deletes them.
 */
export class DataExport1764460000000 implements MigrationInterface {
  name = 'DataExport1764460000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`
      CREATE TABLE data_export (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'RUNNING', 'READY', 'FAILED')),
        steps_done int NOT NULL DEFAULT 0 CHECK (steps_done >= 0),
        steps_total int NOT NULL CHECK (steps_total > 0),
        parts jsonb NOT NULL DEFAULT '{}'::jsonb,
        data_json text,
        summary_text text,
        locale text CHECK (locale IN ('de', 'en')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        claimed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        ready_at timestamptz,
        expires_at timestamptz,
        CHECK (steps_done <= steps_total),
        CHECK (status <> 'READY' OR (data_json IS NOT NULL AND summary_text IS NOT NULL AND expires_at IS NOT NULL))
      )`);
    // One export at a time per person: a second request finds the open one.
    await q(`CREATE UNIQUE INDEX data_export_open_key ON data_export (user_id)
      WHERE status IN ('PENDING', 'RUNNING')`);
    await q(`CREATE INDEX data_export_user_idx ON data_export (user_id, created_at DESC)`);
    await q(`CREATE INDEX data_export_due_idx ON data_export (next_attempt_at)
      WHERE status IN ('PENDING', 'RUNNING')`);
    await q(
      `CREATE INDEX data_export_expiry_idx ON data_export (expires_at) WHERE status = 'READY'`,
    );

    await q(`ALTER TABLE data_export ENABLE ROW LEVEL SECURITY`);
    await q(`ALTER TABLE data_export FORCE ROW LEVEL SECURITY`);
    await q(`CREATE POLICY data_export_own ON data_export FOR SELECT
      USING (app_user_id() IS NOT NULL AND user_id = app_user_id())`);
    // A request only: the content is written by the worker (owner), never by a request.
    await q(`CREATE POLICY data_export_request ON data_export FOR INSERT
      WITH CHECK (app_user_id() IS NOT NULL AND user_id = app_user_id() AND status = 'PENDING'
        AND steps_done = 0 AND parts = '{}'::jsonb AND data_json IS NULL AND summary_text IS NULL)`);
    await q(`GRANT SELECT, INSERT ON data_export TO wissensnetz_app`);

    await q(`CREATE FUNCTION data_export_notify() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN PERFORM pg_notify('data_export', ''); RETURN NULL; END $$`);
    await q(`CREATE TRIGGER data_export_notify AFTER INSERT ON data_export
      FOR EACH STATEMENT EXECUTE FUNCTION data_export_notify()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE data_export`);
    await queryRunner.query(`DROP FUNCTION data_export_notify()`);
  }
}
