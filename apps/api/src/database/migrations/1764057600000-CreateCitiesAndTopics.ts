import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The network's member cities and its topic taxonomy. Also creates the
 * application role the API connects as: it owns nothing, so row-level security
 * (FORCE) applies to it once tenant tables arrive.
 */
export class CreateCitiesAndTopics1764057600000 implements MigrationInterface {
  name = 'CreateCitiesAndTopics1764057600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'wissensnetz_app') THEN
          CREATE ROLE wissensnetz_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
        END IF;
      END $$`);
    // German alphabetical order (Ö next to O) for lists of cities and topics.
    await queryRunner.query(
      `CREATE COLLATION IF NOT EXISTS german (provider = icu, locale = 'de-DE')`,
    );

    await queryRunner.query(`
      CREATE TABLE topic (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name text COLLATE german NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 120),
        description text,
        description_en text,
        parent_id uuid REFERENCES topic (id) ON DELETE RESTRICT,
        position int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX topic_parent_idx ON topic (parent_id, position)`);

    await queryRunner.query(`
      CREATE TABLE city (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name text COLLATE german NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        kind text NOT NULL CHECK (kind IN ('CITY', 'DISTRICT', 'COMMUNITY')),
        federal_state text NOT NULL CHECK (federal_state ~ '^DE-(BW|BY|BE|BB|HB|HH|HE|MV|NI|NW|RP|SL|SN|ST|SH|TH)$'),
        joined_year int NOT NULL CHECK (joined_year BETWEEN 2000 AND 2100),
        population int CHECK (population > 0),
        latitude double precision CHECK (latitude BETWEEN 47 AND 56),
        longitude double precision CHECK (longitude BETWEEN 5 AND 16),
        profile text,
        brand_color text NOT NULL DEFAULT '#1f5f8b' CHECK (brand_color ~ '^#[0-9a-f]{6}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX city_name_idx ON city (name, id)`);
    await queryRunner.query(`CREATE INDEX city_state_idx ON city (federal_state)`);
    await queryRunner.query(`CREATE INDEX city_joined_year_idx ON city (joined_year)`);

    await queryRunner.query(`
      CREATE TABLE city_focus_topic (
        city_id uuid NOT NULL REFERENCES city (id) ON DELETE CASCADE,
        topic_id uuid NOT NULL REFERENCES topic (id) ON DELETE CASCADE,
        PRIMARY KEY (city_id, topic_id)
      )`);

    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO wissensnetz_app`);
    await queryRunner.query(`GRANT SELECT ON city, topic, city_focus_topic TO wissensnetz_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE city_focus_topic`);
    await queryRunner.query(`DROP TABLE city`);
    await queryRunner.query(`DROP TABLE topic`);
  }
}
