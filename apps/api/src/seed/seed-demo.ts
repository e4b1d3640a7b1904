import { SingleBar, Presets } from 'cli-progress';
import type { AppConfig } from '../core/config/config';
import { systemDataSource } from '../database/system-db';
import { demoCityProfile } from './demo-city-profiles';
import { DEMO_CITIES } from './demo-cities';
import { DEMO_TOPICS, type TopicSeed } from './demo-topics';
import { hashPassword } from '../core/auth/password';
import { DEMO_PASSWORD, demoAccounts } from './demo-accounts';
import { generatePractices } from './demo-practices';
import { writePractices } from './seed-practices';
import { writeTandems } from './seed-tandems';
import { writeConferences } from './seed-conferences';
import { writeInitiatives } from './seed-initiatives';
import { writeMeasures } from './seed-measures';
import { writeWorkshops } from './seed-workshops';

/** Enough for a lively library: about nine entries per demo city. */
export const DEMO_PRACTICE_COUNT = 300;

export interface SeedSummary {
  topics: number;
  cities: number;
  accounts: number;
  practices: number;
}

/**
 * Writes the demo network. Idempotent: rows are matched by slug and updated, so
 * a second run changes nothing and a changed seed file updates the demo.
 * Runs as the owner role (seed data is not written on behalf of any city).
 */
