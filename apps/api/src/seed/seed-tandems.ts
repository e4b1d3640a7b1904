import type { EntityManager } from 'typeorm';

interface TandemSeed {
  newCity: string;
  partner: string;
  status: 'PROPOSED' | 'ACTIVE' | 'CONCLUDED';
  goals: string;
  startsOn: string;
  outcome?: string;
  notes: Array<{
    by: 'new' | 'partner';
    kind: 'NOTE' | 'AGREEMENT' | 'VISIT' | 'QUESTION';
    body: string;
    visitDate?: string;
    place?: string;
  }>;
}

/** Invented tandems between demo cities; the people are role accounts, not persons. */
export const DEMO_TANDEMS: TandemSeed[] = [
  {
    newCity: 'ginsheim-gustavsburg',
    partner: 'bitburg',
    status: 'ACTIVE',
    goals:
      'Ein lokales Engagement-Bündnis aufbauen und eine Ehrenamtsbörse nach Bitburger Vorbild starten.',
    startsOn: '2026-02-01',
    notes: [
      {
        by: 'new',
        kind: 'AGREEMENT',
        body: 'Wir treffen uns jeden zweiten Monat online; Protokolle liegen hier im Tandem.',
      },
      {
        by: 'partner',
        kind: 'VISIT',
        body: 'Besuch des Bitburger Zukunftsbündnisses mit Vorstellung der Ehrenamtsbörse.',
        visitDate: '2026-05-14',
        place: 'Bitburg, Rathaus',
      },
      {
        by: 'new',
        kind: 'QUESTION',
        body: 'Wie habt ihr die Vereine dazu gebracht, ihre Angebote selbst in die Börse einzutragen?',
      },
    ],
  },
  {
    newCity: 'herford',
    partner: 'lemgo',
    status: 'ACTIVE',
    goals:
      'Erfahrungen mit dem digitalen Ehrenamtsportal übertragen und gemeinsame Schulungen für Vereine anbieten.',
    startsOn: '2026-03-01',
    notes: [
      {
        by: 'partner',
        kind: 'NOTE',
        body: 'Unsere Schulungsunterlagen zum Ehrenamtsportal liegen als Entwurf bereit.',
      },
      {
        by: 'new',
        kind: 'VISIT',
        body: 'Gegenbesuch in Herford: Rundgang durch die Freiwilligenagentur.',
        visitDate: '2026-06-20',
        place: 'Herford, Freiwilligenagentur',
      },
    ],
  },
  {
    newCity: 'halberstadt',
    partner: 'stendal',
    status: 'ACTIVE',
    goals: 'Engagement-Lotsen ausbilden und ein Bündnis für Demokratie mit Sportvereinen aufbauen.',
    startsOn: '2026-01-15',
    notes: [
      {
        by: 'partner',
        kind: 'AGREEMENT',
        body: 'Stendal stellt zwei erfahrene Lotsinnen für die erste Schulung in Halberstadt.',
      },
    ],
  },
  {
    newCity: 'puchheim',
    partner: 'ingolstadt',
    status: 'CONCLUDED',
    goals: 'Bürgerbeteiligung in der Stadtentwicklung mit Erfahrungen aus Ingolstadt stärken.',
    startsOn: '2018-03-01',
    outcome:
      'Ein Beteiligungsleitfaden ist entstanden; die Koordinationen tauschen sich weiter jährlich aus.',
    notes: [
      {
        by: 'new',
        kind: 'NOTE',
        body: 'Abschlusstreffen: Leitfaden verabschiedet, Dank an Ingolstadt.',
      },
    ],
  },
  {
    newCity: 'cloppenburg',
    partner: 'wolfsburg',
    status: 'PROPOSED',
    goals: 'Nachwuchs für Vorstände gewinnen und digitale Teilhabe aller Generationen fördern.',
    startsOn: '2026-12-01',
    notes: [],
  },
];

/** Writes the demo tandems once (as the owner); skipped when any tandem exists. */
export async function writeTandems(
  tx: EntityManager,
  cityIds: Map<string, string>,
  coordinatorIds: Map<string, string>,
): Promise<number> {
  const [{ n }] = (await tx.query('SELECT count(*)::int AS n FROM tandem')) as Array<{ n: number }>;
  if (n > 0) return 0;
  for (const seed of DEMO_TANDEMS) {
    const cityId = cityIds.get(seed.newCity);
    const partnerId = cityIds.get(seed.partner);
    const accepted = seed.status === 'PROPOSED' ? null : `${seed.startsOn}T09:00:00Z`;
    const [tandem] = (await tx.query(
      `INSERT INTO tandem (city_id, partner_city_id, status, goals, starts_on, planned_end_on, new_city_accepted_at, partner_city_accepted_at, concluded_at, outcome_summary)
       VALUES ($1, $2, $3, $4, $5::date, ($5::date + interval '1 year')::date, $6, $6, $7, $8) RETURNING id`,
      [
        cityId,
        partnerId,
        seed.status,
        seed.goals,
        seed.startsOn,
        accepted,
        seed.status === 'CONCLUDED'
          ? new Date(new Date(`${seed.startsOn}T09:00:00Z`).getTime() + 365 * 24 * 3600 * 1000)
          : null,
        seed.outcome ?? null,
      ],
    )) as Array<{ id: string }>;
    for (const note of seed.notes) {
      const authorCity = note.by === 'new' ? seed.newCity : seed.partner;
      await tx.query(
        `WITH n AS (INSERT INTO tandem_note (city_id, tandem_id, partner_city_id, author_id, author_city_id, kind, body, visit_date, place)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING city_id, id, partner_city_id, body, visit_date, place, author_id)
         INSERT INTO tandem_note_revision (city_id, note_id, number, partner_city_id, body, visit_date, place, author_id)
         SELECT city_id, id, 1, partner_city_id, body, visit_date, place, author_id FROM n`,
        [
          cityId,
          tandem.id,
          partnerId,
          coordinatorIds.get(authorCity) ?? null,
          cityIds.get(authorCity),
          note.kind,
          note.body,
          note.visitDate ?? null,
          note.place ?? null,
        ],
      );
    }
  }
  return DEMO_TANDEMS.length;
}
