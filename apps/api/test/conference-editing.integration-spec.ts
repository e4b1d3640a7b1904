import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { startTestPlatform, type Client, type TestPlatform } from './harness';

const CREATE = `mutation($i: ConferenceInput!) { createConference(input: $i) { id } }`;
const UPDATE = `mutation($i: UpdateConferenceInput!) { updateConference(input: $i) {
  title description kind region federalStates startsAtLocal endsAtLocal venue onlineUrl capacity
  registrationOpensAt registrationClosesAt hostCity { slug } } }`;
const ADD = `mutation($i: AgendaSessionInput!) { addAgendaSession(input: $i) { id } }`;
const EDIT = `mutation($i: UpdateAgendaSessionInput!) { updateAgendaSession(input: $i) { id title startsAtLocal } }`;
const REGISTER = `mutation($i: RegisterForConferenceInput!) { registerForConference(input: $i) { id status } }`;

describe('editing a conference', () => {
  let api: TestPlatform;
  let organizer: Client;

  const create = async (title: string) => {
    const { data, errors } = await organizer.gql<{ createConference: { id: string } }>(CREATE, {
      i: {
        title,
        kind: 'NETWORK_MEETING',
        startsAt: '2027-05-20T10:00',
        endsAt: '2027-05-21T16:00',
        capacity: 2,
        venue: 'Kongresshalle',
      },
    });
    expect(errors).toBeUndefined();
    return data!.createConference.id;
  };

  const event = async (id: string) => {
    const response = await fetch(`${api.url}/calendar/conferences/${id}.ics`);
    return new ICAL.Component(ICAL.parse(await response.text())).getFirstSubcomponent('vevent')!;
  };

  beforeAll(async () => {
    api = await startTestPlatform();
    organizer = await api.as('organizer');
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('changes every field the create form has; bad values are typed field errors', async () => {
    const id = await create(`Entwurf ${Date.now()}`);
    const { data, errors } = await organizer.gql<{ updateConference: Record<string, unknown> }>(
      UPDATE,
      {
        i: {
          id,
          title: 'Regionalkonferenz Nord',
          description: 'Neu beschrieben',
          kind: 'REGIONAL_CONFERENCE',
          region: 'NORTH',
          federalStates: ['DE-HH', 'DE-SH'],
          startsAt: '2027-05-20T09:00',
          endsAt: '2027-05-20T17:00',
          venue: null,
          onlineUrl: 'https://meet.example/nord',
          capacity: 120,
          registrationOpensAt: '2027-01-10T08:00',
          registrationClosesAt: '2027-05-01T23:00',
          hostCitySlug: 'lemgo',
        },
      },
    );
    expect(errors).toBeUndefined();
    expect(data!.updateConference).toMatchObject({
      title: 'Regionalkonferenz Nord',
      description: 'Neu beschrieben',
      kind: 'REGIONAL_CONFERENCE',
      region: 'NORTH',
      federalStates: ['DE-HH', 'DE-SH'],
      startsAtLocal: '2027-05-20T09:00',
      endsAtLocal: '2027-05-20T17:00',
      venue: null,
      onlineUrl: 'https://meet.example/nord',
      capacity: 120,
      registrationOpensAt: '2027-01-10T07:00:00.000Z',
      registrationClosesAt: '2027-05-01T21:00:00.000Z',
      hostCity: { slug: 'lemgo' },
    });
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ title: 'x' }, 'input.title'],
      [{ capacity: 0 }, 'input.capacity'],
      [{ startsAt: '20.05.2027' }, 'input.startsAt'],
      [{ endsAt: '2027-05-19T10:00' }, 'input.endsAt'],
      [{ onlineUrl: 'http://meet.example' }, 'input.onlineUrl'],
      [{ registrationClosesAt: '2027-06-01T10:00' }, 'input.registrationClosesAt'],
      [{ region: null }, 'input.region'],
      [{ hostCitySlug: 'nirgendwo' }, 'input.hostCitySlug'],
    ];
    for (const [change, field] of bad) {
      const refused = await organizer.gql(UPDATE, { i: { id, ...change } });
      expect(refused.errors?.[0].extensions, JSON.stringify(change)).toMatchObject({ field });
    }
    const member = await api.as('member', 'lemgo');
    expect(
      (await member.gql(UPDATE, { i: { id, title: 'Fremd' } })).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('names the session that holds the room, with its Berlin time', async () => {
    const id = await create(`Raumplan ${Date.now()}`);
    await organizer.gql(ADD, {
      i: {
        conferenceId: id,
        title: 'Auftakt',
        startsAt: '2027-05-20T10:00',
        endsAt: '2027-05-20T11:30',
        room: 'Saal 1',
      },
    });
    const other = await organizer.gql<{ addAgendaSession: { id: string } }>(ADD, {
      i: {
        conferenceId: id,
        title: 'Werkstatt',
        startsAt: '2027-05-20T12:00',
        endsAt: '2027-05-20T13:00',
        room: 'Saal 1',
      },
    });
    // Moving a session onto the first one's time is the clash an editor meets.
    const clash = await organizer.gql(EDIT, {
      i: { id: other.data!.addAgendaSession.id, startsAt: '2027-05-20T11:00' },
    });
    expect(clash.errors?.[0].message).toBe(
      'The room is taken by "Auftakt" (Thu, 20 May, 10:00–11:30)',
    );
    expect(clash.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ROOM_TAKEN',
      field: 'input.room',
      params: {
        sessionTitle: 'Auftakt',
        startsAtLocal: '2027-05-20T10:00',
        endsAtLocal: '2027-05-20T11:30',
      },
    });
  });

  it('every change reaches the calendar: same UID, higher SEQUENCE, agenda and link in it', async () => {
    const id = await create(`Kalender ${Date.now()}`);
    const sequences: number[] = [];
    const uids = new Set<string>();
    const snapshot = async () => {
      const vevent = await event(id);
      uids.add(String(vevent.getFirstPropertyValue('uid')));
      sequences.push(Number(vevent.getFirstPropertyValue('sequence')));
      return vevent;
    };
    await snapshot();
    const added = await organizer.gql<{ addAgendaSession: { id: string } }>(ADD, {
      i: {
        conferenceId: id,
        title: 'Auftakt',
        startsAt: '2027-05-20T10:00',
        endsAt: '2027-05-20T11:30',
        room: 'Saal 1',
      },
    });
    const withAgenda = await snapshot();
    expect(String(withAgenda.getFirstPropertyValue('description'))).toContain(
      'Do, 20. Mai, 10:00–11:30 · Auftakt (Saal 1)',
    );
    const edited = await organizer.gql(EDIT, {
      i: { id: added.data!.addAgendaSession.id, title: 'Begrüßung' },
    });
    expect(edited.errors).toBeUndefined();
    const renamed = await snapshot();
    expect(String(renamed.getFirstPropertyValue('description'))).toContain('· Begrüßung (Saal 1)');
    await organizer.gql(UPDATE, { i: { id, capacity: 30 } });
    await snapshot();
    await organizer.gql(`mutation($id: ID!) { removeAgendaSession(id: $id) }`, {
      id: added.data!.addAgendaSession.id,
    });
    const removed = await snapshot();
    expect(String(removed.getFirstPropertyValue('description'))).not.toContain('Begrüßung');

    expect(uids.size).toBe(1);
    for (let i = 1; i < sequences.length; i++)
      expect(sequences[i]).toBeGreaterThan(sequences[i - 1]);
    const page = new URL(`/konferenzen/${id}`, api.url).pathname;
    expect(new URL(String(removed.getFirstPropertyValue('url'))).pathname).toBe(page);
    expect(String(removed.getFirstPropertyValue('description'))).toContain(page);
  });

  it('exports registrations for office staff: title and date, German values, named file', async () => {
    const title = `Regionalkonferenz Nord ${Date.now()}`;
    const id = await create(title);
    await organizer.gql(UPDATE, { i: { id, status: 'OPEN' } });
    const register = async (city: string) => {
      const { data, errors } = await (
        await api.as('coordinator', city)
      ).gql<{ registerForConference: { id: string; status: string } }>(REGISTER, {
        i: {
          conferenceId: id,
          citySlug: city,
          participants: [
            { name: `Person ${city} 1`, email: `p1@${city}.example` },
            { name: `Person ${city} 2`, email: `p2@${city}.example` },
          ],
        },
      });
      expect(errors).toBeUndefined();
      return data!.registerForConference;
    };
    const first = await register('lemgo');
    const second = await register('goch');
    expect(second.status).toBe('WAITLISTED');
    await register('bitburg');
    await (
      await api.as('coordinator', 'goch')
    ).gql('mutation($id: ID!) { cancelRegistration(id: $id) { status } }', { id: second.id });
    expect(first.status).toBe('CONFIRMED');

    const response = await fetch(`${api.url}/export/conferences/${id}/registrations.csv`, {
      headers: { cookie: organizer.cookie! },
    });
    expect(response.status).toBe(200);
    const slug = title.toLowerCase().replace(/ /g, '-');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="anmeldungen-${slug}-2027-05-20.csv"; filename*=UTF-8''anmeldungen-${slug}-2027-05-20.csv`,
    );
    const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
    const lines = parseCsv(text, {
      bom: true,
      delimiter: ';',
      relax_column_count: true,
    }) as string[][];
    expect(lines[0]).toEqual(['Konferenz', title]);
    expect(lines[1]).toEqual(['Datum', '20.05.2027 bis 21.05.2027']);
    expect(lines[2]).toEqual(['']);
    expect(lines[3]).toEqual([
      'Stadt',
      'Bundesland',
      'Status',
      'Angemeldet am',
      'Name',
      'E-Mail',
      'Rolle',
      'Bedarfe',
    ]);
    const rows = lines.slice(4).map((row) => ({ city: row[0], state: row[1], status: row[2] }));
    // goch cancelled (so bitburg moved up): confirmed first, cancellations last.
    expect(rows.map((row) => `${row.city} ${row.status}`)).toEqual([
      'Lemgo bestätigt',
      'Lemgo bestätigt',
      'Bitburg Warteliste',
      'Bitburg Warteliste',
      'Goch abgesagt',
      'Goch abgesagt',
    ]);
    expect(rows[0].state).toBe('Nordrhein-Westfalen');
    expect(lines[4][3]).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
  });
});
