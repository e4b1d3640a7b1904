import type { MigrationInterface, QueryRunner } from 'typeorm';

const EDITORS = `city_id = ANY (app_coordinator_city_ids()) OR app_is_organizer()`;

/**
 * City profiles their coordinators (and organizers) edit: the about text and brand colour
 * move from `city` into the tenant table `city_profile` with contact, address, website
 * and logo; every save keeps a `city_profile_revision`; `city_focus_topic` becomes
 * writable by the same editors (row-level security on all three).
 */
export class CityProfiles1764420000000 implements MigrationInterface {
  name = 'CityProfiles1764420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`
      CREATE TABLE city_profile (
        city_id uuid PRIMARY KEY REFERENCES city (id) ON DELETE CASCADE,
        about text NOT NULL DEFAULT '' CHECK (length(about) <= 20000),
        contact_name text CHECK (length(contact_name) <= 120),
        contact_role text CHECK (length(contact_role) <= 120),
        contact_email text CHECK (length(contact_email) <= 254),
        contact_phone text CHECK (length(contact_phone) <= 40),
        address text CHECK (length(address) <= 500),
        website text CHECK (website ~ '^https?://' AND length(website) <= 500),
        brand_color text NOT NULL DEFAULT '#1f5f8b' CHECK (brand_color ~ '^#[0-9a-f]{6}$'),
        logo_id uuid,
        logo_content_type text CHECK (logo_content_type IN ('image/png', 'image/jpeg', 'image/webp')),
        logo_size_bytes int CHECK (logo_size_bytes > 0),
        logo_storage_key text,
        revision int NOT NULL DEFAULT 0 CHECK (revision >= 0),
        updated_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((logo_id IS NULL) = (logo_storage_key IS NULL))
      )`);
    // Copied before row-level security is on, so an owner without superuser rights can too.
    await q(`INSERT INTO city_profile (city_id, about, brand_color)
             SELECT id, coalesce(profile, ''), brand_color FROM city`);
    await q(`ALTER TABLE city DROP COLUMN profile, DROP COLUMN brand_color`);
    await q(`ALTER TABLE city_profile ENABLE ROW LEVEL SECURITY`);
    await q(`ALTER TABLE city_profile FORCE ROW LEVEL SECURITY`);
    // The profile is the city's public face: everyone reads it.
    await q(`CREATE POLICY city_profile_read ON city_profile FOR SELECT USING (true)`);
    await q(`CREATE POLICY city_profile_insert ON city_profile FOR INSERT WITH CHECK (${EDITORS})`);
    await q(
      `CREATE POLICY city_profile_update ON city_profile FOR UPDATE USING (${EDITORS}) WITH CHECK (${EDITORS})`,
    );
    await q(`GRANT SELECT, INSERT, UPDATE ON city_profile TO wissensnetz_app`);

    await q(`
      CREATE TABLE city_profile_revision (
        city_id uuid NOT NULL REFERENCES city (id) ON DELETE CASCADE,
        number int NOT NULL CHECK (number > 0),
        snapshot jsonb NOT NULL,
        author_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (city_id, number)
      )`);
    await q(`ALTER TABLE city_profile_revision ENABLE ROW LEVEL SECURITY`);
    await q(`ALTER TABLE city_profile_revision FORCE ROW LEVEL SECURITY`);
    await q(`CREATE POLICY city_profile_revision_read ON city_profile_revision FOR SELECT
             USING (city_id = ANY (app_member_city_ids()) OR app_is_organizer())`);
    await q(`CREATE POLICY city_profile_revision_insert ON city_profile_revision FOR INSERT
             WITH CHECK ((${EDITORS}) AND author_id = app_user_id())`);
    await q(`GRANT SELECT, INSERT ON city_profile_revision TO wissensnetz_app`);

    await q(`ALTER TABLE city_focus_topic ENABLE ROW LEVEL SECURITY`);
    await q(`ALTER TABLE city_focus_topic FORCE ROW LEVEL SECURITY`);
    await q(`CREATE POLICY city_focus_topic_read ON city_focus_topic FOR SELECT USING (true)`);
    await q(
      `CREATE POLICY city_focus_topic_insert ON city_focus_topic FOR INSERT WITH CHECK (${EDITORS})`,
    );
    await q(
      `CREATE POLICY city_focus_topic_delete ON city_focus_topic FOR DELETE USING (${EDITORS})`,
    );
    await q(`GRANT INSERT, DELETE ON city_focus_topic TO wissensnetz_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`REVOKE INSERT, DELETE ON city_focus_topic FROM wissensnetz_app`);
    await q(`DROP POLICY city_focus_topic_delete ON city_focus_topic`);
    await q(`DROP POLICY city_focus_topic_insert ON city_focus_topic`);
    await q(`DROP POLICY city_focus_topic_read ON city_focus_topic`);
    await q(`ALTER TABLE city_focus_topic NO FORCE ROW LEVEL SECURITY`);
    await q(`ALTER TABLE city_focus_topic DISABLE ROW LEVEL SECURITY`);
    await q(`DROP TABLE city_profile_revision`);
    await q(`ALTER TABLE city ADD COLUMN profile text`);
    await q(
      `ALTER TABLE city ADD COLUMN brand_color text NOT NULL DEFAULT '#1f5f8b' CHECK (brand_color ~ '^#[0-9a-f]{6}$')`,
    );
    await q(`ALTER TABLE city_profile NO FORCE ROW LEVEL SECURITY`);
    await q(`UPDATE city SET profile = nullif(p.about, ''), brand_color = p.brand_color
             FROM city_profile p WHERE p.city_id = city.id`);
    await q(`DROP TABLE city_profile`);
  }
}
