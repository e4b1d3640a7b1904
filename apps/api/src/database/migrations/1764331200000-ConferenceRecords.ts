import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a conference decided: records (minutes, decisions, outcomes, linked
 * practices) and follow-up actions with a responsible city. Readable by members
 * of the network; kept by organizers.
 */
export class ConferenceRecords1764331200000 implements MigrationInterface {
  name = 'ConferenceRecords1764331200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`
      CREATE TABLE conference_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference (id) ON DELETE CASCADE,
        agenda_session_id uuid,
        minutes text NOT NULL DEFAULT '' CHECK (length(minutes) <= 100000),
        decisions text NOT NULL DEFAULT '' CHECK (length(decisions) <= 20000),
        outcomes text NOT NULL DEFAULT '' CHECK (length(outcomes) <= 20000),
        practice_ids uuid[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'FINAL')),
        finalized_at timestamptz,
        updated_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (conference_id, agenda_session_id) REFERENCES agenda_session (conference_id, id) ON DELETE CASCADE
      )`);
    // One record for the whole conference and at most one per agenda session.
    await q(
      `CREATE UNIQUE INDEX conference_record_scope_key ON conference_record (conference_id, coalesce(agenda_session_id, '00000000-0000-0000-0000-000000000000'::uuid))`,
    );

    await q(`
      CREATE TABLE follow_up_action (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        record_id uuid NOT NULL REFERENCES conference_record (id) ON DELETE CASCADE,
        what text NOT NULL CHECK (length(what) BETWEEN 3 AND 1000),
        responsible_city_id uuid REFERENCES city (id) ON DELETE SET NULL,
        due_on date,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE')),
        created_at timestamptz NOT NULL DEFAULT now(),
        done_at timestamptz
      )`);
    await q(
      `CREATE INDEX follow_up_action_city_idx ON follow_up_action (responsible_city_id, status, due_on)`,
    );

    for (const table of ['conference_record', 'follow_up_action']) {
      await q(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q(
        `CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (cardinality(app_member_city_ids()) > 0 OR app_is_organizer())`,
      );
    }
    await q(
      `CREATE POLICY conference_record_keep ON conference_record FOR ALL USING (app_is_organizer()) WITH CHECK (app_is_organizer())`,
    );
    await q(
      `CREATE POLICY follow_up_action_plan ON follow_up_action FOR INSERT WITH CHECK (app_is_organizer())`,
    );
    await q(`CREATE POLICY follow_up_action_progress ON follow_up_action FOR UPDATE
      USING (app_is_organizer() OR responsible_city_id = ANY (app_coordinator_city_ids()))
      WITH CHECK (app_is_organizer() OR responsible_city_id = ANY (app_coordinator_city_ids()))`);
    await q(
      `GRANT SELECT, INSERT, UPDATE ON conference_record, follow_up_action TO wissensnetz_app`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE follow_up_action`);
    await queryRunner.query(`DROP TABLE conference_record`);
  }
}
