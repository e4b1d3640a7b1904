import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erasure of an account (Art. 17 DSGVO), see modules/erasure.
 *
 * - app_user.erased_at: the account is a tombstone from then on. Its row stays so that what
 *   the person wrote for their city keeps an author ("former member of <city>") and several
 *   revisions of one person stay recognisable as one; its columns no longer hold anything
 *   personal (e-mail `<id>@erased.invalid`, no name, no usable password hash).
 * - erase_account(user): the deletion itself, across cities and tables the caller may not
 *   read (notification mail, other cities' invitations and registrations), in the caller's
 *   transaction, so everything is erased or nothing. Its own wall: only for the acting user
 *   themselves or an organizer (the same settings RLS reads). Answers the conferences whose
 *   seats it freed; the caller applies the seat rule there (conference_fill_seats) and tells
 *   promoted cities.
 */
export class AccountErasure1764470000000 implements MigrationInterface {
  name = 'AccountErasure1764470000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`ALTER TABLE app_user ADD COLUMN erased_at timestamptz`);
    await q(`CREATE FUNCTION erase_account(p_user uuid) RETURNS TABLE (conference_id uuid, title text)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE v_email text; v_conference record; reg record; v_removed int;
      BEGIN
        IF app_user_id() IS NULL OR NOT (p_user = app_user_id() OR app_is_organizer()) THEN
          RAISE EXCEPTION 'erase_account: not allowed' USING ERRCODE = '42501';
        END IF;
        SELECT u.email INTO v_email FROM app_user u
         WHERE u.id = p_user AND u.erased_at IS NULL FOR UPDATE;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'erase_account: no such account' USING ERRCODE = 'P0002';
        END IF;

        -- Seats: lock the conferences first, in id order, like every seat change.
        FOR v_conference IN SELECT DISTINCT c.id, c.title FROM registration_participant p
            JOIN registration r ON r.city_id = p.city_id AND r.id = p.registration_id
            JOIN conference c ON c.id = r.conference_id
           WHERE p.email = v_email AND r.status <> 'CANCELLED'
             AND c.status NOT IN ('HELD', 'CANCELLED') AND c.ends_at > now()
           ORDER BY c.id LOOP
          PERFORM 1 FROM conference c WHERE c.id = v_conference.id FOR UPDATE;
          conference_id := v_conference.id;
          title := v_conference.title;
          RETURN NEXT;
        END LOOP;
        -- Coming conferences: the person no longer takes a seat; a registration of only
        -- them is cancelled.
        FOR reg IN SELECT r.city_id, r.id, r.participant_count FROM registration r
            JOIN conference c ON c.id = r.conference_id
           WHERE r.status <> 'CANCELLED' AND c.status NOT IN ('HELD', 'CANCELLED') AND c.ends_at > now()
             AND EXISTS (SELECT 1 FROM registration_participant p
                          WHERE p.city_id = r.city_id AND p.registration_id = r.id AND p.email = v_email)
           ORDER BY r.city_id, r.id FOR UPDATE OF r LOOP
          DELETE FROM registration_participant p
           WHERE p.city_id = reg.city_id AND p.registration_id = reg.id AND p.email = v_email;
          GET DIAGNOSTICS v_removed = ROW_COUNT;
          IF reg.participant_count - v_removed < 1 THEN
            UPDATE registration r SET status = 'CANCELLED', cancelled_at = now()
             WHERE r.city_id = reg.city_id AND r.id = reg.id;
          ELSE
            UPDATE registration r SET participant_count = reg.participant_count - v_removed
             WHERE r.city_id = reg.city_id AND r.id = reg.id;
          END IF;
        END LOOP;
        -- Held, cancelled or past: the entry goes, the registration's head count stays.
        DELETE FROM registration_participant p WHERE p.email = v_email;

        DELETE FROM user_session s WHERE s.user_id = p_user;
        DELETE FROM password_reset pr WHERE pr.user_id = p_user;
        DELETE FROM notification n WHERE n.user_id = p_user;
        DELETE FROM notification_mail m WHERE m.user_id = p_user;
        DELETE FROM notification_outbox o WHERE o.recipient_user_id = p_user;
        DELETE FROM tandem_visit v WHERE v.user_id = p_user;
        DELETE FROM data_export x WHERE x.user_id = p_user;
        -- Follows and digest records (tables and mail_* columns of migration 1764500000000:
        -- PL/pgSQL resolves names when the function runs, after every migration).
        DELETE FROM follow f WHERE f.user_id = p_user;
        DELETE FROM digest_delivery d WHERE d.user_id = p_user;
        DELETE FROM membership m WHERE m.user_id = p_user;
        DELETE FROM invitation i WHERE i.email = v_email;
        DELETE FROM dev_mail d WHERE d.recipient = v_email;
        DELETE FROM login_throttle t WHERE position(v_email IN t.key) > 0;
        -- Practices stay; the person as their contact goes (also from the history).
        UPDATE practice pr SET contact_name = NULL, contact_email = NULL
         WHERE pr.contact_email = v_email;
        UPDATE practice_revision r SET snapshot = r.snapshot - 'contactName' - 'contactEmail'
         WHERE r.snapshot->>'contactEmail' = v_email;
        -- Audit entries keep the account's id as a pseudonym, never the address or name.
        UPDATE audit_log a SET target = p_user::text WHERE a.target = v_email;
        UPDATE app_user u SET email = u.id::text || '@erased.invalid',
               display_name = '-', password_hash = '!', locale = 'de',
               network_role = 'NONE',
               mail_tandem = 'NEVER', mail_city = 'NEVER', mail_network = 'NEVER',
               erased_at = now(), updated_at = now()
         WHERE u.id = p_user;
      END $$`);
    await q(`REVOKE ALL ON FUNCTION erase_account(uuid) FROM PUBLIC`);
    await q(`GRANT EXECUTE ON FUNCTION erase_account(uuid) TO wissensnetz_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION erase_account(uuid)`);
    await queryRunner.query(`ALTER TABLE app_user DROP COLUMN erased_at`);
  }
}
