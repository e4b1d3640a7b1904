import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The scheduler's memory and what the retention jobs need.
 *
 * - `scheduled_job_run`: one row per run of a scheduled job (the time it ran for, when it
 *   started and finished, the error if it failed). "Due" is read from here, so it survives
 *   restarts and is the same for every instance. Owner only: the application role gets no
 *   grant (the scheduler runs on the owner connection).
 * - `audit_log.actor_pseudonym`: after RETENTION_AUDIT_MONTHS an entry keeps its actor only
 *   as a pseudonym (the same person gives the same pseudonym, so "who did these together"
 *   still reads), derived with a key kept in `audit_pseudonym_key` (owner only, one row).
 */
export class ScheduledJobsAndRetention1764480000000 implements MigrationInterface {
  name = 'ScheduledJobsAndRetention1764480000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`
      CREATE TABLE scheduled_job_run (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL CHECK (name ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        ran_for timestamptz NOT NULL,
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        error text
      )`);
    await q(`CREATE INDEX scheduled_job_run_name_idx ON scheduled_job_run (name, ran_for DESC)`);

    await q(`ALTER TABLE audit_log ADD COLUMN actor_pseudonym text`);
    await q(`
      CREATE TABLE audit_pseudonym_key (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        secret text NOT NULL
      )`);
    // 2 × 122 random bits (gen_random_uuid is core since PostgreSQL 13; pgcrypto is not needed).
    await q(`INSERT INTO audit_pseudonym_key (secret)
      VALUES (replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP TABLE audit_pseudonym_key`);
    await q(`ALTER TABLE audit_log DROP COLUMN actor_pseudonym`);
    await q(`DROP TABLE scheduled_job_run`);
  }
}
