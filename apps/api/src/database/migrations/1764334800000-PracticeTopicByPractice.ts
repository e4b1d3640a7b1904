import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The topics of a page of practices are read by practice id alone (search hits,
 * the Practice.topics loader). The primary key leads with city_id, so without
 * this index PostgreSQL walked the whole key index for every page (measured by
 * bench/search.mjs: ~1.5 ms of a search on 10,000 practices, growing with them).
 */
export class PracticeTopicByPractice1764334800000 implements MigrationInterface {
  name = 'PracticeTopicByPractice1764334800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX practice_topic_practice_idx ON practice_topic (practice_id, topic_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX practice_topic_practice_idx`);
  }
}
