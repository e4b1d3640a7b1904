import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DEMO_DOMAIN } from './demo-accounts';

type Channel = 'ONLINE' | 'IN_PERSON' | 'PHONE' | 'LETTER' | 'WORKSHOP';
type Status = 'NEW' | 'IN_REVIEW' | 'TAKEN_UP' | 'ANSWERED' | 'NOT_PURSUED' | 'WITHDRAWN';

interface InitiativeSeed {
  city: string;
  slug: string;
  name: string;
  description: string;
  fields: Array<{ name: string; topic?: string; sensitive?: boolean; contacts?: string[] }>;
  steering: Array<{ name: string; organisation: string; account?: string }>;
  /** [field index, channel, status, text, place?, answer?] */
  suggestions: Array<[number, Channel, Status, string, string?, string?]>;
}

const STEERING = `steuerung.cloppenburg@${DEMO_DOMAIN}`;
const FAMILY_OFFICE = `familienbuero.cloppenburg@${DEMO_DOMAIN}`;

/** Invented initiatives, people and suggestions (no real persons). */
export const DEMO_INITIATIVES: InitiativeSeed[] = [
  {
    city: 'cloppenburg',
    slug: 'praevention',
    name: 'Initiative Prävention',
    description:
      'Gemeinsam vorbeugen: Sagen Sie uns, was Sie in Cloppenburg beschäftigt – zu Jugend, häuslicher Gewalt und Demokratie. Die Steuerungsgruppe macht daraus Maßnahmen. Sie können Ihr Anliegen jederzeit auch im Familienbüro im Rathaus abgeben.',
    fields: [
      { name: 'Jugend', topic: 'praevention-jugend' },
      {
        name: 'Häusliche Gewalt',
        topic: 'praevention-haeusliche-gewalt',
        sensitive: true,
        contacts: [FAMILY_OFFICE],
      },
      { name: 'Demokratie und Toleranz', topic: 'praevention-demokratie-toleranz' },
    ],
    steering: [
      { name: 'Anna Beispiel', organisation: 'Ehrenamtsagentur Cloppenburg', account: STEERING },
      { name: 'Maria Muster', organisation: 'Sozialdienst katholischer Frauen' },
      {
        name: 'Jens Exempel',
        organisation: 'Stadtverwaltung Cloppenburg, Familienbüro',
        account: FAMILY_OFFICE,
      },
      { name: 'Petra Probe', organisation: 'Rat der Stadt (Politik)' },
    ],
    suggestions: [
      [
        0,
        'ONLINE',
        'NEW',
        'Ein Jugendtreff am Wochenende fehlt, abends ist alles zu.',
        'Innenstadt',
      ],
      [0, 'ONLINE', 'IN_REVIEW', 'Mehr Sportangebote für Jugendliche ohne Vereinsmitgliedschaft.'],
      [
        0,
        'IN_PERSON',
        'TAKEN_UP',
        'Skateanlage am Stadtpark sanieren.',
        'Stadtpark',
        'Wir prüfen das mit dem Bauamt; die Sanierung ist für den Haushalt angemeldet.',
      ],
      [
        0,
        'PHONE',
        'ANSWERED',
        'Gibt es Hilfe bei Mobbing in der Schule?',
        undefined,
        'Ja: die Schulsozialarbeit und die Jugendberatung im Rathaus helfen, Termine über das Familienbüro.',
      ],
      [
        0,
        'WORKSHOP',
        'TAKEN_UP',
        'Jugendforum zweimal im Jahr, bei dem Jugendliche mitreden.',
        undefined,
        'Aufgegriffen: das erste Jugendforum plant die Ehrenamtsagentur.',
      ],
      [0, 'WORKSHOP', 'IN_REVIEW', 'Mentoring von Ehrenamtlichen für Ausbildungssuchende.'],
      [
        0,
        'ONLINE',
        'NOT_PURSUED',
        'Alle Spielplätze nachts abschließen.',
        undefined,
        'Das würde auch Familien ausschließen; wir setzen auf bessere Beleuchtung.',
      ],
      [
        0,
        'LETTER',
        'NEW',
        'Busverbindung abends in die Ortsteile fehlt für Jugendliche.',
        'Bethen',
      ],
      [0, 'ONLINE', 'NEW', 'Ein Graffiti-Projekt an der Unterführung.', 'Bahnhof'],
      [0, 'ONLINE', 'WITHDRAWN', 'Jugendtreff in der alten Schule (hat sich erledigt).'],
      [
        0,
        'IN_PERSON',
        'ANSWERED',
        'Wo finden Eltern Beratung bei Medienkonsum?',
        undefined,
        'Die Familienberatung bietet monatlich eine offene Sprechstunde an.',
      ],
      [1, 'PHONE', 'IN_REVIEW', 'Mehr Informationen in mehreren Sprachen über Hilfsangebote.'],
      [
        1,
        'IN_PERSON',
        'TAKEN_UP',
        'Schulungen für Vereine, Anzeichen von Gewalt zu erkennen.',
        undefined,
        'Aufgegriffen: der SkF bietet Schulungen für Vereine an.',
      ],
      [1, 'ONLINE', 'NEW', 'Ein Plakat mit den Hilfetelefonnummern in Arztpraxen.'],
      [1, 'WORKSHOP', 'TAKEN_UP', 'Runder Tisch mit Polizei, Beratungsstellen und Schulen.'],
      [
        1,
        'LETTER',
        'ANSWERED',
        'Wie erreiche ich das Frauenhaus?',
        undefined,
        'Über das Hilfetelefon 116 016, rund um die Uhr, auch anonym.',
      ],
      [1, 'ONLINE', 'NEW', 'Mehr Angebote für betroffene Männer.'],
      [
        1,
        'IN_PERSON',
        'NOT_PURSUED',
        'Eine eigene Beratungsstelle nur in Cloppenburg.',
        undefined,
        'Die Beratungsstelle des Landkreises ist zuständig; wir machen sie bekannter.',
      ],
      [1, 'PHONE', 'NEW', 'Nachbarschaften sensibilisieren: hinschauen statt wegsehen.'],
      [2, 'ONLINE', 'NEW', 'Ein Fest der Kulturen auf dem Marktplatz.', 'Marktplatz'],
      [2, 'ONLINE', 'IN_REVIEW', 'Demokratiewerkstatt für Schulklassen im Rathaus.', 'Rathaus'],
      [
        2,
        'WORKSHOP',
        'TAKEN_UP',
        'Begegnungscafé für Zugezogene und Alteingesessene.',
        undefined,
        'Aufgegriffen: das Café startet im Frühjahr im Familienzentrum.',
      ],
      [
        2,
        'IN_PERSON',
        'ANSWERED',
        'Wie kann ich mich gegen Hassrede im Netz wehren?',
        undefined,
        'Beratung bietet die Landesstelle; die Ehrenamtsagentur verweist gern weiter.',
      ],
      [
        2,
        'ONLINE',
        'NOT_PURSUED',
        'Eine Pflicht-Demokratieprüfung für Vereine.',
        undefined,
        'Das ist nicht Aufgabe der Stadt; wir bieten freiwillige Schulungen an.',
      ],
      [2, 'LETTER', 'NEW', 'Mehr Ehrenamtliche als Schöffinnen und Schöffen gewinnen.'],
      [2, 'ONLINE', 'NEW', 'Stolpersteine-Rundgang mit Schülerinnen und Schülern.', 'Innenstadt'],
      [2, 'WORKSHOP', 'IN_REVIEW', 'Erzählcafé „Cloppenburg früher und heute“.'],
      [2, 'PHONE', 'NEW', 'Sprechstunde des Rates für Jugendliche.'],
      [2, 'ONLINE', 'IN_REVIEW', 'Ein Preis für Zivilcourage.'],
      [
        0,
        'ONLINE',
        'NEW',
        'Ein Jugendtreff am Wochenende wäre toll (doppelt eingereicht).',
        'Innenstadt',
      ],
    ],
  },
  {
    city: 'nienburg-weser',
    slug: 'miteinander',
    name: 'Nienburg miteinander',
    description:
      'Ideen für ein gutes Miteinander in Nienburg: Sagen Sie uns, was fehlt und was Sie anpacken möchten.',
    fields: [{ name: 'Nachbarschaft' }, { name: 'Jugend', topic: 'praevention-jugend' }],
    steering: [
      { name: 'Karla Beispiel', organisation: 'Freiwilligenagentur Nienburg' },
      { name: 'Tom Muster', organisation: 'Stadt Nienburg/Weser' },
    ],
    suggestions: [
      [0, 'ONLINE', 'NEW', 'Eine Tauschbörse für Werkzeug in der Nachbarschaft.'],
      [0, 'IN_PERSON', 'IN_REVIEW', 'Bänke an der Weserpromenade.', 'Weserpromenade'],
      [
        1,
        'ONLINE',
        'ANSWERED',
        'Wo können Jugendliche Musik machen?',
        undefined,
        'Im Jugendhaus gibt es einen Proberaum; Termine dort.',
      ],
    ],
  },
];

