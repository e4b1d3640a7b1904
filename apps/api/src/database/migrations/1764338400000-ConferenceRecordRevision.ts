import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Records get a revision number, so two organizers editing the same record cannot
 * overwrite each other: a save names the revision it started from (see
 * ConferenceRecordService.save).
 */
export class ConferenceRecordRevision1764338400000 implements MigrationInterface {
  name = 'ConferenceRecordRevision1764338400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE conference_record ADD COLUMN revision int NOT NULL DEFAULT 1 CHECK (revision > 0)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE conference_record DROP COLUMN revision`);
  }
}
