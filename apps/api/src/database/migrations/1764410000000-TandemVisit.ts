import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a person last opened a tandem's page, so their city's workspace can count the notes
 * written since. One row per person and tandem; `city_id` is the tandem's (its new city),
 * so the row lives with the tandem. Only the person reads and writes their own rows.
 */
export class TandemVisit1764410000000 implements MigrationInterface {
  name = 'TandemVisit1764410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`
      CREATE TABLE tandem_visit (
        city_id uuid NOT NULL,
        tandem_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        seen_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (city_id, tandem_id, user_id),
        FOREIGN KEY (city_id, tandem_id) REFERENCES tandem (city_id, id) ON DELETE CASCADE
      )`);
    await q(`CREATE INDEX tandem_visit_user_idx ON tandem_visit (city_id, user_id)`);
    await q(`ALTER TABLE tandem_visit ENABLE ROW LEVEL SECURITY`);
    await q(`ALTER TABLE tandem_visit FORCE ROW LEVEL SECURITY`);
    await q(`CREATE POLICY tandem_visit_own ON tandem_visit FOR ALL
      USING (app_user_id() IS NOT NULL AND user_id = app_user_id())
      WITH CHECK (app_user_id() IS NOT NULL AND user_id = app_user_id())`);
    await q(`GRANT SELECT, INSERT, UPDATE, DELETE ON tandem_visit TO wissensnetz_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE tandem_visit`);
  }
}
