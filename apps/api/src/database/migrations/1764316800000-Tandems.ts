import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tandems between a new city and an experienced partner, and their private notes.
 * A tandem row is known network-wide (both city pages show the partner); notes are
 * readable and writable only by members of the two cities.
 */
export class Tandems1764316800000 implements MigrationInterface {
  name = 'Tandems1764316800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`
      CREATE TABLE tandem (
        city_id uuid NOT NULL REFERENCES city (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        partner_city_id uuid NOT NULL REFERENCES city (id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED', 'ACTIVE', 'CONCLUDED', 'DECLINED')),
        goals text NOT NULL DEFAULT '' CHECK (length(goals) <= 5000),
        starts_on date NOT NULL DEFAULT current_date,
        planned_end_on date NOT NULL DEFAULT (current_date + interval '1 year')::date,
        proposed_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        new_city_accepted_at timestamptz,
        partner_city_accepted_at timestamptz,
        declined_by_city_id uuid REFERENCES city (id) ON DELETE SET NULL,
        decline_reason text CHECK (length(decline_reason) <= 2000),
        concluded_at timestamptz,
        outcome_summary text CHECK (length(outcome_summary) <= 5000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (city_id, id),
        CHECK (city_id <> partner_city_id),
        CHECK (planned_end_on >= starts_on)
      )`);
    await q(`CREATE UNIQUE INDEX tandem_id_key ON tandem (id)`);
    await q(`CREATE INDEX tandem_partner_idx ON tandem (partner_city_id)`);
    // One open tandem per pair of cities, whichever side is the new one.
    await q(`CREATE UNIQUE INDEX tandem_open_pair_key ON tandem (least(city_id, partner_city_id), greatest(city_id, partner_city_id))
      WHERE status IN ('PROPOSED', 'ACTIVE')`);

    await q(`
      CREATE TABLE tandem_note (
        city_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        tandem_id uuid NOT NULL,
        partner_city_id uuid NOT NULL,
        author_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        author_city_id uuid REFERENCES city (id) ON DELETE SET NULL,
        kind text NOT NULL CHECK (kind IN ('NOTE', 'AGREEMENT', 'VISIT', 'QUESTION')),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
        visit_date date,
        place text CHECK (length(place) <= 200),
        revision int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (city_id, id),
        FOREIGN KEY (city_id, tandem_id) REFERENCES tandem (city_id, id) ON DELETE CASCADE,
        CHECK (kind <> 'VISIT' OR visit_date IS NOT NULL)
      )`);
    await q(`CREATE UNIQUE INDEX tandem_note_id_key ON tandem_note (id)`);
    await q(
      `CREATE INDEX tandem_note_tandem_idx ON tandem_note (city_id, tandem_id, created_at DESC)`,
    );

    await q(`
      CREATE TABLE tandem_note_revision (
        city_id uuid NOT NULL,
        note_id uuid NOT NULL,
        number int NOT NULL,
        partner_city_id uuid NOT NULL,
        body text NOT NULL,
        visit_date date,
        place text,
        author_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (city_id, note_id, number),
        FOREIGN KEY (city_id, note_id) REFERENCES tandem_note (city_id, id) ON DELETE CASCADE
      )`);

    for (const table of ['tandem', 'tandem_note', 'tandem_note_revision']) {
      await q(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }
    await q(`CREATE POLICY tandem_read ON tandem FOR SELECT USING (true)`);
    await q(`CREATE POLICY tandem_propose ON tandem FOR INSERT WITH CHECK (app_is_organizer())`);
    await q(`CREATE POLICY tandem_change ON tandem FOR UPDATE
      USING (app_is_organizer() OR city_id = ANY (app_coordinator_city_ids()) OR partner_city_id = ANY (app_coordinator_city_ids()))
      WITH CHECK (app_is_organizer() OR city_id = ANY (app_coordinator_city_ids()) OR partner_city_id = ANY (app_coordinator_city_ids()))`);
    // Notes: only the two cities, not even organizers.
    for (const table of ['tandem_note', 'tandem_note_revision']) {
      await q(`CREATE POLICY ${table}_pair ON ${table} FOR SELECT USING (
        city_id = ANY (app_member_city_ids()) OR partner_city_id = ANY (app_member_city_ids()))`);
      await q(`CREATE POLICY ${table}_add ON ${table} FOR INSERT WITH CHECK (
        (city_id = ANY (app_member_city_ids()) OR partner_city_id = ANY (app_member_city_ids())) AND author_id = app_user_id())`);
    }
    await q(`CREATE POLICY tandem_note_edit ON tandem_note FOR UPDATE
      USING (author_id = app_user_id() AND (city_id = ANY (app_member_city_ids()) OR partner_city_id = ANY (app_member_city_ids())))
      WITH CHECK (author_id = app_user_id())`);
    await q(`CREATE POLICY tandem_note_delete ON tandem_note FOR DELETE USING (
      author_id = app_user_id() AND (city_id = ANY (app_member_city_ids()) OR partner_city_id = ANY (app_member_city_ids())))`);
    // The note's partner city must be its tandem's: a note cannot be slipped to a third city.
    await q(`CREATE FUNCTION tandem_note_pair_check() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM tandem t WHERE t.city_id = NEW.city_id AND t.id = NEW.tandem_id AND t.partner_city_id = NEW.partner_city_id) THEN
          RAISE EXCEPTION 'tandem note does not match its tandem' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q(`CREATE TRIGGER tandem_note_pair_check BEFORE INSERT OR UPDATE ON tandem_note
      FOR EACH ROW EXECUTE FUNCTION tandem_note_pair_check()`);

    await q(`GRANT SELECT, INSERT, UPDATE ON tandem TO wissensnetz_app`);
    await q(`GRANT SELECT, INSERT, UPDATE, DELETE ON tandem_note TO wissensnetz_app`);
    await q(`GRANT SELECT, INSERT ON tandem_note_revision TO wissensnetz_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE tandem_note_revision`);
    await queryRunner.query(`DROP TABLE tandem_note`);
    await queryRunner.query(`DROP TABLE tandem`);
    await queryRunner.query(`DROP FUNCTION tandem_note_pair_check()`);
  }
}