export async function seedDemo(
  config: AppConfig,
  log: (message: string) => void,
): Promise<SeedSummary> {
  const db = systemDataSource(config, { purpose: 'seed' });
  await db.initialize();
  const accounts = demoAccounts();
  const practices = generatePractices(DEMO_CITIES, DEMO_PRACTICE_COUNT);
  const steps = countTopics(DEMO_TOPICS) + DEMO_CITIES.length + accounts.length + practices.length;
  // One argon2 hash for all demo accounts: they share the documented demo password.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const bar = process.stdout.isTTY
    ? new SingleBar(
        { format: 'Demo-Daten {bar} {value}/{total} {step}', hideCursor: true },
        Presets.shades_classic,
      )
    : undefined;
  bar?.start(steps, 0, { step: '' });
  let done = 0;
  const tick = (step: string) => {
    done += 1;
    bar?.update(done, { step });
  };
  try {
    await db.transaction(async (tx) => {
      const topicIds = new Map<string, string>();
      const upsertTopic = async (topic: TopicSeed, position: number, parentId: string | null) => {
        const [row] = (await tx.query(
          `INSERT INTO topic (slug, name, name_en, description, description_en, parent_id, position)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en,
             description = EXCLUDED.description, description_en = EXCLUDED.description_en,
             parent_id = EXCLUDED.parent_id, position = EXCLUDED.position
           RETURNING id`,
          [
            topic.slug,
            topic.name,
            topic.nameEn,
            topic.description,
            topic.descriptionEn,
            parentId,
            position,
          ],
        )) as Array<{ id: string }>;
        topicIds.set(topic.slug, row.id);
        tick(topic.name);
        for (const [index, child] of (topic.children ?? []).entries()) {
          await upsertTopic(child, index, row.id);
        }
      };
      for (const [index, topic] of DEMO_TOPICS.entries()) await upsertTopic(topic, index, null);

      for (const city of DEMO_CITIES) {
        const [row] = (await tx.query(
          `INSERT INTO city (slug, name, kind, federal_state, joined_year, population, latitude, longitude)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
             federal_state = EXCLUDED.federal_state, joined_year = EXCLUDED.joined_year,
             population = EXCLUDED.population, latitude = EXCLUDED.latitude,
             longitude = EXCLUDED.longitude, updated_at = now()
           RETURNING id`,
          [
            city.slug,
            city.name,
            city.kind,
            city.federalState,
            city.joinedYear,
            city.population,
            city.latitude,
            city.longitude,
          ],
        )) as Array<{ id: string }>;
        const contact = demoCityProfile(city, DEMO_CITIES.indexOf(city));
        // A profile someone has saved (revision > 0) stays as they left it.
        await tx.query(
          `INSERT INTO city_profile (city_id, about, brand_color, contact_name, contact_role,
             contact_email, contact_phone, address, website)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (city_id) DO UPDATE SET about = EXCLUDED.about,
             brand_color = EXCLUDED.brand_color, contact_name = EXCLUDED.contact_name,
             contact_role = EXCLUDED.contact_role, contact_email = EXCLUDED.contact_email,
             contact_phone = EXCLUDED.contact_phone, address = EXCLUDED.address,
             website = EXCLUDED.website
           WHERE city_profile.revision = 0`,
          [
            row.id,
            city.profile,
            city.brandColor,
            contact.contactName,
            contact.contactRole,
            contact.contactEmail,
            contact.contactPhone,
            contact.address,
            contact.website,
          ],
        );
        const focusIds = city.focusTopics.map((slug) => {
          const id = topicIds.get(slug);
          if (!id) throw new Error(`demo city ${city.slug} names unknown topic ${slug}`);
          return id;
        });
        const [{ revision }] = (await tx.query(
          'SELECT revision FROM city_profile WHERE city_id = $1',
          [row.id],
        )) as Array<{ revision: number }>;
        if (revision === 0) {
          await tx.query(
            `DELETE FROM city_focus_topic WHERE city_id = $1 AND NOT (topic_id = ANY($2::uuid[]))`,
            [row.id, focusIds],
          );
          await tx.query(
            `INSERT INTO city_focus_topic (city_id, topic_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
            [row.id, focusIds],
          );
        }
        tick(city.name);
      }

      const cityIds = new Map<string, string>(
        ((await tx.query('SELECT slug, id FROM city')) as Array<{ slug: string; id: string }>).map(
          (row) => [row.slug, row.id],
        ),
      );
      for (const account of accounts) {
        // Existing demo accounts keep their password (someone may have changed it on purpose).
        const [user] = (await tx.query(
          `INSERT INTO app_user (email, display_name, password_hash, network_role)
           VALUES ($1, $2, $3, $4)
           ON CONFLICT (email) DO UPDATE SET display_name = EXCLUDED.display_name, network_role = EXCLUDED.network_role
           RETURNING id`,
          [
            account.email,
            account.displayName,
            passwordHash,
            account.organizer ? 'ORGANIZER' : 'NONE',
          ],
        )) as Array<{ id: string }>;
        for (const membership of account.memberships) {
          await tx.query(
            `INSERT INTO membership (city_id, user_id, role) VALUES ($1, $2, $3)
             ON CONFLICT (city_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
            [cityIds.get(membership.citySlug), user.id, membership.role],
          );
        }
        tick(account.email);
      }

      const coordinatorsBySlug = new Map<string, string>(
        (
          (await tx.query(
            `SELECT c.slug, u.id FROM app_user u JOIN membership m ON m.user_id = u.id JOIN city c ON c.id = m.city_id
              WHERE m.role = 'COORDINATOR' AND u.email LIKE 'coordinator.%'`,
          )) as Array<{ slug: string; id: string }>
        ).map((row) => [row.slug, row.id]),
      );
      await writeTandems(tx, cityIds, coordinatorsBySlug);
      await writeConferences(tx, cityIds);
      await writeInitiatives(tx, cityIds);
      await writeWorkshops(tx, cityIds);
      // Cities and conferences are searchable; a re-seed may have changed them (few rows).
      await tx.query(
        `INSERT INTO search_outbox (index_name, document_id)
         SELECT 'cities', id::text FROM city UNION ALL SELECT 'conferences', id::text FROM conference`,
      );

      // Practices only once: a re-seed must not overwrite what people edited since.
      const [{ n: existing }] = (await tx.query(
        'SELECT count(*)::int AS n FROM practice',
      )) as Array<{ n: number }>;
      if (existing === 0) {
        const coordinators = new Map<string, string>(
          (
            (await tx.query(
              `SELECT c.slug, u.id FROM app_user u JOIN membership m ON m.user_id = u.id JOIN city c ON c.id = m.city_id
              WHERE m.role = 'COORDINATOR' AND u.email LIKE 'coordinator.%'`,
            )) as Array<{ slug: string; id: string }>
          ).map((row) => [row.slug, row.id]),
        );
        let written = 0;
        await writePractices(tx, practices, cityIds, topicIds, coordinators, (done) => {
          while (written < done) {
            written += 1;
            tick('Praxisbeispiele');
          }
        });
      } else {
        done += practices.length;
        bar?.update(done, { step: 'Praxisbeispiele vorhanden' });
      }
      // After the practices: a measure links the practice of another city that inspired it.
      await writeMeasures(tx, cityIds);
    });
  } finally {
    bar?.stop();
    await db.destroy();
  }
  const summary = {
    topics: countTopics(DEMO_TOPICS),
    cities: DEMO_CITIES.length,
    accounts: accounts.length,
    practices: practices.length,
  };
  log(
    `demo data in place: ${summary.cities} cities, ${summary.topics} topics, ${summary.accounts} accounts, ${summary.practices} practices`,
  );
  return summary;
}

function countTopics(topics: TopicSeed[]): number {
  return topics.reduce((sum, topic) => sum + 1 + countTopics(topic.children ?? []), 0);
}
