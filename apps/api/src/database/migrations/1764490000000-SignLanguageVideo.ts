import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The network's sign-language (DGS) video (BITV 2.0 § 4): one per deployment, network-wide
 * like the legal pages, so there is no city_id. Everybody reads it; organizers replace or
 * remove it (RLS). The file itself lives in the FileStorage under `storage_key`.
 */
export class SignLanguageVideo1764490000000 implements MigrationInterface {
  name = 'SignLanguageVideo1764490000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`
      CREATE TABLE sign_language_video (
        slot smallint PRIMARY KEY DEFAULT 1 CHECK (slot = 1),
        file_id uuid NOT NULL,
        file_name text NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 200),
        content_type text NOT NULL CHECK (content_type IN ('video/mp4', 'video/webm')),
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        duration_seconds double precision NOT NULL CHECK (duration_seconds > 0),
        caption text NOT NULL CHECK (char_length(caption) BETWEEN 1 AND 2000),
        storage_key text NOT NULL,
        uploaded_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q(`ALTER TABLE sign_language_video ENABLE ROW LEVEL SECURITY`);
    await q(`ALTER TABLE sign_language_video FORCE ROW LEVEL SECURITY`);
    await q(`CREATE POLICY sign_language_video_read ON sign_language_video
      FOR SELECT USING (true)`);
    await q(`CREATE POLICY sign_language_video_insert ON sign_language_video
      FOR INSERT WITH CHECK (app_is_organizer() AND uploaded_by = app_user_id())`);
    await q(`CREATE POLICY sign_language_video_update ON sign_language_video
      FOR UPDATE USING (app_is_organizer()) WITH CHECK (app_is_organizer() AND uploaded_by = app_user_id())`);
    await q(`CREATE POLICY sign_language_video_delete ON sign_language_video
      FOR DELETE USING (app_is_organizer())`);
    await q(`GRANT SELECT, INSERT, UPDATE, DELETE ON sign_language_video TO wissensnetz_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE sign_language_video`);
  }
}
