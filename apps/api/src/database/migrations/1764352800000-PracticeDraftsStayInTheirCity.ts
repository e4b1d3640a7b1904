import type { MigrationInterface, QueryRunner } from 'typeorm';

const PARTS = ['practice_topic', 'practice_revision', 'practice_attachment'];

/**
 * Drafts are visible to their own city only, organizers included (they used to read,
 * and through the parts' policies change, other cities' non-CITY drafts and their
 * revisions and attachments). Organizers keep what curation needs: published and
 * archived entries that are not CITY-only, and archiving them is their only change.
 * The parts of a practice (topics, revisions, attachments) are written by its city only.
 */
export class PracticeDraftsStayInTheirCity1764352800000 implements MigrationInterface {
  name = 'PracticeDraftsStayInTheirCity1764352800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`CREATE OR REPLACE FUNCTION practice_visible(p_city uuid, p_status text, p_visibility text)
      RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT p_city = ANY (app_member_city_ids())
            OR (app_is_organizer() AND p_visibility <> 'CITY' AND p_status IN ('PUBLISHED', 'ARCHIVED'))
            OR (p_status = 'PUBLISHED' AND (p_visibility = 'PUBLIC'
                OR (p_visibility = 'NETWORK' AND cardinality(app_member_city_ids()) > 0)))
      $$`);
    await q(`DROP POLICY practice_change ON practice`);
    await q(`CREATE POLICY practice_change ON practice FOR UPDATE
      USING (city_id = ANY (app_member_city_ids())
        OR (app_is_organizer() AND visibility <> 'CITY' AND status IN ('PUBLISHED', 'ARCHIVED')))
      WITH CHECK (city_id = ANY (app_member_city_ids())
        OR (app_is_organizer() AND visibility <> 'CITY' AND status = 'ARCHIVED'))`);
    for (const table of PARTS) {
      await q(`DROP POLICY ${table}_write ON ${table}`);
      await q(`CREATE POLICY ${table}_write ON ${table} FOR ALL
        USING (city_id = ANY (app_member_city_ids()))
        WITH CHECK (city_id = ANY (app_member_city_ids()))`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`CREATE OR REPLACE FUNCTION practice_visible(p_city uuid, p_status text, p_visibility text)
      RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT p_city = ANY (app_member_city_ids())
            OR (p_visibility <> 'CITY' AND app_is_organizer())
            OR (p_status = 'PUBLISHED' AND (p_visibility = 'PUBLIC'
                OR (p_visibility = 'NETWORK' AND cardinality(app_member_city_ids()) > 0)))
      $$`);
    await q(`DROP POLICY practice_change ON practice`);
    await q(`CREATE POLICY practice_change ON practice FOR UPDATE
      USING (city_id = ANY (app_member_city_ids()) OR (visibility <> 'CITY' AND app_is_organizer()))
      WITH CHECK (city_id = ANY (app_member_city_ids()) OR (visibility <> 'CITY' AND app_is_organizer()))`);
    for (const table of PARTS) {
      await q(`DROP POLICY ${table}_write ON ${table}`);
      await q(`CREATE POLICY ${table}_write ON ${table} FOR ALL
        USING (city_id = ANY (app_member_city_ids()) OR (app_is_organizer() AND EXISTS (
          SELECT 1 FROM practice p WHERE p.city_id = ${table}.city_id AND p.id = ${table}.practice_id)))
        WITH CHECK (city_id = ANY (app_member_city_ids()) OR (app_is_organizer() AND EXISTS (
          SELECT 1 FROM practice p WHERE p.city_id = ${table}.city_id AND p.id = ${table}.practice_id)))`);
    }
  }
}
