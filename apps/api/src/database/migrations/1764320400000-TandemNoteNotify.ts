import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Announces new tandem notes to every API instance (LISTEN tandem_note_added) after commit. */
export class TandemNoteNotify1764320400000 implements MigrationInterface {
  name = 'TandemNoteNotify1764320400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Only ids travel: each subscriber loads the note under its own row-level security.
    await queryRunner.query(`CREATE FUNCTION tandem_note_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('tandem_note_added', json_build_object('tandemId', NEW.tandem_id, 'noteId', NEW.id)::text);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER tandem_note_notify AFTER INSERT ON tandem_note
      FOR EACH ROW EXECUTE FUNCTION tandem_note_notify()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER tandem_note_notify ON tandem_note`);
    await queryRunner.query(`DROP FUNCTION tandem_note_notify()`);
  }
}
