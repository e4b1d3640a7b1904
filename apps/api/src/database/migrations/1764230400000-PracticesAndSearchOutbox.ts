import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The best-practice library: practices with topics, revisions and attachments
 * (tenant-owned, row-level security by visibility), and the transactional
 * outbox that feeds Meilisearch.
 */
export class PracticesAndSearchOutbox1764230400000 implements MigrationInterface {
  name = 'PracticesAndSearchOutbox1764230400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);

    await q(`
      CREATE TABLE practice (
        city_id uuid NOT NULL REFERENCES city (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
        summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 1000),
        body text NOT NULL DEFAULT '' CHECK (length(body) <= 100000),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
        visibility text NOT NULL DEFAULT 'NETWORK' CHECK (visibility IN ('CITY', 'NETWORK', 'PUBLIC')),
        tags text[] NOT NULL DEFAULT '{}',
        contact_name text,
        contact_email text,
        period_from date,
        period_to date,
        outcomes text,
        resources_needed text,
        partners text,
        links jsonb NOT NULL DEFAULT '[]'::jsonb,
        revision int NOT NULL DEFAULT 1,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        updated_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        PRIMARY KEY (city_id, id),
        CHECK (period_to IS NULL OR period_from IS NULL OR period_to >= period_from)
      )`);
    await q(`CREATE UNIQUE INDEX practice_id_key ON practice (id)`);
    await q(`CREATE INDEX practice_city_status_idx ON practice (city_id, status, updated_at DESC)`);
    await q(`CREATE INDEX practice_published_idx ON practice (status, published_at DESC)`);

    await q(`
      CREATE TABLE practice_topic (
        city_id uuid NOT NULL,
        practice_id uuid NOT NULL,
        topic_id uuid NOT NULL REFERENCES topic (id) ON DELETE CASCADE,
        PRIMARY KEY (city_id, practice_id, topic_id),
        FOREIGN KEY (city_id, practice_id) REFERENCES practice (city_id, id) ON DELETE CASCADE
      )`);
    await q(`CREATE INDEX practice_topic_topic_idx ON practice_topic (topic_id)`);

    await q(`
      CREATE TABLE practice_revision (
        city_id uuid NOT NULL,
        practice_id uuid NOT NULL,
        number int NOT NULL,
        snapshot jsonb NOT NULL,
        author_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (city_id, practice_id, number),
        FOREIGN KEY (city_id, practice_id) REFERENCES practice (city_id, id) ON DELETE CASCADE
      )`);

    await q(`
      CREATE TABLE practice_attachment (
        city_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL,
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        content_type text NOT NULL,
        size_bytes int NOT NULL CHECK (size_bytes > 0),
        storage_key text NOT NULL,
        uploaded_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (city_id, id),
        FOREIGN KEY (city_id, practice_id) REFERENCES practice (city_id, id) ON DELETE CASCADE
      )`);
    await q(`CREATE UNIQUE INDEX practice_attachment_id_key ON practice_attachment (id)`);
    await q(
      `CREATE INDEX practice_attachment_practice_idx ON practice_attachment (city_id, practice_id)`,
    );

    // Written in the same transaction as the change; drained into Meilisearch by the worker.
    await q(`
      CREATE TABLE search_outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        index_name text NOT NULL,
        document_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        last_error text
      )`);
    await q(
      `CREATE INDEX search_outbox_pending_idx ON search_outbox (next_attempt_at, id) WHERE processed_at IS NULL`,
    );
    // Wake the worker at once instead of waiting for its next poll.
    await q(`CREATE FUNCTION search_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN PERFORM pg_notify('search_outbox', NEW.index_name); RETURN NULL; END $$`);
    await q(`CREATE TRIGGER search_outbox_notify AFTER INSERT ON search_outbox
      FOR EACH ROW EXECUTE FUNCTION search_outbox_notify()`);

    for (const table of [
      'practice',
      'practice_topic',
      'practice_revision',
      'practice_attachment',
    ]) {
      await q(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }
    // Read: the own city always; others see published PUBLIC (everyone) and NETWORK
    // (members of any city, organizers) entries; organizers also see non-CITY drafts
    // and archived entries so they can curate.
    await q(`CREATE FUNCTION practice_visible(p_city uuid, p_status text, p_visibility text) RETURNS boolean
      LANGUAGE sql STABLE AS $$
        SELECT p_city = ANY (app_member_city_ids())
            OR (p_visibility <> 'CITY' AND app_is_organizer())
            OR (p_status = 'PUBLISHED' AND (p_visibility = 'PUBLIC'
                OR (p_visibility = 'NETWORK' AND cardinality(app_member_city_ids()) > 0)))
      $$`);
    await q(
      `CREATE POLICY practice_read ON practice FOR SELECT USING (practice_visible(city_id, status, visibility))`,
    );
    await q(
      `CREATE POLICY practice_add ON practice FOR INSERT WITH CHECK (city_id = ANY (app_member_city_ids()))`,
    );
    await q(`CREATE POLICY practice_change ON practice FOR UPDATE
      USING (city_id = ANY (app_member_city_ids()) OR (visibility <> 'CITY' AND app_is_organizer()))
      WITH CHECK (city_id = ANY (app_member_city_ids()) OR (visibility <> 'CITY' AND app_is_organizer()))`);
    await q(
      `CREATE POLICY practice_remove ON practice FOR DELETE USING (city_id = ANY (app_coordinator_city_ids()))`,
    );

    // Parts of a practice follow the practice: visible exactly when it is (the
    // sub-select is itself filtered by practice_read), written by its city.
    for (const table of ['practice_topic', 'practice_revision', 'practice_attachment']) {
      await q(`CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (
        EXISTS (SELECT 1 FROM practice p WHERE p.city_id = ${table}.city_id AND p.id = ${table}.practice_id))`);
      await q(`CREATE POLICY ${table}_write ON ${table} FOR ALL
        USING (city_id = ANY (app_member_city_ids()) OR (app_is_organizer() AND EXISTS (
          SELECT 1 FROM practice p WHERE p.city_id = ${table}.city_id AND p.id = ${table}.practice_id)))
        WITH CHECK (city_id = ANY (app_member_city_ids()) OR (app_is_organizer() AND EXISTS (
          SELECT 1 FROM practice p WHERE p.city_id = ${table}.city_id AND p.id = ${table}.practice_id)))`);
    }

    await q(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON practice, practice_topic, practice_revision, practice_attachment TO wissensnetz_app`,
    );
    await q(`GRANT INSERT ON search_outbox TO wissensnetz_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'search_outbox',
      'practice_attachment',
      'practice_revision',
      'practice_topic',
      'practice',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION practice_visible(uuid, text, text)`);
    await queryRunner.query(`DROP FUNCTION search_outbox_notify()`);
  }
}
