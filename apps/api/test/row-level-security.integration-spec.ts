import pg from 'pg';
import { inject } from 'vitest';
import { startTestPlatform, type TestPlatform } from './harness';

/**
 * Straight SQL as the application role, the way the API connects: what
 * PostgreSQL itself lets through when the code forgot every check.
 */
describe('row-level security for the application role', () => {
  let api: TestPlatform;
  let app: pg.Client;
  let goch: string;
  let herford: string;

  const TENANT_TABLES = [
    'membership',
    'invitation',
    'audit_log',
    'notification',
    'tandem_note',
    'tandem_visit',
    'data_export',
  ];

  beforeAll(async () => {
    api = await startTestPlatform();
    app = new pg.Client({ connectionString: inject('serviceEnv').DATABASE_URL });
    await app.connect();
    [{ id: goch }] = await api.ownerQuery<{ id: string }>(
      "SELECT id FROM city WHERE slug = 'goch'",
    );
    [{ id: herford }] = await api.ownerQuery<{ id: string }>(
      "SELECT id FROM city WHERE slug = 'herford'",
    );
    // Something to hide in every table: an invitation and an audit entry for Herford.
    const [organizer] = await api.ownerQuery<{ id: string }>(
      "SELECT id FROM app_user WHERE email = 'organizer@demo.wissensnetz.example'",
    );
    await api.ownerQuery(
      `INSERT INTO invitation (city_id, email, role, token_hash, invited_by, expires_at)
       VALUES ($1, 'geheim@herford.example', 'MEMBER', $2, $3, now() + interval '1 day')`,
      [herford, `rls-${Date.now()}`, organizer.id],
    );
    await api.ownerQuery(
      `INSERT INTO audit_log (city_id, actor_user_id, action, target) VALUES ($1, $2, 'RLS_TEST', 'x')`,
      [herford, organizer.id],
    );
    await api.ownerQuery(
      `INSERT INTO notification (user_id, city_id, kind, title) VALUES ($1, $2, 'TANDEM_NOTE_ADDED', 'RLS_TEST')`,
      [organizer.id, herford],
    );
    // And someone's "last seen" of a tandem: private to that person.
    await api.ownerQuery(
      `INSERT INTO tandem_visit (city_id, tandem_id, user_id)
       SELECT city_id, id, $1 FROM tandem LIMIT 1 ON CONFLICT DO NOTHING`,
      [organizer.id],
    );
    // And a finished copy of someone's data: only that person may read it.
    await api.ownerQuery(
      `INSERT INTO data_export (user_id, status, steps_done, steps_total, data_json, summary_text,
                                locale, ready_at, expires_at)
       VALUES ($1, 'READY', 1, 1, '{"rls": true}', 'rls', 'de', now(), now() + interval '1 day')`,
      [organizer.id],
    );
  });
  afterAll(async () => {
    await app?.end();
    await api?.stop();
  });

  /** Runs statements in one transaction with the given context, as TenantDb does. */
  async function as(
    context: { userId?: string; members?: string[]; coordinators?: string[]; organizer?: boolean },
    sql: string,
    params: unknown[] = [],
  ): Promise<pg.QueryResult> {
    await app.query('BEGIN');
    try {
      await app.query(
        `SELECT set_config('app.user_id', $1, true), set_config('app.member_city_ids', $2, true),
                set_config('app.coordinator_city_ids', $3, true), set_config('app.is_organizer', $4, true)`,
        [
          context.userId ?? '',
          `{${(context.members ?? []).join(',')}}`,
          `{${(context.coordinators ?? []).join(',')}}`,
          context.organizer ? 'on' : 'off',
        ],
      );
      return await app.query(sql, params);
    } finally {
      await app.query('ROLLBACK');
    }
  }

  it.each(TENANT_TABLES)('%s: no context, no rows (while the owner sees some)', async (table) => {
    const owner = await api.ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    expect(owner[0].n).toBeGreaterThan(0);
    const result = await app.query(`SELECT count(*)::int AS n FROM ${table}`);
    expect(result.rows[0].n).toBe(0);
  });

  it('keeps "last seen" of a tandem to the person: others neither read nor write it', async () => {
    const [{ user_id: owner, city_id: cityId, tandem_id: tandemId }] = await api.ownerQuery<{
      user_id: string;
      city_id: string;
      tandem_id: string;
    }>('SELECT user_id, city_id, tandem_id FROM tandem_visit LIMIT 1');
    const mine = await as({ userId: owner }, 'SELECT count(*)::int AS n FROM tandem_visit');
    expect(mine.rows[0].n).toBeGreaterThan(0);
    const [{ id: someoneElse }] = await api.ownerQuery<{ id: string }>(
      'SELECT id FROM app_user WHERE id <> $1 LIMIT 1',
      [owner],
    );
    // Even a member of the tandem's city, as anyone but the person, sees nothing.
    // (Counted for the owner only: someoneElse may have "last seen" rows of their own from
    // other test files running meanwhile.)
    const theirs = await as(
      { userId: someoneElse, members: [cityId], coordinators: [cityId], organizer: true },
      'SELECT count(*)::int AS n FROM tandem_visit WHERE user_id = $1',
      [owner],
    );
    expect(theirs.rows[0].n).toBe(0);
    await expect(
      as(
        { userId: someoneElse, members: [cityId] },
        'INSERT INTO tandem_visit (city_id, tandem_id, user_id) VALUES ($1, $2, $3)',
        [cityId, tandemId, owner],
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('keeps a data export to its person: nobody else reads it, a request writes no content', async () => {
    const [{ id, user_id: owner }] = await api.ownerQuery<{ id: string; user_id: string }>(
      `SELECT id, user_id FROM data_export WHERE data_json = '{"rls": true}' LIMIT 1`,
    );
    const mine = await as({ userId: owner }, 'SELECT id FROM data_export WHERE id = $1', [id]);
    expect(mine.rows).toHaveLength(1);
    const [{ id: someoneElse }] = await api.ownerQuery<{ id: string }>(
      'SELECT id FROM app_user WHERE id <> $1 LIMIT 1',
      [owner],
    );
    const theirs = await as(
      { userId: someoneElse, members: [goch, herford], coordinators: [goch], organizer: true },
      'SELECT count(*)::int AS n FROM data_export WHERE user_id = $1',
      [owner],
    );
    expect(theirs.rows[0].n).toBe(0);
    // Asking in someone else's name, or bringing content along, is refused.
    await expect(
      as({ userId: someoneElse }, 'INSERT INTO data_export (user_id, steps_total) VALUES ($1, 1)', [
        owner,
      ]),
    ).rejects.toThrow(/row-level security/);
    await expect(
      as(
        { userId: owner },
        `INSERT INTO data_export (user_id, steps_total, data_json) VALUES ($1, 1, '{}')`,
        [owner],
      ),
    ).rejects.toThrow(/row-level security/);
    // Only the worker (owner) fills and changes an export.
    await expect(
      as({ userId: owner }, `UPDATE data_export SET status = 'READY' WHERE id = $1`, [id]),
    ).rejects.toThrow(/permission denied/);
  });

  it("with Goch's member context: Goch's memberships, none of Herford's", async () => {
    const result = await as({ members: [goch] }, 'SELECT DISTINCT city_id FROM membership');
    expect(result.rows.map((row) => row.city_id)).toEqual([goch]);
    const invitations = await as({ members: [goch] }, 'SELECT count(*)::int AS n FROM invitation');
    expect(invitations.rows[0].n).toBe(0);
    const audit = await as({ members: [goch] }, 'SELECT count(*)::int AS n FROM audit_log');
    expect(audit.rows[0].n).toBe(0);
  });

  it("with Goch's coordinator context: Goch's invitations only; Herford's stay hidden", async () => {
    const result = await as(
      { members: [goch], coordinators: [goch] },
      'SELECT DISTINCT city_id FROM invitation',
    );
    expect(result.rows.every((row) => row.city_id === goch)).toBe(true);
    const secret = await as(
      { members: [goch], coordinators: [goch] },
      "SELECT * FROM invitation WHERE email = 'geheim@herford.example'",
    );
    expect(secret.rowCount).toBe(0);
  });

  it('refuses writes into a foreign city even when the code would try', async () => {
    const [user] = await api.ownerQuery<{ id: string }>(
      "SELECT id FROM app_user WHERE email = 'member.goch@demo.wissensnetz.example'",
    );
    await expect(
      as(
        { userId: user.id, members: [goch], coordinators: [goch] },
        `INSERT INTO membership (city_id, user_id, role) VALUES ($1, $2, 'COORDINATOR')`,
        [herford, user.id],
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await as(
      { userId: user.id, members: [goch], coordinators: [goch] },
      `UPDATE membership SET role = 'MEMBER' WHERE city_id = $1`,
      [herford],
    );
    expect(updated.rowCount).toBe(0);
    const deleted = await as(
      { userId: user.id, members: [goch], coordinators: [goch] },
      `DELETE FROM invitation WHERE city_id = $1`,
      [herford],
    );
    expect(deleted.rowCount).toBe(0);
  });

  it('does not let the application role forge audit entries in someone else’s name', async () => {
    const [member] = await api.ownerQuery<{ id: string }>(
      "SELECT id FROM app_user WHERE email = 'member.goch@demo.wissensnetz.example'",
    );
    const [organizer] = await api.ownerQuery<{ id: string }>(
      "SELECT id FROM app_user WHERE email = 'organizer@demo.wissensnetz.example'",
    );
    await expect(
      as(
        { userId: member.id, members: [goch] },
        `INSERT INTO audit_log (actor_user_id, action) VALUES ($1, 'FORGED')`,
        [organizer.id],
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('sign-language video: only organizers write it, only in their own name; members change nothing', async () => {
    const [member] = await api.ownerQuery<{ id: string }>(
      "SELECT id FROM app_user WHERE email = 'member.goch@demo.wissensnetz.example'",
    );
    const [organizer] = await api.ownerQuery<{ id: string }>(
      "SELECT id FROM app_user WHERE email = 'organizer@demo.wissensnetz.example'",
    );
    const insert = `INSERT INTO sign_language_video
      (file_id, file_name, content_type, size_bytes, duration_seconds, caption, storage_key, uploaded_by)
      VALUES (gen_random_uuid(), 'x.mp4', 'video/mp4', 10, 1, 'x', 'k', $1)`;
    await expect(
      as({ userId: member.id, coordinators: [goch], members: [goch] }, insert, [member.id]),
    ).rejects.toThrow(/row-level security/);
    await expect(
      as({ userId: organizer.id, organizer: true }, insert, [member.id]),
    ).rejects.toThrow(/row-level security/);
    // In one transaction that is rolled back: an organizer's row (or the one there is), then
    // a coordinator's context trying to change and delete it.
    const context = (userId: string, organizerFlag: boolean) =>
      app.query(
        `SELECT set_config('app.user_id', $1, true), set_config('app.member_city_ids', $2, true),
                set_config('app.coordinator_city_ids', $2, true), set_config('app.is_organizer', $3, true)`,
        [userId, organizerFlag ? '{}' : `{${goch}}`, organizerFlag ? 'on' : 'off'],
      );
    await app.query('BEGIN');
    try {
      await context(organizer.id, true);
      await app.query(`${insert} ON CONFLICT (slot) DO NOTHING`, [organizer.id]);
      await context(member.id, false);
      const seen = await app.query('SELECT count(*)::int AS n FROM sign_language_video');
      expect(seen.rows[0].n).toBe(1);
      const change = await app.query(
        `UPDATE sign_language_video SET caption = 'übernommen', uploaded_by = $1`,
        [member.id],
      );
      expect(change.rowCount).toBe(0);
      expect((await app.query('DELETE FROM sign_language_video')).rowCount).toBe(0);
    } finally {
      await app.query('ROLLBACK');
    }
  });

  it('notification outbox: the application role only adds rows, in its own name, and reads nothing', async () => {
    const [member] = await api.ownerQuery<{ id: string }>(
      "SELECT id FROM app_user WHERE email = 'member.goch@demo.wissensnetz.example'",
    );
    const [organizer] = await api.ownerQuery<{ id: string }>(
      "SELECT id FROM app_user WHERE email = 'organizer@demo.wissensnetz.example'",
    );
    const enqueue = (actorUserId: string, kind = 'TANDEM_NOTE_ADDED') =>
      `INSERT INTO notification_outbox (actor_user_id, city_ids, kind, title, mail_subject, mail_text)
       VALUES ('${actorUserId}', ARRAY['${herford}']::uuid[], '${kind}', 'x', 'x', 'x')`;
    const ownName = await as({ userId: member.id, members: [goch] }, enqueue(member.id));
    expect(ownName.rowCount).toBe(1);
    await expect(as({ userId: member.id, members: [goch] }, enqueue(organizer.id))).rejects.toThrow(
      /row-level security/,
    );
    await expect(as({}, enqueue(member.id))).rejects.toThrow(/row-level security/);
    // The kind is one of the known ones, not free text.
    await expect(
      as({ userId: member.id, members: [goch] }, enqueue(member.id, 'SOMETHING')),
    ).rejects.toThrow(/check constraint/);
    for (const sql of [
      'SELECT count(*) FROM notification_outbox',
      'UPDATE notification_outbox SET processed_at = now()',
      'DELETE FROM notification_outbox',
      'SELECT count(*) FROM notification_mail',
      `UPDATE notification_mail SET sent_at = now()`,
    ])
      await expect(as({ userId: member.id, members: [goch] }, sql), sql).rejects.toThrow(
        /permission denied/,
      );
  });

  it('cannot switch row-level security off, nor change the tables', async () => {
    await expect(app.query('ALTER TABLE membership DISABLE ROW LEVEL SECURITY')).rejects.toThrow(
      /must be owner/,
    );
    await app.query('SET row_security = off');
    try {
      await expect(app.query('SELECT count(*) FROM membership')).rejects.toThrow(
        /row-level security/,
      );
    } finally {
      await app.query('RESET row_security');
    }
  });

  it('practices: no context sees PUBLIC published only; a member never sees a foreign CITY entry or draft', async () => {
    const anonymous = await app.query(`SELECT DISTINCT status, visibility FROM practice`);
    expect(anonymous.rows).toEqual(
      anonymous.rowCount ? [{ status: 'PUBLISHED', visibility: 'PUBLIC' }] : [],
    );
    const member = await as(
      { members: [goch] },
      `SELECT city_id, status, visibility FROM practice WHERE city_id <> $1`,
      [goch],
    );
    expect(member.rowCount).toBeGreaterThan(0);
    for (const row of member.rows) {
      expect(row.status).toBe('PUBLISHED');
      expect(row.visibility).not.toBe('CITY');
    }
    const parts = await as(
      { members: [goch] },
      `SELECT count(*)::int AS n FROM practice_topic t JOIN practice p ON p.id = t.practice_id WHERE p.visibility = 'CITY' AND p.city_id <> $1`,
      [goch],
    );
    expect(parts.rows[0].n).toBe(0);
    await expect(
      as(
        { members: [goch] },
        `INSERT INTO practice (city_id, title, summary) VALUES ($1, 'Fremd', 'x')`,
        [herford],
      ),
    ).rejects.toThrow(/row-level security/);
    const changed = await as(
      { members: [goch] },
      `UPDATE practice SET title = 'gekapert' WHERE city_id = $1`,
      [herford],
    );
    expect(changed.rowCount).toBe(0);
  });

  it('practices: organizers never see or change another city’s draft, nor its parts; archived non-CITY entries they see', async () => {
    const insert = async (status: string, visibility: string) => {
      const [row] = await api.ownerQuery<{ id: string }>(
        `INSERT INTO practice (city_id, title, summary, status, visibility, published_at)
         VALUES ($1, 'RLS-Entwurf', 'x', $2, $3, CASE WHEN $2 <> 'DRAFT' THEN now() END) RETURNING id`,
        [herford, status, visibility],
      );
      await api.ownerQuery(
        `INSERT INTO practice_revision (city_id, practice_id, number, snapshot) VALUES ($1, $2, 1, '{}'::jsonb)`,
        [herford, row.id],
      );
      await api.ownerQuery(
        `INSERT INTO practice_attachment (city_id, practice_id, file_name, content_type, size_bytes, storage_key)
         VALUES ($1, $2, 'a.pdf', 'application/pdf', 1, 'nirgends')`,
        [herford, row.id],
      );
      return row.id;
    };
    const draft = await insert('DRAFT', 'NETWORK');
    const archived = await insert('ARCHIVED', 'NETWORK');
    const archivedCity = await insert('ARCHIVED', 'CITY');
    const published = await insert('PUBLISHED', 'NETWORK');
    const [organizer] = await api.ownerQuery<{ id: string }>(
      "SELECT id FROM app_user WHERE email = 'organizer@demo.wissensnetz.example'",
    );
    const asOrganizer = (sql: string, params: unknown[] = []) =>
      as({ userId: organizer.id, organizer: true }, sql, params);

    for (const table of ['practice', 'practice_revision', 'practice_attachment']) {
      const column = table === 'practice' ? 'id' : 'practice_id';
      const drafts = await asOrganizer(`SELECT 1 FROM ${table} WHERE ${column} = $1`, [draft]);
      expect(drafts.rowCount).toBe(0);
      const kept = await asOrganizer(`SELECT 1 FROM ${table} WHERE ${column} = $1`, [archived]);
      expect(kept.rowCount).toBe(1);
      const city = await asOrganizer(`SELECT 1 FROM ${table} WHERE ${column} = $1`, [archivedCity]);
      expect(city.rowCount).toBe(0);
    }
    const anyDraft = await asOrganizer(
      `SELECT count(*)::int AS n FROM practice WHERE status = 'DRAFT'`,
    );
    expect(anyDraft.rows[0].n).toBe(0);

    // Archiving is the organizers' only change: not of a draft, not back to draft, not the content.
    const archiveDraft = await asOrganizer(
      `UPDATE practice SET status = 'ARCHIVED' WHERE id = $1`,
      [draft],
    );
    expect(archiveDraft.rowCount).toBe(0);
    await expect(
      asOrganizer(`UPDATE practice SET status = 'DRAFT' WHERE id = $1`, [archived]),
    ).rejects.toThrow(/row-level security/);
    await expect(
      asOrganizer(`UPDATE practice SET title = 'gekapert' WHERE id = $1`, [published]),
    ).rejects.toThrow(/row-level security/);
    const archive = await asOrganizer(`UPDATE practice SET status = 'ARCHIVED' WHERE id = $1`, [
      published,
    ]);
    expect(archive.rowCount).toBe(1);

    // The parts of a practice are written by its own city only.
    await expect(
      asOrganizer(
        `INSERT INTO practice_attachment (city_id, practice_id, file_name, content_type, size_bytes, storage_key)
         VALUES ($1, $2, 'b.pdf', 'application/pdf', 1, 'nirgends')`,
        [herford, published],
      ),
    ).rejects.toThrow(/row-level security/);
    const removed = await asOrganizer(`DELETE FROM practice_attachment WHERE practice_id = $1`, [
      archived,
    ]);
    expect(removed.rowCount).toBe(0);

    // A member of the city still sees and works on its draft.
    const own = await as(
      { members: [herford] },
      `SELECT 1 FROM practice_attachment WHERE practice_id = $1`,
      [draft],
    );
    expect(own.rowCount).toBe(1);
  });

  it('a context set in one transaction does not outlive it', async () => {
    await as({ organizer: true }, 'SELECT 1');
    const after = await app.query('SELECT count(*)::int AS n FROM membership');
    expect(after.rows[0].n).toBe(0);
  });
});
