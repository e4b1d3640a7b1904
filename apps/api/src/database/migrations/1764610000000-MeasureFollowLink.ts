import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14: a resident following their private link sees the measure their suggestion was
 * taken up into (title and status; measures are public anyway). The link has no account
 * behind it, so, like `suggestion_follow`, a definer function answers for the token's hash.
 */
export class MeasureFollowLink1764610000000 implements MigrationInterface {
  name = 'MeasureFollowLink1764610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION suggestion_follow_measure(p_token_hash text)
      RETURNS TABLE (id uuid, title text, status text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT m.id, m.title, m.status
          FROM suggestion s
          JOIN measure_suggestion ms ON ms.city_id = s.city_id AND ms.suggestion_id = s.id
          JOIN measure m ON m.city_id = ms.city_id AND m.id = ms.measure_id
         WHERE s.follow_token_hash = p_token_hash AND s.follow_token_revoked_at IS NULL
           AND s.status = 'TAKEN_UP'
      $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION suggestion_follow_measure(text) FROM PUBLIC`);
    await queryRunner.query(
      `GRANT EXECUTE ON FUNCTION suggestion_follow_measure(text) TO wissensnetz_app`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION suggestion_follow_measure(text)`);
  }
}
