import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search words that found nothing, so the network office sees what is missing. No person:
 * only the normalised word, the day and how often; no user, address or city. Not
 * tenant-owned (a word belongs to nobody), so no city_id. Anybody's search writes through
 * log_unfound_search() (an upsert needs to read the row it adds to, and only organizers may
 * read); organizers read it; a retention job deletes days older than 12 months.
 */
export class UnfoundSearches1764550000000 implements MigrationInterface {
  name = 'UnfoundSearches1764550000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`
      CREATE TABLE unfound_search (
        term text NOT NULL CHECK (char_length(term) BETWEEN 1 AND 60),
        day date NOT NULL,
        count int NOT NULL DEFAULT 1 CHECK (count > 0),
        PRIMARY KEY (term, day)
      )`);
    await q(`CREATE INDEX unfound_search_day_idx ON unfound_search (day)`);
    await q(`ALTER TABLE unfound_search ENABLE ROW LEVEL SECURITY`);
    await q(`ALTER TABLE unfound_search FORCE ROW LEVEL SECURITY`);
    await q(`CREATE POLICY unfound_search_organizers ON unfound_search
      FOR SELECT USING (app_is_organizer())`);
    await q(`GRANT SELECT ON unfound_search TO wissensnetz_app`);
    await q(`CREATE FUNCTION log_unfound_search(p_term text, p_day date) RETURNS void
      LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
        INSERT INTO unfound_search (term, day) VALUES (p_term, p_day)
        ON CONFLICT (term, day) DO UPDATE SET count = unfound_search.count + 1
      $$`);
    await q(`REVOKE ALL ON FUNCTION log_unfound_search(text, date) FROM PUBLIC`);
    await q(`GRANT EXECUTE ON FUNCTION log_unfound_search(text, date) TO wissensnetz_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION log_unfound_search(text, date)`);
    await queryRunner.query(`DROP TABLE unfound_search`);
  }
}
