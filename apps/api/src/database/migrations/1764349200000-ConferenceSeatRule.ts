import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One rule for a conference's places, applied after every change that can free or
 * take places (registration, cancellation, capacity or status change):
 * conference_fill_seats counts the confirmed participants from the registrations and
 * confirms waitlisted registrations strictly in waitlist order while the next one
 * fits. It replaces conference_take_seats / conference_release_seats, which only ran
 * on registration and on cancelling a confirmed place (a capacity raise or the head
 * of the line cancelling left places empty, and the counter could drift when a
 * cancellation raced a promotion).
 *
 * Every seat change holds the conference row lock, taken before any registration row
 * is touched (conference_seat_lock for callers who may not update the conference),
 * so changes of one conference queue up in one order and cannot deadlock.
 */
export class ConferenceSeatRule1764349200000 implements MigrationInterface {
  name = 'ConferenceSeatRule1764349200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`CREATE FUNCTION conference_seat_lock(p_conference uuid) RETURNS boolean
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        PERFORM 1 FROM conference WHERE id = p_conference FOR UPDATE;
        RETURN FOUND;
      END $$`);
    await q(`CREATE FUNCTION conference_fill_seats(p_conference uuid) RETURNS SETOF uuid
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE v_capacity int; v_status text; v_taken int; waiting record;
      BEGIN
        SELECT capacity, status INTO v_capacity, v_status FROM conference WHERE id = p_conference FOR UPDATE;
        IF NOT FOUND THEN RAISE EXCEPTION 'no such conference'; END IF;
        -- Counted, not carried along: the registrations are the truth.
        SELECT coalesce(sum(participant_count), 0)::int INTO v_taken FROM registration
         WHERE conference_id = p_conference AND status = 'CONFIRMED';
        -- A cancelled or held conference gives no places any more.
        IF v_status NOT IN ('CANCELLED', 'HELD') THEN
          FOR waiting IN SELECT city_id, id, participant_count FROM registration
              WHERE conference_id = p_conference AND status = 'WAITLISTED' ORDER BY created_at, id LOOP
            -- Strict order: nobody behind the head of the line gets a place before it.
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
    for (const fn of ['conference_seat_lock(uuid)', 'conference_fill_seats(uuid)']) {
      await q(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q(`GRANT EXECUTE ON FUNCTION ${fn} TO wissensnetz_app`);
    }
    await q(`DROP FUNCTION conference_take_seats(uuid, int)`);
    await q(`DROP FUNCTION conference_release_seats(uuid, int)`);
    // Heal counters that drifted under the old functions; places left empty are
    // filled (and the cities told) by the next change of that conference.
    await q(`UPDATE conference c SET confirmed_participants = coalesce((
        SELECT sum(r.participant_count) FROM registration r
         WHERE r.conference_id = c.id AND r.status = 'CONFIRMED'), 0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`CREATE FUNCTION conference_take_seats(p_conference uuid, p_count int) RETURNS boolean
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE free int;
      BEGIN
        SELECT capacity - confirmed_participants INTO free FROM conference WHERE id = p_conference FOR UPDATE;
        IF free IS NULL THEN RAISE EXCEPTION 'no such conference'; END IF;
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
    for (const fn of ['conference_take_seats(uuid, int)', 'conference_release_seats(uuid, int)']) {
      await q(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q(`GRANT EXECUTE ON FUNCTION ${fn} TO wissensnetz_app`);
    }
    await q(`DROP FUNCTION conference_fill_seats(uuid)`);
    await q(`DROP FUNCTION conference_seat_lock(uuid)`);
  }
}
