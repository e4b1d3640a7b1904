import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A tandem that is only proposed (or was declined) is the business of its two cities and
 * the organizers; everyone could read every tandem (tandem_read USING true). Active and
 * concluded tandems stay public, as the network shows them.
 */
export class ProposedTandemsStayWithTheirCities1764400000001 implements MigrationInterface {
  name = 'ProposedTandemsStayWithTheirCities1764400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY tandem_read ON tandem`);
    await queryRunner.query(`CREATE POLICY tandem_read ON tandem FOR SELECT USING (
      status IN ('ACTIVE', 'CONCLUDED') OR app_is_organizer()
      OR city_id = ANY (app_member_city_ids()) OR partner_city_id = ANY (app_member_city_ids()))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY tandem_read ON tandem`);
    await queryRunner.query(`CREATE POLICY tandem_read ON tandem FOR SELECT USING (true)`);
  }
}
