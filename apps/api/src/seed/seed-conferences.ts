import type { EntityManager } from 'typeorm';
import { berlinToUtc } from '../core/time/berlin-time';

interface ConferenceSeed {
  title: string;
  kind: 'NETWORK_MEETING' | 'REGIONAL_CONFERENCE' | 'ONLINE_EXCHANGE' | 'TRAINING';
  region?: 'NORTH' | 'EAST' | 'SOUTH' | 'WEST';
  states?: string[];
  startsAt: string;
  endsAt: string;
  venue?: string;
  onlineUrl?: string;
  host?: string;
  capacity: number;
  status: 'PLANNED' | 'OPEN' | 'CLOSED' | 'HELD';
  description: string;
  agenda: Array<{
    title: string;
    format: string;
    startsAt: string;
    endsAt: string;
    room: string;
    speakers?: string;
    topics?: string[];
  }>;
}

/** Invented programmes; places are real cities, speakers are roles, not persons. */
export const DEMO_CONFERENCES: ConferenceSeed[] = [
  {
    title: 'Netzwerktreffen 2023 in Mannheim',
    kind: 'NETWORK_MEETING',
    startsAt: '2023-09-21T10:00',
    endsAt: '2023-09-22T15:00',
    venue: 'Mannheim, Kongresszentrum',
    host: 'mannheim',
    capacity: 180,
    status: 'HELD',
    description:
      'Jährliches Treffen aller Engagierten Städte mit Werkstätten zu Beteiligung und Demokratie.',
    agenda: [
      {
        title: 'Begrüßung und Rückblick',
        format: 'TALK',
        startsAt: '2023-09-21T10:00',
        endsAt: '2023-09-21T11:00',
        room: 'Plenum',
        speakers: 'Netzwerkbüro',
      },
      {
        title: 'Werkstatt Bürgerhaushalt',
        format: 'WORKSHOP',
        startsAt: '2023-09-21T13:00',
        endsAt: '2023-09-21T15:00',
        room: 'Raum A',
        topics: ['beteiligung'],
      },
    ],
  },
  {
    title: 'Netzwerktreffen 2024 in Würzburg',
    kind: 'NETWORK_MEETING',
    startsAt: '2024-09-26T10:00',
    endsAt: '2024-09-27T15:00',
    venue: 'Würzburg, Congress Centrum',
    host: 'wuerzburg',
    capacity: 200,
    status: 'HELD',
    description: 'Begrüßung der 23 neuen Städte und Start der Tandems.',
    agenda: [
      {
        title: 'Willkommen an die neuen Städte',
        format: 'TALK',
        startsAt: '2024-09-26T10:00',
        endsAt: '2024-09-26T11:00',
        room: 'Plenum',
        speakers: 'Netzwerkbüro',
      },
      {
        title: 'Weltcafé Tandems',
        format: 'WORLD_CAFE',
        startsAt: '2024-09-26T14:00',
        endsAt: '2024-09-26T16:00',
        room: 'Foyer',
      },
    ],
  },
  {
    title: 'Regionalkonferenz Nord',
    kind: 'REGIONAL_CONFERENCE',
    region: 'NORTH',
    startsAt: '2026-03-12T10:00',
    endsAt: '2026-03-12T16:00',
    venue: 'Cloppenburg, Stadthalle',
    host: 'cloppenburg',
    capacity: 60,
    status: 'HELD',
    description: 'Austausch der norddeutschen Städte zu Generationenwechsel im Ehrenamt.',
    agenda: [
      {
        title: 'Nachfolge in Vorständen',
        format: 'WORKSHOP',
        startsAt: '2026-03-12T10:30',
        endsAt: '2026-03-12T12:30',
        room: 'Saal',
        topics: ['generationenwechsel'],
      },
    ],
  },
  {
    title: 'Regionalkonferenz Ost',
    kind: 'REGIONAL_CONFERENCE',
    region: 'EAST',
    startsAt: '2026-04-23T10:00',
    endsAt: '2026-04-23T16:00',
    venue: 'Stendal, Musikforum',
    host: 'stendal',
    capacity: 60,
    status: 'HELD',
    description:
      'Demokratie stärken in kleinen Städten: Erfahrungen aus Sachsen-Anhalt, Sachsen und Thüringen.',
    agenda: [
      {
        title: 'Bündnisse für Demokratie',
        format: 'PANEL',
        startsAt: '2026-04-23T11:00',
        endsAt: '2026-04-23T12:30',
        room: 'Saal',
        topics: ['praevention-demokratie-toleranz'],
      },
    ],
  },
  {
    title: 'Regionalkonferenz Süd',
    kind: 'REGIONAL_CONFERENCE',
    region: 'SOUTH',
    startsAt: '2027-02-18T10:00',
    endsAt: '2027-02-18T16:00',
    venue: 'Ingolstadt, Bürgerhaus',
    host: 'ingolstadt',
    capacity: 60,
    status: 'OPEN',
    description: 'Prävention mit Jugendlichen: was in Bayern und Baden-Württemberg trägt.',
    agenda: [
      {
        title: 'Jugendforen im Vergleich',
        format: 'WORKSHOP',
        startsAt: '2027-02-18T10:30',
        endsAt: '2027-02-18T12:30',
        room: 'Saal 1',
        topics: ['praevention-jugend'],
      },
    ],
  },
  {
    title: 'Regionalkonferenz West',
    kind: 'REGIONAL_CONFERENCE',
    region: 'WEST',
    startsAt: '2027-03-11T10:00',
    endsAt: '2027-03-11T16:00',
    venue: 'Lemgo, Alte Abtei',
    host: 'lemgo',
    capacity: 60,
    status: 'PLANNED',
    description: 'Digitale Werkzeuge für Vereine zwischen Niederrhein und Eifel.',
    agenda: [],
  },
  {
    title: 'Netzwerktreffen 2027',
    kind: 'NETWORK_MEETING',
    startsAt: '2027-09-23T10:00',
    endsAt: '2027-09-24T15:00',
    venue: 'Bad Hersfeld, Stadthalle',
    host: 'bad-hersfeld',
    capacity: 220,
    status: 'OPEN',
    description: 'Das große Treffen aller Engagierten Städte: Anmeldung ist offen.',
    agenda: [
      {
        title: 'Eröffnung',
        format: 'TALK',
        startsAt: '2027-09-23T10:00',
        endsAt: '2027-09-23T11:00',
        room: 'Plenum',
        speakers: 'Netzwerkbüro und gastgebende Stadt',
      },
      {
        title: 'Werkstatt Engagement-Lotsen',
        format: 'WORKSHOP',
        startsAt: '2027-09-23T13:00',
        endsAt: '2027-09-23T15:00',
        room: 'Raum A',
        topics: ['neue-engagementformen'],
      },
      {
        title: 'Werkstatt Digitale Sprechstunde',
        format: 'WORKSHOP',
        startsAt: '2027-09-23T13:00',
        endsAt: '2027-09-23T15:00',
        room: 'Raum B',
        topics: ['digitalisierung'],
      },
    ],
  },
  {
    title: 'Training: Demokratie und Toleranz vor Ort',
    kind: 'TRAINING',
    startsAt: '2027-01-21T09:30',
    endsAt: '2027-01-21T16:30',
    onlineUrl: 'https://konferenz.wissensnetz.example/training-demokratie',
    capacity: 30,
    status: 'OPEN',
    description:
      'Werkstatt-Training: Stammtischparolen begegnen, Bündnisse bilden, Beteiligung gestalten.',
    agenda: [
      {
        title: 'Argumentieren gegen Parolen',
        format: 'WORKSHOP',
        startsAt: '2027-01-21T09:30',
        endsAt: '2027-01-21T12:30',
        room: 'Online',
        topics: ['praevention-demokratie-toleranz'],
      },
    ],
  },
];

