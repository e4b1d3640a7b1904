import { NotificationOutboxWorker } from '../src/modules/notifications/notification-outbox.worker';
import { startTestPlatform, type Client, type TestPlatform } from './harness';

const CREATE = `mutation($i: ConferenceInput!) { createConference(input: $i) { id } }`;
const UPDATE = `mutation($i: UpdateConferenceInput!) { updateConference(input: $i) { id status } }`;
const REGISTER = `mutation($i: RegisterForConferenceInput!) { registerForConference(input: $i) { id status participantCount splitRest waitlistPosition } }`;
const CONFIRM = `mutation($id: ID!) { confirmWaitlistedRegistration(id: $id) { id status waitlistPosition } }`;
const MOVE = `mutation($id: ID!, $d: WaitlistDirection!) { moveWaitlistedRegistration(id: $id, direction: $d) { id status waitlistPosition } }`;
const STATE = `query($id: ID!) { conference(id: $id) { capacity confirmedParticipants waitlistedRegistrations freePlaces
  registrations { id status participantCount splitRest waitlistPosition city { slug } participants { name } } } }`;

interface Registration {
  id: string;
  status: string;
  participantCount: number;
  splitRest: boolean;
  waitlistPosition: number | null;
  city: { slug: string };
  participants: Array<{ name: string }>;
}
interface State {
  capacity: number;
  confirmedParticipants: number;
  waitlistedRegistrations: number;
  freePlaces: number;
  registrations: Registration[];
}

const people = (count: number, city: string) =>
  Array.from({ length: count }, (_, i) => ({
    name: `Person ${i + 1} ${city}`,
    email: `person${i + 1}@${city}.example`,
  }));

