import type { EntityManager } from 'typeorm';
import { demoField } from './seed-workshops';

interface MeasureSeed {
  city: string;
  initiative: string;
  field: string;
  title: string;
  goal: string;
  actors: string;
  status: 'PLANNED' | 'RUNNING' | 'DONE';
  /** Texts of the initiative's taken-up suggestions it takes up. */
  suggestions: string[];
  /** A published, public practice of this other city whose title contains `title`. */
  model?: { city: string; title: string };
}

/** Invented measures of the demo initiatives (no real persons or projects). */
export const DEMO_MEASURES: MeasureSeed[] = [
  {
    city: 'cloppenburg',
    initiative: 'praevention',
    field: 'Jugend',
    title: 'Jugendforum Cloppenburg',
    goal: 'Zweimal im Jahr reden Jugendliche mit Rat und Verwaltung über das, was ihnen in Cloppenburg fehlt; jedes Forum endet mit drei Vorhaben.',
    actors: 'Ehrenamtsagentur Cloppenburg, Stadtjugendpflege',
    status: 'DONE',
    suggestions: ['Jugendforum zweimal im Jahr, bei dem Jugendliche mitreden.'],
    model: { city: 'lemgo', title: 'Jugendforum' },
  },
  {
    city: 'cloppenburg',
    initiative: 'praevention',
    field: 'Häusliche Gewalt',
    title: 'Schulungen für Vereine: Anzeichen von Gewalt erkennen',
    goal: 'Übungsleitungen und Vorstände erkennen Anzeichen häuslicher Gewalt und wissen, wohin sie Betroffene vermitteln.',
    actors: 'Sozialdienst katholischer Frauen, Stadtsportbund',
    status: 'RUNNING',
    suggestions: ['Schulungen für Vereine, Anzeichen von Gewalt zu erkennen.'],
  },
  {
    city: 'cloppenburg',
    initiative: 'praevention',
    field: 'Demokratie und Toleranz',
    title: 'Begegnungscafé im Familienzentrum',
    goal: 'Einmal im Monat treffen sich Zugezogene und Alteingesessene bei Kaffee und Kuchen.',
    actors: 'Familienzentrum, Ehrenamtsagentur Cloppenburg',
    status: 'PLANNED',
    suggestions: ['Begegnungscafé für Zugezogene und Alteingesessene.'],
  },
  {
    city: 'cloppenburg',
    initiative: 'praevention',
    field: 'Jugend',
    title: 'Skateanlage im Stadtpark sanieren',
    goal: 'Die Anlage wird mit den Jugendlichen, die sie nutzen, neu geplant und im Haushalt angemeldet.',
    actors: 'Bauamt, Stadtjugendpflege',
    status: 'PLANNED',
    suggestions: ['Skateanlage am Stadtpark sanieren.'],
  },
  {
    city: 'cloppenburg',
    initiative: 'praevention',
    field: 'Häusliche Gewalt',
    title: 'Runder Tisch gegen häusliche Gewalt',
    goal: 'Polizei, Beratungsstellen und Schulen treffen sich jedes Quartal, kennen die Wege zueinander und vermitteln Betroffene schneller.',
    actors: 'Sozialdienst katholischer Frauen, Polizeiinspektion, Schulsozialarbeit',
    status: 'RUNNING',
    suggestions: ['Runder Tisch mit Polizei, Beratungsstellen und Schulen.'],
  },
];

/**
 * Writes the demo measures once each (found again by title: a re-seed changes nothing and
 * keeps what the steering group did since). Runs after the practices (model practices).
 */
export async function writeMeasures(
  tx: EntityManager,
  cityIds: Map<string, string>,
): Promise<void> {
  for (const seed of DEMO_MEASURES) {
    const cityId = cityIds.get(seed.city);
    if (!cityId) continue;
    const field = await demoField(tx, cityId, seed.initiative, seed.field);
    if (!field) continue;
    const [exists] = (await tx.query(
      `SELECT 1 FROM measure WHERE city_id = $1 AND initiative_id = $2 AND title = $3`,
      [cityId, field.initiative_id, seed.title],
    )) as unknown[];
    if (exists) continue;
    const [{ id }] = (await tx.query(
      `INSERT INTO measure (city_id, initiative_id, field_id, title, goal, actors, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [cityId, field.initiative_id, field.id, seed.title, seed.goal, seed.actors, seed.status],
    )) as Array<{ id: string }>;
    await tx.query(
      `INSERT INTO measure_suggestion (city_id, measure_id, suggestion_id)
       SELECT $1, $2, s.id FROM suggestion s
        WHERE s.city_id = $1 AND s.initiative_id = $3 AND s.status = 'TAKEN_UP'
          AND s.text = ANY ($4::text[])
       ON CONFLICT DO NOTHING`,
      [cityId, id, field.initiative_id, seed.suggestions],
    );
    if (seed.model)
      await tx.query(
        `INSERT INTO measure_model_practice (city_id, measure_id, practice_id)
         SELECT $1, $2, p.id FROM practice p JOIN city c ON c.id = p.city_id
          WHERE c.slug = $3 AND p.status = 'PUBLISHED' AND p.visibility = 'PUBLIC'
          ORDER BY (p.title ILIKE '%' || $4 || '%') DESC, p.published_at DESC NULLS LAST, p.id
          LIMIT 1`,
        [cityId, id, seed.model.city, seed.model.title],
      );
  }
}
