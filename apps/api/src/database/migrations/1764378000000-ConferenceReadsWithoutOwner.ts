import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two narrow answers across cities, so the conferences feature reads only through
 * the tenant connection (row-level security) and never needs the owner's:
 *
 * - conference_ids_registered_by(city): the conferences a city has an active
 *   registration for. A city's calendar feed is public and lists them, but an
 *   anonymous reader may not read registrations. It answers ids only: no status,
 *   no participants, no count.
 * - conference_fill_seats(conference) now also says which city each registration it
 *   confirmed belongs to, so whoever caused the promotion (a coordinator cancelling,
 *   an organizer raising the capacity) can notify those cities without reading
 *   their registrations. Same rule as before (migration ConferenceSeatRule).
 */
export class ConferenceReadsWithoutOwner1764378000000 implements MigrationInterface {
  name = 'ConferenceReadsWithoutOwner1764378000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`CREATE FUNCTION conference_ids_registered_by(p_city uuid) RETURNS SETOF uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT DISTINCT conference_id FROM registration
         WHERE city_id = p_city AND status <> 'CANCELLED'
      $$`);
    await q(`DROP FUNCTION conference_fill_seats(uuid)`);
    await q(`CREATE FUNCTION conference_fill_seats(p_conference uuid)
      RETURNS TABLE (registration_id uuid, city_id uuid)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE v_capacity int; v_status text; v_taken int; waiting record;
      BEGIN
        SELECT c.capacity, c.status INTO v_capacity, v_status FROM conference c WHERE c.id = p_conference FOR UPDATE;
        IF NOT FOUND THEN RAISE EXCEPTION 'no such conference'; END IF;
        -- Counted, not carried along: the registrations are the truth.
        SELECT coalesce(sum(r.participant_count), 0)::int INTO v_taken FROM registration r
         WHERE r.conference_id = p_conference AND r.status = 'CONFIRMED';
        -- A cancelled or held conference gives no places any more.
        IF v_status NOT IN ('CANCELLED', 'HELD') THEN
          FOR waiting IN SELECT r.city_id, r.id, r.participant_count FROM registration r
              WHERE r.conference_id = p_conference AND r.status = 'WAITLISTED' ORDER BY r.created_at, r.id LOOP
            -- Strict order: nobody behind the head of the line gets a place before it.
            EXIT WHEN v_taken + waiting.participant_count > v_capacity;
            UPDATE registration r SET status = 'CONFIRMED'
             WHERE r.city_id = waiting.city_id AND r.id = waiting.id AND r.status = 'WAITLISTED';
            v_taken := v_taken + waiting.participant_count;
            registration_id := waiting.id;
            city_id := waiting.city_id;
            RETURN NEXT;
          END LOOP;
        END IF;
        UPDATE conference c SET confirmed_participants = v_taken
         WHERE c.id = p_conference AND c.confirmed_participants <> v_taken;
      END $$`);
    for (const fn of ['conference_ids_registered_by(uuid)', 'conference_fill_seats(uuid)']) {
      await q(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q(`GRANT EXECUTE ON FUNCTION ${fn} TO wissensnetz_app`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP FUNCTION conference_fill_seats(uuid)`);
    await q(`CREATE FUNCTION conference_fill_seats(p_conference uuid) RETURNS SETOF uuid
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE v_capacity int; v_status text; v_taken int; waiting record;
      BEGIN
        SELECT capacity, status INTO v_capacity, v_status FROM conference WHERE id = p_conference FOR UPDATE;
        IF NOT FOUND THEN RAISE EXCEPTION 'no such conference'; END IF;
        SELECT coalesce(sum(participant_count), 0)::int INTO v_taken FROM registration
         WHERE conference_id = p_conference AND status = 'CONFIRMED';
        IF v_status NOT IN ('CANCELLED', 'HELD') THEN
          FOR waiting IN SELECT city_id, id, participant_count FROM registration
              WHERE conference_id = p_conference AND status = 'WAITLISTED' ORDER BY created_at, id LOOP
            EXIT WHEN v_taken + waiting.participant_count > v_capacity;
            UPDATE registration SET status = 'CONFIRMED'
             WHERE city_id = waiting.city_id AND id = waiting.id AND status = 'WAITLISTED';
            v_taken := v_taken + waiting.participant_count;
            RETURN NEXT waiting.id;
          END LOOP;
        END IF;
        UPDATE conference SET confirmed_participants = v_taken
         WHERE id = p_conference AND confirmed_participants <> v_taken;
      END $$`);
    await q(`REVOKE ALL ON FUNCTION conference_fill_seats(uuid) FROM PUBLIC`);
    await q(`GRANT EXECUTE ON FUNCTION conference_fill_seats(uuid) TO wissensnetz_app`);
    await q(`DROP FUNCTION conference_ids_registered_by(uuid)`);
  }
}