/**
 * Writes the demo initiatives once (a re-seed does not overwrite what the steering group
 * did since). Their follow links are not known to anyone: the tokens are random and only
 * their hashes are stored, like for a real suggestion.
 */
export async function writeInitiatives(
  tx: EntityManager,
  cityIds: Map<string, string>,
): Promise<void> {
  for (const seed of DEMO_INITIATIVES) {
    const cityId = cityIds.get(seed.city);
    if (!cityId) continue;
    const [exists] = (await tx.query(`SELECT 1 FROM initiative WHERE city_id = $1 AND slug = $2`, [
      cityId,
      seed.slug,
    ])) as unknown[];
    if (exists) continue;
    const [{ id: initiativeId }] = (await tx.query(
      `INSERT INTO initiative (city_id, slug, name, description) VALUES ($1, $2, $3, $4) RETURNING id`,
      [cityId, seed.slug, seed.name, seed.description],
    )) as Array<{ id: string }>;
    const fieldIds: string[] = [];
    for (const [position, field] of seed.fields.entries()) {
      const [{ id }] = (await tx.query(
        `INSERT INTO initiative_field (city_id, initiative_id, topic_id, name, sensitive, position)
         VALUES ($1, $2, (SELECT id FROM topic WHERE slug = $3), $4, $5, $6) RETURNING id`,
        [cityId, initiativeId, field.topic ?? null, field.name, field.sensitive ?? false, position],
      )) as Array<{ id: string }>;
      fieldIds.push(id);
      for (const email of field.contacts ?? [])
        await tx.query(
          `INSERT INTO initiative_field_contact (city_id, field_id, person_id)
           SELECT $1, $2, id FROM app_user WHERE email = $3`,
          [cityId, id, email],
        );
    }
    for (const [position, member] of seed.steering.entries())
      await tx.query(
        `INSERT INTO initiative_steering_member (city_id, initiative_id, name, organisation, person_id, position)
         VALUES ($1, $2, $3, $4, (SELECT id FROM app_user WHERE email = $5), $6)`,
        [cityId, initiativeId, member.name, member.organisation, member.account ?? null, position],
      );
    const day = 24 * 3_600_000;
    const start = Date.UTC(2026, 9, 1);
    for (const [
      index,
      [field, channel, status, text, place, answer],
    ] of seed.suggestions.entries()) {
      const createdAt = new Date(start + index * 1.7 * day);
      const closed = ['ANSWERED', 'NOT_PURSUED', 'WITHDRAWN'].includes(status);
      const token = createHash('sha256')
        .update(`${seed.slug}-${index}-${Math.random()}`)
        .digest('hex');
      const [{ id }] = (await tx.query(
        `INSERT INTO suggestion (city_id, initiative_id, field_id, text, place, channel, status,
                                 public_answer, follow_token_hash, created_at, closed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          cityId,
          initiativeId,
          fieldIds[field],
          text,
          place ?? null,
          channel,
          status,
          answer ?? null,
          createHash('sha256').update(token).digest('hex'),
          createdAt,
          closed ? new Date(createdAt.getTime() + 5 * day) : null,
        ],
      )) as Array<{ id: string }>;
      await tx.query(
        `INSERT INTO suggestion_event (city_id, suggestion_id, kind, status, created_at)
         VALUES ($1, $2, 'SUBMITTED', 'NEW', $3)`,
        [cityId, id, createdAt],
      );
      if (status !== 'NEW')
        await tx.query(
          `INSERT INTO suggestion_event (city_id, suggestion_id, kind, status, text, created_at)
           VALUES ($1, $2, 'STATUS', $3, $4, $5)`,
          [cityId, id, status, answer ?? null, new Date(createdAt.getTime() + 2 * day)],
        );
      // Every fourth one left contact details (invented, with consent).
      if (index % 4 === 1)
        await tx.query(
          `INSERT INTO suggestion_contact (city_id, suggestion_id, name, email, phone, consent_at)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [
            cityId,
            id,
            `Anwohnerin ${index}`,
            `anliegen.${index}@${seed.city}.example`,
            index % 8 === 1 ? '04471 000000' : null,
            createdAt,
          ],
        );
    }
  }
}
