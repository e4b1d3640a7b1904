import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users, memberships, sessions, invitations, password resets, the audit log and
 * the login throttle; plus the row-level security every tenant-owned table uses.
 * See apps/api/src/database/README.md for the pattern.
 */
export class IdentityAndTenancy1764144000000 implements MigrationInterface {
  name = 'IdentityAndTenancy1764144000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);

    // --- what the request's transaction says about the caller (set_config(..., true)) ---
    await q(`CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$`);
    await q(`CREATE FUNCTION app_member_city_ids() RETURNS uuid[] LANGUAGE sql STABLE AS
      $$ SELECT COALESCE(NULLIF(current_setting('app.member_city_ids', true), '')::uuid[], '{}'::uuid[]) $$`);
    await q(`CREATE FUNCTION app_coordinator_city_ids() RETURNS uuid[] LANGUAGE sql STABLE AS
      $$ SELECT COALESCE(NULLIF(current_setting('app.coordinator_city_ids', true), '')::uuid[], '{}'::uuid[]) $$`);
    await q(`CREATE FUNCTION app_is_organizer() RETURNS boolean LANGUAGE sql STABLE AS
      $$ SELECT COALESCE(current_setting('app.is_organizer', true) = 'on', false) $$`);
    await q(`CREATE FUNCTION app_invitation_token() RETURNS text LANGUAGE sql STABLE AS
      $$ SELECT NULLIF(current_setting('app.invitation_token', true), '') $$`);

    await q(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
        password_hash text NOT NULL,
        locale text NOT NULL DEFAULT 'de' CHECK (locale IN ('de', 'en')),
        network_role text NOT NULL DEFAULT 'NONE' CHECK (network_role IN ('NONE', 'ORGANIZER')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q(`CREATE UNIQUE INDEX app_user_email_key ON app_user (email)`);

    await q(`
      CREATE TABLE user_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        acting_city_id uuid REFERENCES city (id) ON DELETE SET NULL,
        user_agent text,
        ip text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await q(`CREATE INDEX user_session_user_idx ON user_session (user_id)`);

    await q(`
      CREATE TABLE password_reset (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);

    // --- tenant-owned: city_id leads every key and index ---
    await q(`
      CREATE TABLE membership (
        city_id uuid NOT NULL REFERENCES city (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('COORDINATOR', 'MEMBER')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (city_id, id),
        UNIQUE (city_id, user_id)
      )`);
    await q(`CREATE UNIQUE INDEX membership_id_key ON membership (id)`);
    await q(`CREATE INDEX membership_user_idx ON membership (user_id)`);

    await q(`
      CREATE TABLE invitation (
        city_id uuid NOT NULL REFERENCES city (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email)),
        role text NOT NULL CHECK (role IN ('COORDINATOR', 'MEMBER')),
        token_hash text NOT NULL UNIQUE,
        invited_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        revoked_at timestamptz,
        PRIMARY KEY (city_id, id)
      )`);
    await q(`CREATE UNIQUE INDEX invitation_id_key ON invitation (id)`);

    await q(`
      CREATE TABLE audit_log (
        city_id uuid REFERENCES city (id) ON DELETE SET NULL,
        id bigint GENERATED ALWAYS AS IDENTITY,
        actor_user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        action text NOT NULL,
        target text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (id)
      )`);
    await q(`CREATE INDEX audit_log_city_idx ON audit_log (city_id, created_at DESC)`);
    await q(`CREATE INDEX audit_log_created_idx ON audit_log (created_at DESC, id DESC)`);

    // Development outbox for e-mails (shown at /dev/mailbox; unused with SMTP).
    await q(`
      CREATE TABLE dev_mail (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        recipient text NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    // Failed-login counters of rate-limiter-flexible (its own table layout).
    await q(`
      CREATE TABLE login_throttle (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);

    // --- row-level security, forced even for the owner ---
    for (const table of ['membership', 'invitation', 'audit_log']) {
      await q(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }

    await q(`CREATE POLICY membership_read ON membership FOR SELECT USING (
      user_id = app_user_id() OR city_id = ANY (app_member_city_ids()) OR app_is_organizer())`);
    await q(`CREATE POLICY membership_add ON membership FOR INSERT WITH CHECK (
      city_id = ANY (app_coordinator_city_ids()) OR app_is_organizer()
      OR (user_id = app_user_id() AND EXISTS (
        SELECT 1 FROM invitation i JOIN app_user u ON u.id = membership.user_id
         WHERE i.token_hash = app_invitation_token() AND i.city_id = membership.city_id
           AND i.email = u.email AND i.role = membership.role
           AND i.revoked_at IS NULL AND i.expires_at > now())))`);
    await q(`CREATE POLICY membership_change ON membership FOR UPDATE
      USING (city_id = ANY (app_coordinator_city_ids()) OR app_is_organizer())
      WITH CHECK (city_id = ANY (app_coordinator_city_ids()) OR app_is_organizer())`);
    await q(`CREATE POLICY membership_remove ON membership FOR DELETE USING (
      city_id = ANY (app_coordinator_city_ids()) OR app_is_organizer() OR user_id = app_user_id())`);

    await q(`CREATE POLICY invitation_manage ON invitation FOR ALL
      USING (city_id = ANY (app_coordinator_city_ids()) OR app_is_organizer())
      WITH CHECK (city_id = ANY (app_coordinator_city_ids()) OR app_is_organizer())`);
    // Whoever holds the token may read and accept exactly that invitation.
    await q(
      `CREATE POLICY invitation_by_token ON invitation FOR SELECT USING (token_hash = app_invitation_token())`,
    );
    await q(`CREATE POLICY invitation_accept ON invitation FOR UPDATE
      USING (token_hash = app_invitation_token()) WITH CHECK (token_hash = app_invitation_token())`);

    await q(`CREATE POLICY audit_read ON audit_log FOR SELECT USING (app_is_organizer())`);
    await q(`CREATE POLICY audit_write ON audit_log FOR INSERT WITH CHECK (
      app_user_id() IS NOT NULL AND actor_user_id = app_user_id())`);

    await q(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON app_user, user_session, password_reset, membership, invitation, dev_mail, login_throttle TO wissensnetz_app`,
    );
    await q(`GRANT SELECT, INSERT ON audit_log TO wissensnetz_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'login_throttle',
      'dev_mail',
      'audit_log',
      // membership's policies read invitation: drop it first.
      'membership',
      'invitation',
      'password_reset',
      'user_session',
      'app_user',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    for (const fn of [
      'app_invitation_token',
      'app_is_organizer',
      'app_coordinator_city_ids',
      'app_member_city_ids',
      'app_user_id',
    ]) {
      await queryRunner.query(`DROP FUNCTION ${fn}()`);
    }
  }
}
