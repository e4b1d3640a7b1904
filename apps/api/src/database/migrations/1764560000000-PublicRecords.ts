import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: public conference records. An organizer marks a FINAL record public (and may
 * take that back); `published_at` is when it last became public (the records feed's
 * order). Anyone — also a visitor without an account — may read a record that is FINAL
 * and public: a permissive SELECT policy next to the members' one. A draft can never be
 * public (CHECK), so un-finalizing is not needed to keep a draft from leaking.
 */
export class PublicRecords1764560000000 implements MigrationInterface {
  name = 'PublicRecords1764560000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`ALTER TABLE conference_record ADD COLUMN public boolean NOT NULL DEFAULT false`);
    await q(`ALTER TABLE conference_record ADD COLUMN published_at timestamptz`);
    await q(`ALTER TABLE conference_record ADD CONSTRAINT conference_record_public_final_check
      CHECK (NOT public OR (status = 'FINAL' AND published_at IS NOT NULL))`);
    await q(`CREATE INDEX conference_record_public_idx ON conference_record (published_at DESC)
      WHERE public`);
    await q(`CREATE POLICY conference_record_public_read ON conference_record FOR SELECT
      USING (public AND status = 'FINAL')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP POLICY conference_record_public_read ON conference_record`);
    await q(`DROP INDEX conference_record_public_idx`);
    await q(`ALTER TABLE conference_record DROP CONSTRAINT conference_record_public_final_check`);
    await q(`ALTER TABLE conference_record DROP COLUMN published_at`);
    await q(`ALTER TABLE conference_record DROP COLUMN public`);
  }
}
