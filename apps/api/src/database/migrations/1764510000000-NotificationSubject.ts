import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a notification is about, named for people ("Tandem Stendal–Halberstadt", a
 * practice's title): the in-app list groups notifications of one kind and link under it.
 * Empty for notifications written before.
 */
export class NotificationSubject1764510000000 implements MigrationInterface {
  name = 'NotificationSubject1764510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE notification_outbox ADD COLUMN subject text NOT NULL DEFAULT ''`,
    );
    await queryRunner.query(`ALTER TABLE notification ADD COLUMN subject text NOT NULL DEFAULT ''`);
    // Opening a page marks its notifications read: found by the person and the link.
    await queryRunner.query(
      `CREATE INDEX notification_unread_link_idx ON notification (user_id, link) WHERE read_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX notification_unread_link_idx`);
    await queryRunner.query(`ALTER TABLE notification DROP COLUMN subject`);
    await queryRunner.query(`ALTER TABLE notification_outbox DROP COLUMN subject`);
  }
}
