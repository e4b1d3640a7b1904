import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { startTestPlatform, type Client, type TestPlatform } from './harness';

const CREATE = `mutation($i: ConferenceInput!) { createConference(input: $i) { id status startsAt endsAt startsAtLocal endsAtLocal federalStates } }`;
const UPDATE = `mutation($i: UpdateConferenceInput!) { updateConference(input: $i) { id status } }`;
const REGISTER = `mutation($i: RegisterForConferenceInput!) { registerForConference(input: $i) { id status participantCount waitlistPosition } }`;

const people = (count: number, city: string) =>
  Array.from({ length: count }, (_, i) => ({
    name: `Teilnahme ${i + 1} ${city}`,
    email: `teilnahme${i + 1}@${city}.example`,
    role: 'Ehrenamt',
    needs: i === 0 ? 'Rollstuhlplatz' : '',
  }));

describe('conferences', () => {
  let api: TestPlatform;
  let organizer: Client;

  async function openConference(
    capacity: number,
    extra: Record<string, unknown> = {},
  ): Promise<string> {
    const created = await organizer.gql<{ createConference: { id: string } }>(CREATE, {
      i: {
        title: `Netzwerktreffen ${Math.random().toString(36).slice(2, 7)}`,
        kind: 'NETWORK_MEETING',
        startsAt: '2027-05-20T10:00',
        endsAt: '2027-05-21T16:00',
        capacity,
        venue: 'Kongresshalle',
        ...extra,
      },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createConference.id;
    const opened = await organizer.gql(UPDATE, { i: { id, status: 'OPEN' } });
    expect(opened.errors).toBeUndefined();
    return id;
  }

  beforeAll(async () => {
    api = await startTestPlatform();
    organizer = await api.as('organizer');
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('stores Berlin times across a daylight-saving change and gives them back as entered', async () => {
    const { data, errors } = await organizer.gql<{
      createConference: {
        startsAt: string;
        endsAt: string;
        startsAtLocal: string;
        endsAtLocal: string;
        federalStates: string[];
      };
    }>(CREATE, {
      i: {
        title: 'Regionalkonferenz Nord',
        kind: 'REGIONAL_CONFERENCE',
        region: 'NORTH',
        startsAt: '2027-03-27T10:00',
        endsAt: '2027-03-28T15:00',
        capacity: 80,
      },
    });
    expect(errors).toBeUndefined();
    const conference = data!.createConference;
    expect(conference.startsAt).toBe('2027-03-27T09:00:00.000Z'); // winter time, +01:00
    expect(conference.endsAt).toBe('2027-03-28T13:00:00.000Z'); // summer time, +02:00
    expect([conference.startsAtLocal, conference.endsAtLocal]).toEqual([
      '2027-03-27T10:00',
      '2027-03-28T15:00',
    ]);
    expect(conference.federalStates.sort()).toEqual(['DE-HB', 'DE-HH', 'DE-MV', 'DE-NI', 'DE-SH']);

    const gap = await organizer.gql(CREATE, {
      i: {
        title: 'Nachtschicht',
        kind: 'TRAINING',
        startsAt: '2027-03-28T02:30',
        endsAt: '2027-03-28T05:00',
        capacity: 5,
      },
    });
    expect(gap.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_TIME',
      field: 'input.startsAt',
    });
    const backwards = await organizer.gql(CREATE, {
      i: {
        title: 'Rückwärts',
        kind: 'TRAINING',
        startsAt: '2027-05-02T10:00',
        endsAt: '2027-05-01T10:00',
        capacity: 5,
      },
    });
    expect(backwards.errors?.[0].extensions).toMatchObject({ field: 'input.endsAt' });
    const noRegion = await organizer.gql(CREATE, {
      i: {
        title: 'Ohne Region',
        kind: 'REGIONAL_CONFERENCE',
        startsAt: '2027-05-02T10:00',
        endsAt: '2027-05-02T12:00',
        capacity: 5,
      },
    });
    expect(noRegion.errors?.[0].extensions).toMatchObject({ field: 'input.region' });
    const byCoordinator = await (
      await api.as('coordinator', 'goch')
    ).gql(CREATE, {
      i: {
        title: 'Fremd',
        kind: 'TRAINING',
        startsAt: '2027-05-02T10:00',
        endsAt: '2027-05-02T12:00',
        capacity: 5,
      },
    });
    expect(byCoordinator.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('validates the agenda: inside the conference, no double booking of a room', async () => {
    const id = await openConference(50);
    const add = `mutation($i: AgendaSessionInput!) { addAgendaSession(input: $i) { id startsAtLocal } }`;
    const ok = await organizer.gql(add, {
      i: {
        conferenceId: id,
        title: 'Eröffnung',
        startsAt: '2027-05-20T10:00',
        endsAt: '2027-05-20T11:00',
        room: 'Saal 1',
      },
    });
    expect(ok.errors).toBeUndefined();
    const clash = await organizer.gql(add, {
      i: {
        conferenceId: id,
        title: 'Werkstatt',
        format: 'WORKSHOP',
        startsAt: '2027-05-20T10:30',
        endsAt: '2027-05-20T12:00',
        room: 'Saal 1',
      },
    });
    expect(clash.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ROOM_TAKEN',
      field: 'input.room',
    });
    const otherRoom = await organizer.gql(add, {
      i: {
        conferenceId: id,
        title: 'Werkstatt',
        format: 'WORKSHOP',
        startsAt: '2027-05-20T10:30',
        endsAt: '2027-05-20T12:00',
        room: 'Saal 2',
      },
    });
    expect(otherRoom.errors).toBeUndefined();
    const outside = await organizer.gql(add, {
      i: {
        conferenceId: id,
        title: 'Zu früh',
        startsAt: '2027-05-19T10:00',
        endsAt: '2027-05-19T11:00',
      },
    });
    expect(outside.errors?.[0].extensions).toMatchObject({ reason: 'OUTSIDE_CONFERENCE' });
  });

  it('fills places, then the waitlist in order; a cancellation moves the waitlist up and tells the city', async () => {
    const id = await openConference(5);
    const register = async (city: string, count: number) =>
      (await api.as('coordinator', city)).gql<{
        registerForConference: { id: string; status: string; waitlistPosition: number | null };
      }>(REGISTER, {
        i: { conferenceId: id, citySlug: city, participants: people(count, city) },
      });
    const first = await register('goch', 3);
    const second = await register('herford', 3);
    const third = await register('husum', 1);
    expect(first.data!.registerForConference).toMatchObject({
      status: 'CONFIRMED',
      waitlistPosition: null,
    });
    expect(second.data!.registerForConference).toMatchObject({
      status: 'WAITLISTED',
      waitlistPosition: 1,
    });
    // Two places are free, but nobody jumps the waitlist.
    expect(third.data!.registerForConference).toMatchObject({
      status: 'WAITLISTED',
      waitlistPosition: 2,
    });
    const twice = await register('goch', 1);
    expect(twice.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_REGISTERED',
    });

    const gochCoordinator = await api.as('coordinator', 'goch');
    await gochCoordinator.gql('mutation($id: ID!) { cancelRegistration(id: $id) { status } }', {
      id: first.data!.registerForConference.id,
    });
    const overview = await organizer.gql<{
      conference: {
        freePlaces: number;
        registrations: Array<{ status: string; city: { slug: string } }>;
      };
    }>(
      'query($id: ID!) { conference(id: $id) { freePlaces registrations { status city { slug } } } }',
      { id },
    );
    const status = Object.fromEntries(
      overview.data!.conference.registrations.map((r) => [r.city.slug, r.status]),
    );
    expect(status).toEqual({ goch: 'CANCELLED', herford: 'CONFIRMED', husum: 'CONFIRMED' });
    expect(overview.data!.conference.freePlaces).toBe(1);
    const mails = await api.ownerQuery<{ recipient: string }>(
      "SELECT recipient FROM dev_mail WHERE subject LIKE 'Wissensnetz: Platz frei%'",
    );
    expect(mails.map((mail) => mail.recipient)).toEqual(
      expect.arrayContaining([
        'coordinator.herford@demo.wissensnetz.example',
        'coordinator.husum@demo.wissensnetz.example',
      ]),
    );
  });

  it('never overbooks: 50 simultaneous registrations for the last places', async () => {
    const cities = (
      await api.ownerQuery<{ slug: string }>('SELECT slug FROM city ORDER BY slug')
    ).map((row) => row.slug);
    const id = await openConference(10);
    const clients = await Promise.all(cities.map((slug) => api.as('coordinator', slug)));
    // 34 cities, each with one or two parallel attempts: 50 requests at once.
    const attempts = Array.from({ length: 50 }, (_, i) => ({
      client: clients[i % clients.length],
      city: cities[i % cities.length],
    }));
    const results = await Promise.all(
      attempts.map(({ client, city }) =>
        client.gql<{ registerForConference: { status: string } }>(REGISTER, {
          i: { conferenceId: id, citySlug: city, participants: people(1, city) },
        }),
      ),
    );
    const statuses = results.map(
      (result) =>
        result.data?.registerForConference.status ??
        (result.errors?.[0].extensions?.reason as string),
    );
    expect(statuses.filter((s) => s === 'CONFIRMED')).toHaveLength(10);
    expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(cities.length - 10);
    expect(statuses.filter((s) => s === 'ALREADY_REGISTERED')).toHaveLength(50 - cities.length);
    const [row] = await api.ownerQuery<{ confirmed: number; counted: number }>(
      `SELECT c.confirmed_participants AS confirmed, (SELECT coalesce(sum(participant_count), 0)::int FROM registration r WHERE r.conference_id = c.id AND r.status = 'CONFIRMED') AS counted
         FROM conference c WHERE c.id = $1`,
      [id],
    );
    expect(row).toEqual({ confirmed: 10, counted: 10 });
  });

  it('shows participants only to the registering city and organizers; exports CSV for organizers', async () => {
    const id = await openConference(20);
    await (
      await api.as('coordinator', 'lemgo')
    ).gql(REGISTER, {
      i: { conferenceId: id, citySlug: 'lemgo', participants: people(2, 'lemgo') },
    });
    const query =
      'query($id: ID!) { conference(id: $id) { registrations { city { slug } participants { name email needs } } } }';
    const own = await (
      await api.as('member', 'lemgo')
    ).gql<{ conference: { registrations: Array<{ participants: unknown[] }> } }>(query, { id });
    expect(own.data!.conference.registrations[0].participants).toHaveLength(2);
    const other = await (
      await api.as('coordinator', 'goch')
    ).gql<{ conference: { registrations: unknown[] } }>(query, { id });
    expect(other.data!.conference.registrations).toEqual([]);
    const anonymous = await api.gql<{ conference: { registrations: unknown[] } }>(query, { id });
    expect(anonymous.data!.conference.registrations).toEqual([]);

    const csv = await fetch(`${api.url}/export/conferences/${id}/registrations.csv`, {
      headers: { cookie: organizer.cookie! },
    });
    expect(csv.status).toBe(200);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8'), {
      bom: true,
      delimiter: ';',
      columns: true,
    }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      Stadt: 'Lemgo',
      Bundesland: 'DE-NW',
      Status: 'CONFIRMED',
      Name: 'Teilnahme 1 lemgo',
      Bedarfe: 'Rollstuhlplatz',
    });
    const forbidden = await fetch(`${api.url}/export/conferences/${id}/registrations.csv`, {
      headers: { cookie: (await api.as('coordinator', 'lemgo')).cookie! },
    });
    expect(forbidden.status).toBe(403);
  });

  it('serves calendar files that parse, in UTC, keeping the UID across updates', async () => {
    const id = await openConference(20, {
      startsAt: '2027-10-30T18:00',
      endsAt: '2027-10-31T12:00',
    });
    const read = async () => {
      const response = await fetch(`${api.url}/calendar/conferences/${id}.ics`);
      expect(response.headers.get('content-type')).toContain('text/calendar');
      const calendar = new ICAL.Component(ICAL.parse(await response.text()));
      return calendar.getFirstSubcomponent('vevent')!;
    };
    const before = await read();
    const event = new ICAL.Event(before);
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-10-30T16:00:00.000Z'); // summer time
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-10-31T11:00:00.000Z'); // winter time
    await organizer.gql(UPDATE, { i: { id, venue: 'Rathaus' } });
    const after = await read();
    expect(after.getFirstPropertyValue('uid')).toBe(before.getFirstPropertyValue('uid'));
    expect(Number(after.getFirstPropertyValue('sequence'))).toBeGreaterThan(
      Number(before.getFirstPropertyValue('sequence')),
    );
    expect(after.getFirstPropertyValue('location')).toBe('Rathaus');

    await (
      await api.as('coordinator', 'bitburg')
    ).gql(REGISTER, {
      i: { conferenceId: id, citySlug: 'bitburg', participants: people(1, 'bitburg') },
    });
    const feed = await fetch(`${api.url}/calendar/bitburg.ics`);
    const uids = new ICAL.Component(ICAL.parse(await feed.text()))
      .getAllSubcomponents('vevent')
      .map((e) => e.getFirstPropertyValue('uid'));
    expect(uids).toContain(`conference-${id}@wissensnetz.example`);
  });
});
