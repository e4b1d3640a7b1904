import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  configuredActivities,
  NO_PERSONAL_DATA,
  PROCESSING_ACTIVITIES,
} from './processing-register';

const migrations = join(__dirname, '..', '..', 'database', 'migrations');

/** Tables as the migrations leave them: created, minus dropped in a later up(). */
function migratedTables(): string[] {
  const tables = new Set<string>();
  for (const file of readdirSync(migrations)
    .filter((name) => /^\d+-.*\.ts$/.test(name))
    .sort()) {
    const up = readFileSync(join(migrations, file), 'utf8').split(/async down\(/)[0];
    for (const match of up.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?([a-z_]+)/g))
      tables.add(match[1]);
    for (const match of up.matchAll(/DROP TABLE (?:IF EXISTS )?"?([a-z_]+)/g))
      tables.delete(match[1]);
  }
  return [...tables].sort();
}

describe('register of processing activities', () => {
  const covered = new Set(PROCESSING_ACTIVITIES.flatMap((activity) => activity.tables));
  const free = new Set(NO_PERSONAL_DATA.map((entry) => entry.table));

  it('finds the tables of the migrations', () => {
    expect(migratedTables()).toEqual(
      expect.arrayContaining(['app_user', 'registration_participant', 'accessibility_feedback']),
    );
  });

  it('covers every table: by an entry, or declared free of personal data', () => {
    const unaccounted = migratedTables().filter((table) => !covered.has(table) && !free.has(table));
    expect(unaccounted).toEqual([]);
  });

  it('names only tables that exist, each in one place', () => {
    const tables = new Set(migratedTables());
    const named = [...PROCESSING_ACTIVITIES.flatMap((a) => a.tables), ...free];
    expect(named.filter((table) => !tables.has(table))).toEqual([]);
    expect([...free].filter((table) => covered.has(table))).toEqual([]);
  });

  it('gives every entry a key of its own and every text in both languages', () => {
    const keys = PROCESSING_ACTIVITIES.map((activity) => activity.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const activity of PROCESSING_ACTIVITIES)
      for (const text of [
        activity.name,
        activity.purpose,
        activity.dataCategories,
        activity.dataSubjects,
        activity.recipients,
        activity.retention,
      ]) {
        expect(text.de.length).toBeGreaterThan(2);
        expect(text.en.length).toBeGreaterThan(2);
      }
  });

  it('names the configured retention periods, in both languages', () => {
    const texts = (registration: number, audit: number) =>
      Object.fromEntries(
        configuredActivities({
          retentionRegistrationMonths: registration,
          retentionAuditMonths: audit,
          retentionFeedbackMonths: 12,
          retentionSuggestionContactDays: 183,
        }).map((activity) => [activity.key, activity.retention]),
      );
    const configured = texts(6, 1);
    expect(configured['conference-registrations'].de).toContain('6 Monate nach dem Ende');
    expect(configured['conference-registrations'].en).toContain('6 months after');
    expect(configured['audit-log'].de).toContain('älter als 1 Monat,');
    expect(configured['audit-log'].en).toContain('older than 1 month,');
    expect(texts(3, 24)['audit-log'].de).toContain('älter als 24 Monate,');
    expect(texts(3, 24)['accessibility-feedback'].de).toMatch(/^12 Monate nach Eingang/);
    expect(texts(3, 24)['initiative-suggestions'].de).toMatch(/^Kontaktdaten 183 Tage nach/);
    const all = JSON.stringify(texts(3, 24));
    expect(all).not.toMatch(/\{[a-zA-Z]+\}/);
  });
});
