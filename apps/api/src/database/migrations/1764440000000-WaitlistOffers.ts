import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Waitlist offers and a waitlist organizers can order by hand.
 *
 * - registration.split_rest: a registration of N people that only partly fits may be
 *   split (when the coordinator accepts it) into a confirmed registration of the first
 *   k participants and a waiting "rest" of the others, queued at the end of the line.
 *   A city has at most one active registration and one active rest per conference.
 * - registration.queue_rank: the waitlist order (was created_at, id). New rows take the
 *   next rank; organizers move a waiting registration up or down by swapping ranks.
 * - conference.waitlisted_registrations: how many wait, kept by conference_fill_seats
 *   next to confirmed_participants, so every caller sees whether registering now would
 *   queue (cities cannot read other cities' registrations).
 * conference_fill_seats and registration_waitlist_position follow queue_rank; the seat
 * rule is otherwise unchanged (strictly in order while the next one fits).
 */
export class WaitlistOffers1764440000000 implements MigrationInterface {
  name = 'WaitlistOffers1764440000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`ALTER TABLE registration ADD COLUMN split_rest boolean NOT NULL DEFAULT false`);
    await q(`CREATE SEQUENCE registration_queue_rank_seq`);
    await q(`ALTER TABLE registration ADD COLUMN queue_rank bigint`);
    await q(`UPDATE registration r SET queue_rank = o.rank FROM (
        SELECT city_id, id, row_number() OVER (ORDER BY created_at, id) AS rank FROM registration) o
       WHERE o.city_id = r.city_id AND o.id = r.id`);
    await q(
      `SELECT setval('registration_queue_rank_seq', coalesce((SELECT max(queue_rank) FROM registration), 0) + 1, false)`,
    );
    await q(`ALTER TABLE registration ALTER COLUMN queue_rank SET DEFAULT nextval('registration_queue_rank_seq'),
      ALTER COLUMN queue_rank SET NOT NULL`);
    await q(`GRANT USAGE ON SEQUENCE registration_queue_rank_seq TO wissensnetz_app`);
    await q(`DROP INDEX registration_active_key`);
    await q(
      `CREATE UNIQUE INDEX registration_active_key ON registration (conference_id, city_id, split_rest) WHERE status <> 'CANCELLED'`,
    );
    await q(
      `CREATE INDEX registration_queue_idx ON registration (conference_id, queue_rank) WHERE status = 'WAITLISTED'`,
    );
    await q(`ALTER TABLE conference ADD COLUMN waitlisted_registrations int NOT NULL DEFAULT 0`);
    await q(`UPDATE conference c SET waitlisted_registrations = (
        SELECT count(*) FROM registration r WHERE r.conference_id = c.id AND r.status = 'WAITLISTED')`);
    await q(`DROP FUNCTION conference_fill_seats(uuid)`);
    await q(fillSeats('r.queue_rank, r.id', true));
    await q(`DROP FUNCTION registration_waitlist_position(uuid)`);
    await q(waitlistPosition('(w.queue_rank, w.id) < (r.queue_rank, r.id)'));
    await grant(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP FUNCTION registration_waitlist_position(uuid)`);
    await q(waitlistPosition('(w.created_at, w.id) < (r.created_at, r.id)'));
    await q(`DROP FUNCTION conference_fill_seats(uuid)`);
    await q(fillSeats('r.created_at, r.id', false));
    await grant(queryRunner);
    await q(`ALTER TABLE conference DROP COLUMN waitlisted_registrations`);
    await q(`DROP INDEX registration_queue_idx`);
    await q(`DROP INDEX registration_active_key`);
    // A split leaves two active rows of one city: the rest is cancelled to restore the old key.
    await q(
      `UPDATE registration SET status = 'CANCELLED', cancelled_at = now() WHERE split_rest AND status <> 'CANCELLED'`,
    );
    await q(
      `CREATE UNIQUE INDEX registration_active_key ON registration (conference_id, city_id) WHERE status <> 'CANCELLED'`,
    );
    await q(`ALTER TABLE registration DROP COLUMN queue_rank`);
    await q(`DROP SEQUENCE registration_queue_rank_seq`);
    await q(`ALTER TABLE registration DROP COLUMN split_rest`);
  }
}

async function grant(queryRunner: QueryRunner): Promise<void> {
  for (const fn of ['conference_fill_seats(uuid)', 'registration_waitlist_position(uuid)']) {
    await queryRunner.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${fn} TO wissensnetz_app`);
  }
}

function waitlistPosition(before: string): string {
  return `CREATE FUNCTION registration_waitlist_position(p_registration uuid) RETURNS int
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT CASE WHEN r.status <> 'WAITLISTED' THEN NULL ELSE (
          SELECT count(*)::int + 1 FROM registration w
           WHERE w.conference_id = r.conference_id AND w.status = 'WAITLISTED'
             AND ${before}) END
          FROM registration r WHERE r.id = p_registration
      $$`;
}

/** The seat rule (see ConferenceSeatRule), in the given waitlist order. */
function fillSeats(order: string, countWaiting: boolean): string {
  const waiting = countWaiting
    ? `SELECT count(*)::int INTO v_waiting FROM registration r
         WHERE r.conference_id = p_conference AND r.status = 'WAITLISTED';
        UPDATE conference c SET waitlisted_registrations = v_waiting
         WHERE c.id = p_conference AND c.waitlisted_registrations <> v_waiting;`
    : '';
  return `CREATE FUNCTION conference_fill_seats(p_conference uuid)
      RETURNS TABLE (registration_id uuid, city_id uuid)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE v_capacity int; v_status text; v_taken int; v_waiting int; waiting record;
      BEGIN
        SELECT c.capacity, c.status INTO v_capacity, v_status FROM conference c WHERE c.id = p_conference FOR UPDATE;
        IF NOT FOUND THEN RAISE EXCEPTION 'no such conference'; END IF;
        SELECT coalesce(sum(r.participant_count), 0)::int INTO v_taken FROM registration r
         WHERE r.conference_id = p_conference AND r.status = 'CONFIRMED';
        IF v_status NOT IN ('CANCELLED', 'HELD') THEN
          FOR waiting IN SELECT r.city_id, r.id, r.participant_count FROM registration r
              WHERE r.conference_id = p_conference AND r.status = 'WAITLISTED' ORDER BY ${order} LOOP
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
        ${waiting}
      END $$`;
}
