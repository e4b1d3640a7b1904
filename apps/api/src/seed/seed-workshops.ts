import type { EntityManager } from 'typeorm';

interface WorkshopSeed {
  city: string;
  initiative: string;
  field: string;
  title: string;
  heldOn: string;
  participants: number;
  outcomes: string;
}

/** Invented workshops of Cloppenburg's "Initiative Prävention", one per action field. */
export const DEMO_WORKSHOPS: WorkshopSeed[] = [
  {
    city: 'cloppenburg',
    initiative: 'praevention',
    field: 'Jugend',
    title: 'Jugendwerkstatt „Was fehlt euch in Cloppenburg?“',
    heldOn: '2026-10-08',
    participants: 24,
    outcomes:
      'Jugendliche wünschen sich **Orte am Abend und am Wochenende** und wollen bei der Planung mitreden.\n\n- Ein Jugendforum zweimal im Jahr\n- Mentoring beim Übergang in die Ausbildung\n- Bessere Busverbindungen in die Ortsteile',
  },
  {
    city: 'cloppenburg',
    initiative: 'praevention',
    field: 'Häusliche Gewalt',
    title: 'Fachwerkstatt Häusliche Gewalt mit Beratungsstellen',
    heldOn: '2026-10-22',
    participants: 15,
    outcomes:
      'Fachleute aus Beratung, Schule und Verwaltung tauschten sich aus. Ergebnis: Hilfsangebote sollen **bekannter** werden, und die Stellen wollen sich regelmäßig abstimmen.\n\nHilfetelefon Gewalt gegen Frauen: 116 016.',
  },
  {
    city: 'cloppenburg',
    initiative: 'praevention',
    field: 'Demokratie und Toleranz',
    title: 'Bürgerwerkstatt Demokratie und Zusammenhalt',
    heldOn: '2026-11-05',
    participants: 38,
    outcomes:
      'Alteingesessene und Zugezogene sammelten Ideen für Begegnung.\n\n1. Ein Begegnungscafé im Familienzentrum\n2. Ein Erzählcafé über die Stadtgeschichte\n3. Mehr Beteiligung von Jugendlichen im Rat',
  },
];

/**
 * Writes the demo workshops once each (by title) and attaches the initiative's seeded
 * WORKSHOP suggestions of the same field that have no workshop yet as their results.
 * A second run finds them and changes nothing.
 */
export async function writeWorkshops(
  tx: EntityManager,
  cityIds: Map<string, string>,
): Promise<void> {
  for (const seed of DEMO_WORKSHOPS) {
    const cityId = cityIds.get(seed.city);
    if (!cityId) continue;
    const field = await demoField(tx, cityId, seed.initiative, seed.field);
    if (!field) continue;
    const [exists] = (await tx.query(
      `SELECT 1 FROM workshop WHERE city_id = $1 AND initiative_id = $2 AND title = $3`,
      [cityId, field.initiative_id, seed.title],
    )) as unknown[];
    if (exists) continue;
    const [{ id }] = (await tx.query(
      `INSERT INTO workshop (city_id, initiative_id, field_id, title, held_on, participants, outcomes)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        cityId,
        field.initiative_id,
        field.id,
        seed.title,
        seed.heldOn,
        seed.participants,
        seed.outcomes,
      ],
    )) as Array<{ id: string }>;
    await tx.query(
      `UPDATE suggestion SET workshop_id = $3
        WHERE city_id = $1 AND field_id = $2 AND channel = 'WORKSHOP' AND workshop_id IS NULL`,
      [cityId, field.id, id],
    );
  }
}

/** An action field of a demo initiative, by the initiative's slug and the field's name. */
export async function demoField(
  tx: EntityManager,
  cityId: string,
  initiativeSlug: string,
  fieldName: string,
): Promise<{ id: string; initiative_id: string } | undefined> {
  const [field] = (await tx.query(
    `SELECT f.id, f.initiative_id FROM initiative_field f
       JOIN initiative i ON i.city_id = f.city_id AND i.id = f.initiative_id
      WHERE f.city_id = $1 AND i.slug = $2 AND f.name = $3`,
    [cityId, initiativeSlug, fieldName],
  )) as Array<{ id: string; initiative_id: string }>;
  return field;
}