const REGION_STATES: Record<string, string[]> = {
  NORTH: ['DE-HB', 'DE-HH', 'DE-MV', 'DE-NI', 'DE-SH'],
  EAST: ['DE-BE', 'DE-BB', 'DE-SN', 'DE-ST', 'DE-TH'],
  SOUTH: ['DE-BW', 'DE-BY'],
  WEST: ['DE-HE', 'DE-NW', 'DE-RP', 'DE-SL'],
};

function utc(local: string): Date {
  const instant = berlinToUtc(local);
  if (!instant) throw new Error(`demo conference time ${local} is not a Berlin time`);
  return instant;
}

/** Writes the demo conferences once (as the owner); skipped when any conference exists. */
export async function writeConferences(
  tx: EntityManager,
  cityIds: Map<string, string>,
): Promise<number> {
  const [{ n }] = (await tx.query('SELECT count(*)::int AS n FROM conference')) as Array<{
    n: number;
  }>;
  if (n > 0) return 0;
  for (const seed of DEMO_CONFERENCES) {
    const starts = utc(seed.startsAt);
    const [conference] = (await tx.query(
      `INSERT INTO conference (title, description, kind, region, federal_states, starts_at, ends_at, venue, online_url, host_city_id, capacity, status, registration_closes_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        seed.title,
        seed.description,
        seed.kind,
        seed.region ?? null,
        seed.region ? REGION_STATES[seed.region] : [],
        starts,
        utc(seed.endsAt),
        seed.venue ?? null,
        seed.onlineUrl ?? null,
        seed.host ? cityIds.get(seed.host) : null,
        seed.capacity,
        seed.status,
        new Date(starts.getTime() - 7 * 24 * 3600 * 1000),
      ],
    )) as Array<{ id: string }>;
    for (const session of seed.agenda) {
      await tx.query(
        `INSERT INTO agenda_session (conference_id, title, format, starts_at, ends_at, room, speakers, topic_slugs) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          conference.id,
          session.title,
          session.format,
          utc(session.startsAt),
          utc(session.endsAt),
          session.room,
          session.speakers ?? '',
          session.topics ?? [],
        ],
      );
    }
  }
  return DEMO_CONFERENCES.length;
}
