import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Kept in step with NotificationKind (modules/notifications/dto/notification-message.ts). */
const OLD_KINDS = `'TANDEM_NOTE_ADDED', 'TANDEM_STATUS_CHANGED', 'REGISTRATION_CONFIRMED'`;
const KINDS = `${OLD_KINDS}, 'PRACTICE_SUBMITTED', 'PRACTICE_RETURNED', 'PRACTICE_PUBLISHED'`;

/**
 * Members submit drafts for review: a status IN_REVIEW beside DRAFT (seen like a draft:
 * practice_visible only lets published entries and, for organizers, archived ones out of
 * their city, so no policy changes), the coordinator's comment when sending one back, and
 * notifications addressed to a city's coordinators or to one person (the author) instead
 * of every member.
 */
export class PracticeReview1764400000000 implements MigrationInterface {
  name = 'PracticeReview1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`ALTER TABLE practice DROP CONSTRAINT practice_status_check`);
    await q(`ALTER TABLE practice ADD CONSTRAINT practice_status_check
      CHECK (status IN ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED'))`);
    await q(`ALTER TABLE practice
      ADD COLUMN review_comment text CHECK (char_length(review_comment) <= 2000),
      ADD COLUMN review_comment_at timestamptz,
      ADD COLUMN review_comment_by uuid REFERENCES app_user (id) ON DELETE SET NULL`);
    for (const table of ['notification', 'notification_outbox']) {
      await q(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_kind_check`);
      await q(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_kind_check CHECK (kind IN (${KINDS}))`);
    }
    await q(`ALTER TABLE notification_outbox
      ADD COLUMN recipient_role text CHECK (recipient_role IN ('COORDINATOR', 'MEMBER')),
      ADD COLUMN recipient_user_id uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DELETE FROM notification_outbox WHERE kind NOT IN (${OLD_KINDS})`);
    await q(`DELETE FROM notification WHERE kind NOT IN (${OLD_KINDS})`);
    await q(
      `ALTER TABLE notification_outbox DROP COLUMN recipient_role, DROP COLUMN recipient_user_id`,
    );
    for (const table of ['notification', 'notification_outbox']) {
      await q(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_kind_check`);
      await q(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_kind_check CHECK (kind IN (${OLD_KINDS}))`,
      );
    }
    await q(`ALTER TABLE practice DROP COLUMN review_comment, DROP COLUMN review_comment_at,
      DROP COLUMN review_comment_by`);
    // A submission is a draft again.
    await q(`UPDATE practice SET status = 'DRAFT' WHERE status = 'IN_REVIEW'`);
    await q(`ALTER TABLE practice DROP CONSTRAINT practice_status_check`);
    await q(`ALTER TABLE practice ADD CONSTRAINT practice_status_check
      CHECK (status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED'))`);
  }
}
