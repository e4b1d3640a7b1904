import { randomBytes } from 'node:crypto';
import { AuditRetentionJob } from '../src/modules/retention/audit-retention.job';
import { FeedbackRetentionJob } from '../src/modules/retention/feedback-retention.job';
import { RegistrationRetentionJob } from '../src/modules/retention/registration-retention.job';
import { SignInRetentionJob } from '../src/modules/retention/sign-in-retention.job';
import { JobRegistry } from '../src/core/jobs/job-registry';
import { startTestPlatform, type TestPlatform } from './harness';

/**
 * The retention jobs, each run with `job.run(date)` just before and just after its period.
 * Every row here is this file's own and dated in 1990–1992: a run "as of 1990" reaches
 * nothing the other files arranged (their rows are of today), and the assertions read only
 * this file's rows.
 */
describe('retention jobs', () => {
  let api: TestPlatform;
  const tag = randomBytes(4).toString('hex');
  let userId: string;
  let otherUserId: string;
  let cityId: string;

  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
    (await api.ownerQuery<T>(sql, params))[0];
  const newUser = async (name: string) =>
    (
      await one<{ id: string }>(
        `INSERT INTO app_user (email, display_name, password_hash) VALUES ($1, $2, 'x') RETURNING id`,
        [`retention-${name}-${tag}@test.example`, `Retention ${name}`],
      )
    ).id;

  beforeAll(async () => {
    api = await startTestPlatform();
    userId = await newUser('a');
    otherUserId = await newUser('b');
    cityId = (await one<{ id: string }>('SELECT id FROM city ORDER BY slug LIMIT 1')).id;
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('are registered with the scheduler', () => {
    const names = api.platform.app
      .get(JobRegistry)
      .list()
      .map((job) => job.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'retention-registrations',
        'retention-sign-in',
        'retention-audit',
        'retention-accessibility-feedback',
      ]),
    );
  });

  describe('participants of registrations (RETENTION_REGISTRATION_MONTHS, default 3)', () => {
    let oldRegistration: string;
    let recentRegistration: string;

    const conference = async (endsAt: string) =>
      (
        await one<{ id: string }>(
          `INSERT INTO conference (title, kind, starts_at, ends_at, capacity, status)
           VALUES ($1, 'NETWORK_MEETING', $2::timestamptz - interval '6 hours', $2, 50, 'HELD') RETURNING id`,
          [`Retention ${tag} ${endsAt}`, endsAt],
        )
      ).id;
    const registration = async (conferenceId: string) => {
      const { id } = await one<{ id: string }>(
        `INSERT INTO registration (city_id, conference_id, status, participant_count, registered_by)
         VALUES ($1, $2, 'CONFIRMED', 2, $3) RETURNING id`,
        [cityId, conferenceId, userId],
      );
      for (const position of [1, 2])
        await api.ownerQuery(
          `INSERT INTO registration_participant (city_id, registration_id, position, name, email, role, needs)
           VALUES ($1, $2, $3, $4, $5, 'Koordination', 'Rollstuhlplatz')`,
          [cityId, id, position, `Teilnehmerin ${position}`, `p${position}-${tag}@test.example`],
        );
      return id;
    };
    const participants = async (registrationId: string) =>
      (
        await one<{ n: number }>(
          'SELECT count(*)::int AS n FROM registration_participant WHERE registration_id = $1',
          [registrationId],
        )
      ).n;
    const registrationRow = (registrationId: string) =>
      one<{ status: string; participant_count: number; registered_by: string | null }>(
        'SELECT status, participant_count, registered_by FROM registration WHERE id = $1',
        [registrationId],
      );

    beforeAll(async () => {
      oldRegistration = await registration(await conference('1990-01-10T16:00:00Z'));
      recentRegistration = await registration(await conference('1990-03-01T16:00:00Z'));
    });

    it('keeps them until three months after the conference ended', async () => {
      const job = api.platform.app.get(RegistrationRetentionJob);
      await job.run(new Date('1990-04-09T12:00:00Z'));
      expect(await participants(oldRegistration)).toBe(2);
      expect(await participants(recentRegistration)).toBe(2);
      expect((await registrationRow(oldRegistration)).registered_by).toBe(userId);
    });

    it('then deletes them and keeps the registration for the figures, without who registered', async () => {
      const job = api.platform.app.get(RegistrationRetentionJob);
      await job.run(new Date('1990-04-11T12:00:00Z'));
      expect(await participants(oldRegistration)).toBe(0);
      expect(await registrationRow(oldRegistration)).toEqual({
        status: 'CONFIRMED',
        participant_count: 2,
        registered_by: null,
      });
      // The conference that ended later keeps its participants a while longer.
      expect(await participants(recentRegistration)).toBe(2);
      expect((await registrationRow(recentRegistration)).registered_by).toBe(userId);
    });

    it('changes nothing more when run again for the same time', async () => {
      const job = api.platform.app.get(RegistrationRetentionJob);
      const again = await job.purge(new Date('1990-04-11T12:00:00Z'));
      expect(again.participants).toBe(0);
      expect(await participants(recentRegistration)).toBe(2);
      expect((await registrationRow(oldRegistration)).participant_count).toBe(2);
    });
  });

  describe('sessions, reset tokens, invitations, login counters', () => {
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      const session = async (name: string, lastSeen: string, expires: string) => {
        ids[name] = (
          await one<{ id: string }>(
            `INSERT INTO user_session (user_id, token_hash, ip, user_agent, created_at, last_seen_at, expires_at)
             VALUES ($1, $2, '192.0.2.1', 'Test', $3::timestamptz - interval '1 hour', $3, $4) RETURNING id`,
            [userId, `retention-${name}-${tag}`, lastSeen, expires],
          )
        ).id;
      };
      // Past its lifetime / idle for 150 of SESSION_IDLE_MINUTES=120 at 12:30 / in use.
      await session('expiredSession', '1989-12-31T08:00:00Z', '1990-01-01T00:00:00Z');
      await session('idleSession', '1990-01-01T10:00:00Z', '1990-06-01T00:00:00Z');
      await session('liveSession', '1990-01-01T12:00:00Z', '1990-06-01T00:00:00Z');
      const reset = async (name: string, expires: string, used: string | null) => {
        ids[name] = (
          await one<{ id: string }>(
            `INSERT INTO password_reset (user_id, token_hash, created_at, expires_at, used_at)
             VALUES ($1, $2, $3::timestamptz - interval '1 hour', $3, $4) RETURNING id`,
            [userId, `retention-${name}-${tag}`, expires, used],
          )
        ).id;
      };
      await reset('expiredReset', '1990-01-01T01:00:00Z', null);
      await reset('usedReset', '1990-01-01T13:00:00Z', '1990-01-01T12:10:00Z');
      await reset('openReset', '1990-01-01T13:00:00Z', null);
      const invitation = async (name: string, expires: string, accepted: string | null) => {
        ids[name] = (
          await one<{ id: string }>(
            `INSERT INTO invitation (city_id, email, role, token_hash, invited_by, created_at, expires_at, accepted_at)
             VALUES ($1, $2, 'MEMBER', $3, $4, $5::timestamptz - interval '14 days', $5, $6) RETURNING id`,
            [
              cityId,
              `${name.toLowerCase()}-${tag}@test.example`,
              `retention-${name}-${tag}`,
              userId,
              expires,
              accepted,
            ],
          )
        ).id;
      };
      await invitation('expiredInvitation', '1990-01-01T00:00:00Z', null);
      await invitation('acceptedInvitation', '1990-01-01T06:00:00Z', '1989-12-20T00:00:00Z');
      await invitation('openInvitation', '1990-01-02T00:00:00Z', null);
      for (const [name, expire] of [
        ['expiredCounter', '1990-01-01T12:00:00Z'],
        ['liveCounter', '1990-01-01T12:45:00Z'],
      ]) {
        ids[name] = `retention-${name}-${tag}`;
        await api.ownerQuery(
          'INSERT INTO login_throttle (key, points, expire) VALUES ($1, 3, $2)',
          [ids[name], new Date(expire).getTime()],
        );
      }
    });

    const remaining = async () => {
      const rows = await api.ownerQuery<{ name: string }>(
        `SELECT 'session:' || id AS name FROM user_session WHERE user_id = $1
         UNION ALL SELECT 'reset:' || id FROM password_reset WHERE user_id = $1
         UNION ALL SELECT 'invitation:' || id FROM invitation WHERE invited_by = $1
         UNION ALL SELECT 'counter:' || key FROM login_throttle WHERE key LIKE $2`,
        [userId, `retention-%-${tag}`],
      );
      const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
      return rows.map((row) => byId.get(row.name.split(':')[1]) ?? row.name).sort();
    };

    it('keeps everything that is still valid at the time of the run', async () => {
      await api.platform.app.get(SignInRetentionJob).run(new Date('1989-12-31T09:00:00Z'));
      expect(await remaining()).toEqual(Object.keys(ids).sort());
    });

    it('purges what expired, idled out or was used, and nothing else', async () => {
      const job = api.platform.app.get(SignInRetentionJob);
      await job.run(new Date('1990-01-01T12:30:00Z'));
      expect(await remaining()).toEqual(
        ['liveSession', 'openReset', 'openInvitation', 'liveCounter'].sort(),
      );
      // Idempotent: the same time finds nothing of this file's rows left to purge.
      await job.run(new Date('1990-01-01T12:30:00Z'));
      expect(await remaining()).toEqual(
        ['liveSession', 'openReset', 'openInvitation', 'liveCounter'].sort(),
      );
    });
  });

  describe('audit entries (RETENTION_AUDIT_MONTHS, default 24)', () => {
    const entry = async (actor: string, createdAt: string) =>
      (
        await one<{ id: string }>(
          `INSERT INTO audit_log (city_id, actor_user_id, action, target, created_at)
           VALUES ($1, $2, $3, 'x', $4) RETURNING id`,
          [cityId, actor, `RETENTION_${tag}`, createdAt],
        )
      ).id;
    const entries: Record<string, string> = {};
    const read = async () =>
      Object.fromEntries(
        await Promise.all(
          Object.entries(entries).map(async ([name, id]) => [
            name,
            await one<{ actor_user_id: string | null; actor_pseudonym: string | null }>(
              'SELECT actor_user_id, actor_pseudonym FROM audit_log WHERE id = $1',
              [id],
            ),
          ]),
        ),
      ) as Record<string, { actor_user_id: string | null; actor_pseudonym: string | null }>;

    beforeAll(async () => {
      entries.first = await entry(userId, '1990-01-01T10:00:00Z');
      entries.second = await entry(userId, '1990-01-01T11:00:00Z');
      entries.other = await entry(otherUserId, '1990-01-01T12:00:00Z');
      entries.recent = await entry(userId, '1991-06-01T12:00:00Z');
    });

    it('keep their actor until the period has passed', async () => {
      await api.platform.app.get(AuditRetentionJob).run(new Date('1991-12-30T00:00:00Z'));
      const rows = await read();
      for (const row of Object.values(rows)) expect(row.actor_pseudonym).toBeNull();
      expect(rows.first.actor_user_id).toBe(userId);
    });

    it('then keep the actor only as a pseudonym, the same for the same person', async () => {
      const job = api.platform.app.get(AuditRetentionJob);
      await job.run(new Date('1992-01-03T00:00:00Z'));
      const rows = await read();
      for (const name of ['first', 'second', 'other']) {
        expect(rows[name].actor_user_id).toBeNull();
        expect(rows[name].actor_pseudonym).toMatch(/^P-[0-9a-f]{16}$/);
      }
      expect(rows.second.actor_pseudonym).toBe(rows.first.actor_pseudonym);
      expect(rows.other.actor_pseudonym).not.toBe(rows.first.actor_pseudonym);
      expect(rows.first.actor_pseudonym).not.toContain(userId.slice(0, 8));
      expect(rows.recent).toEqual({ actor_user_id: userId, actor_pseudonym: null });

      // Idempotent: a second run leaves the pseudonyms as they are.
      await job.run(new Date('1992-01-03T00:00:00Z'));
      expect(await read()).toEqual(rows);
    });

    it('shows organizers the pseudonym instead of the person in the log', async () => {
      const organizer = await api.as('organizer');
      const { data, errors } = await organizer.gql<{
        auditLog: {
          edges: Array<{
            node: {
              actor: { id: string } | null;
              actorEmail: string | null;
              actorPseudonym: string | null;
            };
          }>;
        };
      }>(
        `query($filter: AuditLogFilter) { auditLog(first: 10, filter: $filter) {
           edges { node { actor { id } actorEmail actorPseudonym } } } }`,
        { filter: { action: `RETENTION_${tag}` } },
      );
      expect(errors).toBeUndefined();
      const nodes = data!.auditLog.edges.map((edge) => edge.node);
      expect(nodes).toHaveLength(4);
      const pseudonymised = nodes.filter((node) => node.actorPseudonym);
      expect(pseudonymised).toHaveLength(3);
      for (const node of pseudonymised) {
        expect(node.actor).toBeNull();
        expect(node.actorEmail).toBeNull();
      }
      // The recent entry still names its actor.
      expect(nodes.filter((node) => node.actor?.id === userId)).toHaveLength(1);
    });
  });

  describe('accessibility feedback (RETENTION_FEEDBACK_MONTHS, default 12)', () => {
    it('is deleted a year after it came in, later feedback stays', async () => {
      const feedback = async (createdAt: string) =>
        (
          await one<{ id: string }>(
            `INSERT INTO accessibility_feedback (sender_name, sender_email, page, message, locale, created_at, due_on)
             VALUES ('Frau Test', $1, '/barrierefreiheit', $2, 'de', $3, ($3::timestamptz + interval '4 weeks')::date)
             RETURNING id`,
            [`feedback-${tag}@test.example`, `Retention ${tag}`, createdAt],
          )
        ).id;
      const old = await feedback('1990-01-15T10:00:00Z');
      const later = await feedback('1990-06-15T10:00:00Z');
      const left = async () =>
        (
          await api.ownerQuery<{ id: string }>(
            'SELECT id FROM accessibility_feedback WHERE message = $1 ORDER BY id',
            [`Retention ${tag}`],
          )
        ).map((row) => row.id);
      const job = api.platform.app.get(FeedbackRetentionJob);
      await job.run(new Date('1991-01-14T00:00:00Z'));
      expect(await left()).toEqual([old, later]);
      await job.run(new Date('1991-01-16T00:00:00Z'));
      expect(await left()).toEqual([later]);
      expect(await job.purge(new Date('1991-01-16T00:00:00Z'))).toBe(0);
      expect(await left()).toEqual([later]);
    });
  });
});
