import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['workshop', 'measure', 'measure_suggestion', 'measure_model_practice'];

/**
 * Issue 14, second part: what the steering group makes of the suggestions.
 *
 * - `workshop`: a workshop held in one action field (date, how many took part, outcomes).
 *   Its results are suggestions of channel WORKSHOP (`suggestion.workshop_id`).
 * - `measure` (Maßnahme): title, action field, goal, responsible actors (organisations),
 *   status PLANNED → RUNNING → DONE; `practice_id` once a done measure became a practice.
 * - `measure_suggestion`: the suggestions a measure takes up (one suggestion, one measure).
 * - `measure_model_practice`: practices of other cities that inspired it ("Vorbild").
 *
 * Workshops and measures are public (the initiative page shows them; no personal data);
 * only the initiative's queue users write them. A link to a suggestion is visible only to
 * those who see the suggestion. The public counts per field come from
 * `initiative_field_figures`, a definer function that returns counts only, so that a
 * visitor learns how many suggestions came in without reading one.
 */
export class MeasuresAndWorkshops1764570000000 implements MigrationInterface {
  name = 'MeasuresAndWorkshops1764570000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`
      CREATE TABLE workshop (
        city_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
        initiative_id uuid NOT NULL,
        field_id uuid NOT NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        held_on date NOT NULL,
        participants int NOT NULL DEFAULT 0 CHECK (participants BETWEEN 0 AND 100000),
        outcomes text NOT NULL DEFAULT '' CHECK (length(outcomes) <= 8000),
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (city_id, id),
        UNIQUE (city_id, initiative_id, field_id, id),
        FOREIGN KEY (city_id, initiative_id, field_id)
          REFERENCES initiative_field (city_id, initiative_id, id) ON DELETE CASCADE
      )`);
    await q(`CREATE INDEX workshop_initiative_idx ON workshop (city_id, initiative_id, held_on)`);
    await q(`ALTER TABLE suggestion ADD COLUMN workshop_id uuid`);
    await q(`ALTER TABLE suggestion ADD CONSTRAINT suggestion_workshop_fk
      FOREIGN KEY (city_id, initiative_id, field_id, workshop_id)
      REFERENCES workshop (city_id, initiative_id, field_id, id)`);
    await q(`ALTER TABLE suggestion ADD CONSTRAINT suggestion_workshop_channel
      CHECK (workshop_id IS NULL OR channel = 'WORKSHOP')`);
    await q(`CREATE INDEX suggestion_workshop_idx ON suggestion (city_id, workshop_id)
      WHERE workshop_id IS NOT NULL`);

    await q(`
      CREATE TABLE measure (
        city_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
        initiative_id uuid NOT NULL,
        field_id uuid NOT NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
        goal text NOT NULL DEFAULT '' CHECK (length(goal) <= 4000),
        actors text NOT NULL DEFAULT '' CHECK (length(actors) <= 1000),
        status text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'RUNNING', 'DONE')),
        practice_id uuid REFERENCES practice (id) ON DELETE SET NULL,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (city_id, id),
        FOREIGN KEY (city_id, initiative_id, field_id)
          REFERENCES initiative_field (city_id, initiative_id, id) ON DELETE CASCADE,
        CHECK (practice_id IS NULL OR status = 'DONE')
      )`);
    await q(`CREATE INDEX measure_initiative_idx ON measure (city_id, initiative_id, field_id)`);
    await q(`
      CREATE TABLE measure_suggestion (
        city_id uuid NOT NULL,
        measure_id uuid NOT NULL,
        suggestion_id uuid NOT NULL,
        PRIMARY KEY (city_id, suggestion_id),
        FOREIGN KEY (city_id, measure_id) REFERENCES measure (city_id, id) ON DELETE CASCADE,
        FOREIGN KEY (city_id, suggestion_id) REFERENCES suggestion (city_id, id) ON DELETE CASCADE
      )`);
    await q(
      `CREATE INDEX measure_suggestion_measure_idx ON measure_suggestion (city_id, measure_id)`,
    );
    await q(`
      CREATE TABLE measure_model_practice (
        city_id uuid NOT NULL,
        measure_id uuid NOT NULL,
        practice_id uuid NOT NULL REFERENCES practice (id) ON DELETE CASCADE,
        PRIMARY KEY (city_id, measure_id, practice_id),
        FOREIGN KEY (city_id, measure_id) REFERENCES measure (city_id, id) ON DELETE CASCADE
      )`);

    for (const table of TABLES) {
      await q(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }
    for (const table of ['workshop', 'measure', 'measure_model_practice'])
      await q(`CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (true)`);
    for (const table of ['workshop', 'measure'])
      await q(`CREATE POLICY ${table}_write ON ${table} FOR ALL
        USING (initiative_queue_user(city_id, initiative_id))
        WITH CHECK (initiative_queue_user(city_id, initiative_id))`);
    // The link tables reach their initiative through the measure.
    await q(`CREATE FUNCTION measure_queue_user(p_city uuid, p_measure uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT EXISTS (SELECT 1 FROM measure m
                        WHERE m.city_id = p_city AND m.id = p_measure
                          AND initiative_queue_user(m.city_id, m.initiative_id))
      $$`);
    await q(`CREATE POLICY measure_model_practice_write ON measure_model_practice FOR ALL
      USING (measure_queue_user(city_id, measure_id))
      WITH CHECK (measure_queue_user(city_id, measure_id))`);
    // A measure's link to a suggestion is seen by whoever sees the suggestion.
    await q(`CREATE POLICY measure_suggestion_read ON measure_suggestion FOR SELECT USING (
      EXISTS (SELECT 1 FROM suggestion s WHERE s.city_id = measure_suggestion.city_id
                 AND s.id = measure_suggestion.suggestion_id))`);
    await q(`CREATE POLICY measure_suggestion_write ON measure_suggestion FOR ALL
      USING (measure_queue_user(city_id, measure_id))
      WITH CHECK (measure_queue_user(city_id, measure_id))`);
    for (const table of TABLES)
      await q(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO wissensnetz_app`);

    // Public counts per action field: suggestions received (withdrawn ones and duplicates
    // merged into another do not count) and taken up. Counts only, never a row.
    await q(`CREATE FUNCTION initiative_field_figures(p_initiative uuid)
      RETURNS TABLE (field_id uuid, received bigint, taken_up bigint)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT f.id,
               count(s.id) FILTER (WHERE s.status <> 'WITHDRAWN' AND s.merged_into_id IS NULL),
               count(s.id) FILTER (WHERE s.status = 'TAKEN_UP' AND s.merged_into_id IS NULL)
          FROM initiative_field f
          LEFT JOIN suggestion s ON s.city_id = f.city_id AND s.field_id = f.id
         WHERE f.initiative_id = p_initiative
         GROUP BY f.id
      $$`);
    await q(`REVOKE ALL ON FUNCTION initiative_field_figures(uuid) FROM PUBLIC`);
    await q(`GRANT EXECUTE ON FUNCTION initiative_field_figures(uuid) TO wissensnetz_app`);
    await q(`REVOKE ALL ON FUNCTION measure_queue_user(uuid, uuid) FROM PUBLIC`);
    await q(`GRANT EXECUTE ON FUNCTION measure_queue_user(uuid, uuid) TO wissensnetz_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP FUNCTION initiative_field_figures(uuid)`);
    await q(`DROP TABLE measure_model_practice`);
    await q(`DROP TABLE measure_suggestion`);
    await q(`DROP FUNCTION measure_queue_user(uuid, uuid)`);
    await q(`DROP TABLE measure`);
    await q(`ALTER TABLE suggestion DROP COLUMN workshop_id`);
    await q(`DROP TABLE workshop`);
  }
}
