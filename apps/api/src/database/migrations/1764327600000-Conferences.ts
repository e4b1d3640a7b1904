import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Network meetings, regional conferences, online exchanges and trainings; their
 * agenda; and the cities' registrations with participants (personal data: only
 * the registering city and organizers may read them).
 */
export class Conferences1764327600000 implements MigrationInterface {
  name = 'Conferences1764327600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`
      CREATE TABLE conference (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
        description text NOT NULL DEFAULT '',
        kind text NOT NULL CHECK (kind IN ('NETWORK_MEETING', 'REGIONAL_CONFERENCE', 'ONLINE_EXCHANGE', 'TRAINING')),
        region text CHECK (region IN ('NORTH', 'EAST', 'SOUTH', 'WEST')),
        federal_states text[] NOT NULL DEFAULT '{}',
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        venue text,
        online_url text,
        host_city_id uuid REFERENCES city (id) ON DELETE SET NULL,
        capacity int NOT NULL CHECK (capacity > 0),
        confirmed_participants int NOT NULL DEFAULT 0 CHECK (confirmed_participants >= 0),
        registration_opens_at timestamptz,
        registration_closes_at timestamptz,
        status text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'OPEN', 'CLOSED', 'HELD', 'CANCELLED')),
        ics_sequence int NOT NULL DEFAULT 0,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at),
        CHECK (kind <> 'REGIONAL_CONFERENCE' OR region IS NOT NULL),
        CHECK (registration_closes_at IS NULL OR registration_opens_at IS NULL OR registration_closes_at > registration_opens_at)
      )`);
    await q(`CREATE INDEX conference_starts_idx ON conference (starts_at)`);

    await q(`
      CREATE TABLE agenda_session (
        conference_id uuid NOT NULL REFERENCES conference (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
        format text NOT NULL DEFAULT 'TALK' CHECK (format IN ('TALK', 'WORKSHOP', 'WORLD_CAFE', 'PANEL', 'BREAK', 'OTHER')),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        room text NOT NULL DEFAULT '',
        speakers text NOT NULL DEFAULT '',
        topic_slugs text[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (conference_id, id),
        CHECK (ends_at > starts_at)
      )`);

    await q(`
      CREATE TABLE registration (
        city_id uuid NOT NULL REFERENCES city (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('CONFIRMED', 'WAITLISTED', 'CANCELLED')),
        participant_count int NOT NULL CHECK (participant_count BETWEEN 1 AND 50),
        registered_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        cancelled_at timestamptz,
        PRIMARY KEY (city_id, id)
      )`);
    await q(`CREATE UNIQUE INDEX registration_id_key ON registration (id)`);
    await q(
      `CREATE UNIQUE INDEX registration_active_key ON registration (conference_id, city_id) WHERE status <> 'CANCELLED'`,
    );
    await q(
      `CREATE INDEX registration_waitlist_idx ON registration (conference_id, status, created_at)`,
    );

    await q(`
      CREATE TABLE registration_participant (
        city_id uuid NOT NULL,
        registration_id uuid NOT NULL,
        position int NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 2 AND 120),
        email text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
        role text NOT NULL DEFAULT '' CHECK (length(role) <= 120),
        needs text NOT NULL DEFAULT '' CHECK (length(needs) <= 500),
        PRIMARY KEY (city_id, registration_id, position),
        FOREIGN KEY (city_id, registration_id) REFERENCES registration (city_id, id) ON DELETE CASCADE
      )`);

    for (const table of [
      'conference',
      'agenda_session',
      'registration',
      'registration_participant',
    ]) {
      await q(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }
    for (const table of ['conference', 'agenda_session']) {
      await q(`CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (true)`);
      await q(
        `CREATE POLICY ${table}_plan ON ${table} FOR ALL USING (app_is_organizer()) WITH CHECK (app_is_organizer())`,
      );
    }
    await q(`CREATE POLICY registration_read ON registration FOR SELECT USING (
      city_id = ANY (app_member_city_ids()) OR app_is_organizer())`);
    await q(`CREATE POLICY registration_write ON registration FOR ALL
      USING (city_id = ANY (app_coordinator_city_ids()) OR app_is_organizer())
      WITH CHECK (city_id = ANY (app_coordinator_city_ids()) OR app_is_organizer())`);
    await q(`CREATE POLICY participant_read ON registration_participant FOR SELECT USING (
      city_id = ANY (app_member_city_ids()) OR app_is_organizer())`);
    await q(`CREATE POLICY participant_write ON registration_participant FOR ALL
      USING (city_id = ANY (app_coordinator_city_ids()) OR app_is_organizer())
      WITH CHECK (city_id = ANY (app_coordinator_city_ids()) OR app_is_organizer())`);

    // Seats are a property of the conference, counted across all cities: only this
    // function (as owner) may change the count and move waitlisted cities up.
    await q(`CREATE FUNCTION conference_take_seats(p_conference uuid, p_count int) RETURNS boolean
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE free int;
      BEGIN
        SELECT capacity - confirmed_participants INTO free FROM conference WHERE id = p_conference FOR UPDATE;
        IF free IS NULL THEN RAISE EXCEPTION 'no such conference'; END IF;
        -- Seats go in order: nobody jumps a waitlist that already exists.
        IF free >= p_count AND NOT EXISTS (
          SELECT 1 FROM registration WHERE conference_id = p_conference AND status = 'WAITLISTED') THEN
          UPDATE conference SET confirmed_participants = confirmed_participants + p_count WHERE id = p_conference;
          RETURN true;
        END IF;
        RETURN false;
      END $$`);
    await q(`CREATE FUNCTION conference_release_seats(p_conference uuid, p_count int) RETURNS SETOF uuid
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE waiting record; free int;
      BEGIN
        UPDATE conference SET confirmed_participants = confirmed_participants - p_count WHERE id = p_conference
          RETURNING capacity - confirmed_participants INTO free;
        FOR waiting IN SELECT city_id, id, participant_count FROM registration
            WHERE conference_id = p_conference AND status = 'WAITLISTED' ORDER BY created_at, id FOR UPDATE LOOP
          EXIT WHEN waiting.participant_count > free;
          UPDATE registration SET status = 'CONFIRMED' WHERE city_id = waiting.city_id AND id = waiting.id;
          UPDATE conference SET confirmed_participants = confirmed_participants + waiting.participant_count WHERE id = p_conference;
          free := free - waiting.participant_count;
          RETURN NEXT waiting.id;
        END LOOP;
      END $$`);
    await q(`CREATE FUNCTION registration_waitlist_position(p_registration uuid) RETURNS int
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT CASE WHEN r.status <> 'WAITLISTED' THEN NULL ELSE (
          SELECT count(*)::int + 1 FROM registration w
           WHERE w.conference_id = r.conference_id AND w.status = 'WAITLISTED'
             AND (w.created_at, w.id) < (r.created_at, r.id)) END
          FROM registration r WHERE r.id = p_registration
      $$`);
    for (const fn of [
      'conference_take_seats(uuid, int)',
      'conference_release_seats(uuid, int)',
      'registration_waitlist_position(uuid)',
    ]) {
      await q(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q(`GRANT EXECUTE ON FUNCTION ${fn} TO wissensnetz_app`);
    }
    await q(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON conference, agenda_session TO wissensnetz_app`,
    );
    await q(`GRANT SELECT, INSERT, UPDATE ON registration TO wissensnetz_app`);
    await q(`GRANT SELECT, INSERT, DELETE ON registration_participant TO wissensnetz_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION registration_waitlist_position(uuid)`);
    await queryRunner.query(`DROP FUNCTION conference_release_seats(uuid, int)`);
    await queryRunner.query(`DROP FUNCTION conference_take_seats(uuid, int)`);
    for (const table of [
      'registration_participant',
      'registration',
      'agenda_session',
      'conference',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
