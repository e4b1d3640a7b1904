/**
 * The dashboard's aggregates: one statement each, whatever the size of the network, all
 * computed in PostgreSQL and run as the caller (row-level security applies: an anonymous
 * caller counts public practices only). `$1` is the cohort (the cities' joining year) or
 * NULL for all. Exported as plain SQL so bench/dashboard.mjs runs exactly these directly.
 *
 * Cohort means: a city's own joining year (cities, practices of its cities, registrations of
 * its cities, follow-ups it is responsible for, tandems where it is the new city, conferences
 * it hosts). Search words have no city, so the cohort does not narrow them.
 */
const COHORT = `($1::int IS NULL OR c.joined_year = $1::int)`;
const TODAY = `(now() AT TIME ZONE 'Europe/Berlin')::date`;

/** Figures everybody sees. */
export const PUBLIC_FIGURES_SQL = {
  citiesByState: `
    SELECT c.federal_state AS "federalState", c.joined_year AS cohort, count(*)::int AS cities
      FROM city c
     WHERE ${COHORT}
     GROUP BY c.federal_state, c.joined_year
     ORDER BY c.federal_state, c.joined_year`,
  practicesByTopic: `
    SELECT t.slug, t.name, t.name_en AS "nameEn", count(*)::int AS practices
      FROM practice p
      JOIN city c ON c.id = p.city_id
      JOIN practice_topic pt ON pt.city_id = p.city_id AND pt.practice_id = p.id
      JOIN topic t ON t.id = pt.topic_id
     WHERE p.status = 'PUBLISHED' AND ${COHORT}
     GROUP BY t.id, t.slug, t.name, t.name_en
     ORDER BY practices DESC, t.slug`,
  practicesByMonth: `
    SELECT to_char(p.published_at AT TIME ZONE 'Europe/Berlin', 'YYYY-MM') AS month,
           count(*)::int AS practices
      FROM practice p
      JOIN city c ON c.id = p.city_id
     WHERE p.status = 'PUBLISHED' AND p.published_at IS NOT NULL AND ${COHORT}
     GROUP BY 1
     ORDER BY 1`,
  conferencesByKind: `
    SELECT k.kind, count(*)::int AS conferences,
           count(*) FILTER (WHERE k.status = 'HELD')::int AS held
      FROM conference k
      LEFT JOIN city c ON c.id = k.host_city_id
     WHERE k.status <> 'CANCELLED' AND ${COHORT}
     GROUP BY k.kind
     ORDER BY k.kind`,
} as const;

/** Figures for the network office only (checked before, and row-level security behind). */
export const DETAILED_FIGURES_SQL = {
  tandemsByStatus: `
    SELECT t.status, count(*)::int AS tandems,
           round(avg(CASE t.status
             WHEN 'CONCLUDED' THEN (t.concluded_at AT TIME ZONE 'Europe/Berlin')::date - t.starts_on
             WHEN 'ACTIVE' THEN greatest(${TODAY} - t.starts_on, 0) END))::int AS "averageDays"
      FROM tandem t
      JOIN city c ON c.id = t.city_id
     WHERE ${COHORT}
     GROUP BY t.status
     ORDER BY t.status`,
  tandemDurations: `
    SELECT least(floor(greatest(CASE t.status
             WHEN 'CONCLUDED' THEN (t.concluded_at AT TIME ZONE 'Europe/Berlin')::date - t.starts_on
             ELSE ${TODAY} - t.starts_on END, 0) / 182.625)::int, 4) AS "halfYears",
           count(*)::int AS tandems
      FROM tandem t
      JOIN city c ON c.id = t.city_id
     WHERE t.status IN ('ACTIVE', 'CONCLUDED') AND ${COHORT}
     GROUP BY 1
     ORDER BY 1`,
  registrationsByState: `
    SELECT c.federal_state AS "federalState",
           count(*) FILTER (WHERE r.status <> 'CANCELLED')::int AS registrations,
           coalesce(sum(r.participant_count) FILTER (WHERE r.status = 'CONFIRMED'), 0)::int AS participants,
           coalesce(sum(r.participant_count) FILTER (WHERE r.status = 'CONFIRMED' AND k.status = 'HELD'), 0)::int AS attended
      FROM registration r
      JOIN city c ON c.id = r.city_id
      JOIN conference k ON k.id = r.conference_id
     WHERE ${COHORT}
     GROUP BY c.federal_state
     ORDER BY c.federal_state`,
  followUpsByCity: `
    SELECT c.slug AS "citySlug", c.name AS "cityName", count(*)::int AS open,
           count(*) FILTER (WHERE f.due_on < ${TODAY})::int AS overdue
      FROM follow_up_action f
      JOIN city c ON c.id = f.responsible_city_id
     WHERE f.status = 'OPEN' AND ${COHORT}
     GROUP BY c.id, c.slug, c.name
     ORDER BY overdue DESC, open DESC, c.slug
     LIMIT 50`,
  // The cohort does not apply (a search word has no city); $1 is still named so that every
  // statement takes the same parameters.
  unfoundSearches: `
    SELECT s.term, sum(s.count)::int AS searches, to_char(max(s.day), 'YYYY-MM-DD') AS "lastDay"
      FROM unfound_search s
     WHERE s.day > ${TODAY} - 90 AND ($1::int IS NULL OR true)
     GROUP BY s.term
     ORDER BY searches DESC, s.term
     LIMIT 25`,
} as const;