describe('conference waitlist: offers, splits and the organizers’ hand', () => {
  let api: TestPlatform;
  let organizer: Client;
  const coordinators = new Map<string, Client>();
  const coordinator = async (city: string) => {
    if (!coordinators.has(city)) coordinators.set(city, await api.as('coordinator', city));
    return coordinators.get(city)!;
  };

  async function openConference(capacity: number): Promise<string> {
    const created = await organizer.gql<{ createConference: { id: string } }>(CREATE, {
      i: {
        title: `Warteliste ${Math.random().toString(36).slice(2, 8)}`,
        kind: 'TRAINING',
        startsAt: '2027-06-10T10:00',
        endsAt: '2027-06-10T16:00',
        capacity,
      },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createConference.id;
    expect((await organizer.gql(UPDATE, { i: { id, status: 'OPEN' } })).errors).toBeUndefined();
    return id;
  }

  const register = async (id: string, city: string, count: number, minConfirmed?: number) =>
    (await coordinator(city)).gql<{ registerForConference: Registration }>(REGISTER, {
      i: { conferenceId: id, citySlug: city, participants: people(count, city), minConfirmed },
    });
  const state = async (id: string): Promise<State> => {
    const { data, errors } = await organizer.gql<{ conference: State }>(STATE, { id });
    expect(errors).toBeUndefined();
    return data!.conference;
  };
  const brief = (s: State) =>
    s.registrations.map(
      (r) =>
        `${r.city.slug}${r.splitRest ? ' rest' : ''} ${r.participantCount} ${r.status}${r.waitlistPosition ? ` ${r.waitlistPosition}` : ''}`,
    );
  const audit = (action: string, target: string) =>
    api.ownerQuery<{ details: Record<string, unknown> }>(
      'SELECT details FROM audit_log WHERE action = $1 AND target = $2',
      [action, target],
    );

  beforeAll(async () => {
    api = await startTestPlatform();
    organizer = await api.as('organizer');
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('splits an accepted offer: the first participants get the free places, the rest waits at the end', async () => {
    const id = await openConference(5);
    expect((await register(id, 'goch', 3)).data!.registerForConference.status).toBe('CONFIRMED');
    expect(await state(id)).toMatchObject({ freePlaces: 2, waitlistedRegistrations: 0 });

    const split = await register(id, 'herford', 3, 2);
    expect(split.errors).toBeUndefined();
    expect(split.data!.registerForConference).toMatchObject({
      status: 'CONFIRMED',
      participantCount: 2,
      splitRest: false,
    });
    const after = await state(id);
    expect(after).toMatchObject({ confirmedParticipants: 5, waitlistedRegistrations: 1 });
    expect(brief(after)).toEqual([
      'goch 3 CONFIRMED',
      'herford 2 CONFIRMED',
      'herford rest 1 WAITLISTED 1',
    ]);
    const herford = after.registrations.filter((r) => r.city.slug === 'herford');
    expect(herford.map((r) => r.participants.map((p) => p.name))).toEqual([
      ['Person 1 herford', 'Person 2 herford'],
      ['Person 3 herford'],
    ]);
    // The rest counts as registered: the city cannot register again.
    expect((await register(id, 'herford', 1)).errors?.[0].extensions).toMatchObject({
      reason: 'ALREADY_REGISTERED',
    });

    // Someone waits now: nothing is free to a newcomer, who queues behind the rest.
    expect((await register(id, 'husum', 1)).data!.registerForConference).toMatchObject({
      status: 'WAITLISTED',
      waitlistPosition: 2,
    });
    const goch = after.registrations.find((r) => r.city.slug === 'goch')!;
    await (
      await coordinator('goch')
    ).gql('mutation($id: ID!) { cancelRegistration(id: $id) { status } }', { id: goch.id });
    expect(brief(await state(id))).toEqual([
      'goch 3 CANCELLED',
      'herford 2 CONFIRMED',
      'herford rest 1 CONFIRMED',
      'husum 1 CONFIRMED',
    ]);
  });

  it('answers a stale offer with SEATS_TAKEN and writes nothing; never a split while others wait', async () => {
    const id = await openConference(4);
    await register(id, 'goch', 3);
    // husum saw "1 place free" and accepted a split; herford took the place meanwhile.
    expect((await register(id, 'herford', 1)).data!.registerForConference.status).toBe('CONFIRMED');
    const stale = await register(id, 'husum', 2, 1);
    expect(stale.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'SEATS_TAKEN',
      field: 'input.minConfirmed',
      params: { freePlaces: '0' },
    });
    expect(brief(await state(id))).toEqual(['goch 3 CONFIRMED', 'herford 1 CONFIRMED']);

    // Not a split of all participants nor of none.
    for (const min of [0, 2, 3])
      expect((await register(id, 'husum', 2, min)).errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.minConfirmed',
      });

    // One place empty but someone waits: the offer cannot jump the line.
    const waiting = await openConference(4);
    await register(waiting, 'goch', 3);
    expect((await register(waiting, 'herford', 2)).data!.registerForConference.status).toBe(
      'WAITLISTED',
    );
    expect(await state(waiting)).toMatchObject({ freePlaces: 0, confirmedParticipants: 3 });
    expect((await register(waiting, 'husum', 2, 1)).errors?.[0].extensions).toMatchObject({
      reason: 'SEATS_TAKEN',
      params: { freePlaces: '0' },
    });
  });

  it('lets organizers reorder and confirm by hand within the capacity, audited, and tells the city', async () => {
    const id = await openConference(4);
    await register(id, 'goch', 3);
    const herford = (await register(id, 'herford', 2)).data!.registerForConference;
    const husum = (await register(id, 'husum', 1)).data!.registerForConference;
    expect([herford.waitlistPosition, husum.waitlistPosition]).toEqual([1, 2]);

    // Coordinators do not manage the line (not even their own registration).
    const byCity = await (await coordinator('husum')).gql(MOVE, { id: husum.id, d: 'UP' });
    expect(byCity.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(
      (await (await coordinator('husum')).gql(CONFIRM, { id: husum.id })).errors?.[0].extensions
        ?.code,
    ).toBe('FORBIDDEN');

    // Confirming the head would exceed the capacity: refused, it stays waiting.
    expect((await organizer.gql(CONFIRM, { id: herford.id })).errors?.[0].extensions).toMatchObject(
      { code: 'CONFLICT', reason: 'CAPACITY_EXCEEDED', params: { freePlaces: '1' } },
    );
    expect(await audit('REGISTRATION_CONFIRMED_BY_HAND', herford.id)).toHaveLength(0);

    // Moving husum (1) to the head: the seat rule confirms it at once, it fits.
    const moved = await organizer.gql<{ moveWaitlistedRegistration: Registration }>(MOVE, {
      id: husum.id,
      d: 'UP',
    });
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.moveWaitlistedRegistration.status).toBe('CONFIRMED');
    expect(await audit('WAITLIST_REORDERED', husum.id)).toEqual([
      { details: expect.objectContaining({ conferenceId: id, from: 2, to: 1 }) },
    ]);
    expect(brief(await state(id))).toEqual([
      'goch 3 CONFIRMED',
      'husum 1 CONFIRMED', // listed in line order: it moved ahead
      'herford 2 WAITLISTED 1',
    ]);
    expect(
      (await organizer.gql(MOVE, { id: herford.id, d: 'DOWN' })).errors?.[0].extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'WAITLIST_EDGE' });
    expect(
      (await organizer.gql(MOVE, { id: husum.id, d: 'DOWN' })).errors?.[0].extensions,
    ).toMatchObject({ reason: 'INVALID_TRANSITION' });
    expect((await organizer.gql(CONFIRM, { id: husum.id })).errors?.[0].extensions).toMatchObject({
      reason: 'INVALID_TRANSITION',
    });
    expect(
      (await organizer.gql(CONFIRM, { id: 'kein-uuid' })).errors?.[0].extensions,
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('confirms out of line when an organizer says so, and notifies that city', async () => {
    const id = await openConference(6);
    await register(id, 'goch', 4);
    const herford = (await register(id, 'herford', 3)).data!.registerForConference;
    const husum = (await register(id, 'husum', 2)).data!.registerForConference;
    // 2 free, head (3) does not fit: husum (2, second) is confirmed by hand.
    const confirmed = await organizer.gql<{ confirmWaitlistedRegistration: Registration }>(
      CONFIRM,
      {
        id: husum.id,
      },
    );
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data!.confirmWaitlistedRegistration).toMatchObject({
      status: 'CONFIRMED',
      waitlistPosition: null,
    });
    expect(await audit('REGISTRATION_CONFIRMED_BY_HAND', husum.id)).toEqual([
      { details: expect.objectContaining({ conferenceId: id, waitlistPosition: 2 }) },
    ]);
    expect(await state(id)).toMatchObject({ confirmedParticipants: 6, waitlistedRegistrations: 1 });
    expect((await organizer.gql(CONFIRM, { id: herford.id })).errors?.[0].extensions).toMatchObject(
      { reason: 'CAPACITY_EXCEEDED', params: { freePlaces: '0' } },
    );
    await api.platform.app.get(NotificationOutboxWorker).settle();
    const notified = await api.ownerQuery<{ slug: string }>(
      `SELECT DISTINCT c.slug FROM notification n JOIN city c ON c.id = n.city_id
        WHERE n.kind = 'REGISTRATION_CONFIRMED' AND n.link = $1`,
      [`/konferenzen/${id}`],
    );
    expect(notified.map((row) => row.slug)).toEqual(['husum']);
  });

  it('never over-fills: parallel registrations, split offers and whole ones, for the last places', async () => {
    const cities = (
      await api.ownerQuery<{ slug: string }>('SELECT slug FROM city ORDER BY slug LIMIT 16')
    ).map((row) => row.slug);
    const id = await openConference(10);
    for (const city of cities) await coordinator(city); // sign in one after the other
    const results = await Promise.all(
      cities.map((city, i) => register(id, city, 3, i % 2 === 0 ? 1 : undefined)),
    );
    for (const result of results)
      expect(
        result.data?.registerForConference.status ?? result.errors?.[0].extensions?.reason,
      ).toMatch(/^(CONFIRMED|WAITLISTED|SEATS_TAKEN)$/);
    const [row] = await api.ownerQuery<{
      confirmed: number;
      counted: number;
      waiting: number;
      counted_waiting: number;
    }>(
      `SELECT c.confirmed_participants AS confirmed, c.waitlisted_registrations AS waiting,
              (SELECT coalesce(sum(participant_count), 0)::int FROM registration r WHERE r.conference_id = c.id AND r.status = 'CONFIRMED') AS counted,
              (SELECT count(*)::int FROM registration r WHERE r.conference_id = c.id AND r.status = 'WAITLISTED') AS counted_waiting
         FROM conference c WHERE c.id = $1`,
      [id],
    );
    expect(row.confirmed).toBe(row.counted);
    expect(row.waiting).toBe(row.counted_waiting);
    expect(row.confirmed).toBeLessThanOrEqual(10);
    // Places were handed out until none was left: 3 + 3 + 3 and then a split or a wait.
    expect(row.confirmed).toBeGreaterThanOrEqual(9);
    // Every registered city has all its 3 participants somewhere, none twice.
    const perCity = await api.ownerQuery<{ n: number }>(
      `SELECT sum(participant_count)::int AS n FROM registration WHERE conference_id = $1 GROUP BY city_id`,
      [id],
    );
    expect(perCity.every((c) => c.n === 3)).toBe(true);
  });
});
