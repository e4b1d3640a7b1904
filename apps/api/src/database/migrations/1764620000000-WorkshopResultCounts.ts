import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14, workshops: the public page shows how many suggestions a workshop brought in,
 * never their texts (suggestions are not public). A definer function returns the counts
 * only, like `initiative_field_figures` does per action field.
 */
export class WorkshopResultCounts1764620000000 implements MigrationInterface {
  name = 'WorkshopResultCounts1764620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION workshop_result_counts(p_initiative uuid)
      RETURNS TABLE (workshop_id uuid, results bigint)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT w.id, count(s.id)
          FROM workshop w
          LEFT JOIN suggestion s ON s.city_id = w.city_id AND s.workshop_id = w.id
         WHERE w.initiative_id = p_initiative
         GROUP BY w.id
      $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION workshop_result_counts(uuid) FROM PUBLIC`);
    await queryRunner.query(
      `GRANT EXECUTE ON FUNCTION workshop_result_counts(uuid) TO wissensnetz_app`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION workshop_result_counts(uuid)`);
  }
}
