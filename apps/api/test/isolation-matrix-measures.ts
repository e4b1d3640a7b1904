import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { expect, inject } from 'vitest';
import type { Client, GraphQLResponse, TestPlatform } from './harness';
import {
  CITY_COORDINATORS_ONLY,
  PUBLIC,
  SUGGESTION_WORKERS,
  same,
  type Outcome,
  type Role,
  type Target,
} from './isolation-matrix-outcomes';

/**
 * The isolation matrix's rows for measures (issue 14), kept apart from the big table so
 * the features' rows merge easily; isolation-matrix.integration-spec.ts spreads them in.
 */

interface MatrixFixture {
  api: TestPlatform;
  slug: string;
  cityId: string;
}

interface MeasureCase {
  operation: string;
  run(client: Client, fixture: MatrixFixture): Promise<GraphQLResponse<Record<string, unknown>>>;
  expect: Record<Target, Record<Role, Outcome>>;
}

/** A fresh initiative of the target city with a field (topic: youth), a suggestion and a measure. */
async function freshMeasure(
  f: MatrixFixture,
  status: 'PLANNED' | 'DONE' = 'PLANNED',
): Promise<{ initiativeId: string; fieldId: string; suggestionId: string; measureId: string }> {
  const [initiative] = await f.api.ownerQuery<{ id: string }>(
    `INSERT INTO initiative (city_id, slug, name) VALUES ($1, $2, 'Matrix-Initiative') RETURNING id`,
    [f.cityId, `matrix-m-${randomUUID().slice(0, 8)}`],
  );
  const [field] = await f.api.ownerQuery<{ id: string }>(
    `INSERT INTO initiative_field (city_id, initiative_id, name, topic_id)
     VALUES ($1, $2, 'Feld', (SELECT id FROM topic WHERE slug = 'praevention-jugend')) RETURNING id`,
    [f.cityId, initiative.id],
  );
  const [suggestion] = await f.api.ownerQuery<{ id: string }>(
    `INSERT INTO suggestion (city_id, initiative_id, field_id, text, channel)
     VALUES ($1, $2, $3, 'Matrix-Anliegen', 'ONLINE') RETURNING id`,
    [f.cityId, initiative.id, field.id],
  );
  const [measure] = await f.api.ownerQuery<{ id: string }>(
    `INSERT INTO measure (city_id, initiative_id, field_id, title, status)
     VALUES ($1, $2, $3, 'Matrix-Maßnahme', $4) RETURNING id`,
    [f.cityId, initiative.id, field.id, status],
  );
  return {
    initiativeId: initiative.id,
    fieldId: field.id,
    suggestionId: suggestion.id,
    measureId: measure.id,
  };
}

/** A published public practice of a city that is neither of the matrix's two. */
async function modelPractice(f: MatrixFixture): Promise<string> {
  const [row] = await f.api.ownerQuery<{ id: string }>(
    `SELECT p.id FROM practice p JOIN city c ON c.id = p.city_id
      WHERE c.slug NOT IN ('goch', 'herford') AND p.status = 'PUBLISHED' AND p.visibility = 'PUBLIC'
      ORDER BY p.id LIMIT 1`,
  );
  return row.id;
}

export const MEASURE_CASES: MeasureCase[] = [
  {
    operation: 'initiativeMeasures',
    expect: same(PUBLIC),
    run: async (c, f) =>
      c.gql('query($id: ID!) { initiativeMeasures(initiativeId: $id) { id title } }', {
        id: (await freshMeasure(f)).initiativeId,
      }),
  },
  {
    operation: 'networkMeasureTotals',
    expect: same(PUBLIC),
    run: (c) => c.gql('{ networkMeasureTotals { measures } }'),
  },
  {
    operation: 'networkMeasureFigures',
    expect: same({
      anonymous: 'UNAUTHENTICATED',
      member: 'FORBIDDEN',
      coordinator: 'FORBIDDEN',
      organizer: 'ok',
    }),
    run: (c) => c.gql('{ networkMeasureFigures { cities } }'),
  },
  {
    operation: 'otherCitiesInFields',
    expect: CITY_COORDINATORS_ONLY,
    run: async (c, f) =>
      c.gql('query($id: ID!) { otherCitiesInFields(initiativeId: $id) { fieldId } }', {
        id: (await freshMeasure(f)).initiativeId,
      }),
  },
  {
    operation: 'createMeasure',
    expect: CITY_COORDINATORS_ONLY,
    run: async (c, f) => {
      const { initiativeId, fieldId } = await freshMeasure(f);
      return c.gql('mutation($i: CreateMeasureInput!) { createMeasure(input: $i) { id } }', {
        i: { initiativeId, fieldId, title: 'Matrix-Neu' },
      });
    },
  },
  {
    operation: 'updateMeasure',
    expect: CITY_COORDINATORS_ONLY,
    run: async (c, f) => {
      const { measureId, fieldId } = await freshMeasure(f);
      return c.gql('mutation($i: UpdateMeasureInput!) { updateMeasure(input: $i) { id } }', {
        i: {
          id: measureId,
          fieldId,
          title: 'Matrix-Geändert',
          goal: '',
          actors: '',
          status: 'RUNNING',
        },
      });
    },
  },
  {
    operation: 'takeUpSuggestion',
    expect: SUGGESTION_WORKERS,
    run: async (c, f) => {
      const { suggestionId, measureId } = await freshMeasure(f);
      return c.gql('mutation($i: TakeUpSuggestionInput!) { takeUpSuggestion(input: $i) { id } }', {
        i: { suggestionId, measureId },
      });
    },
  },
  {
    operation: 'unlinkSuggestionFromMeasure',
    expect: SUGGESTION_WORKERS,
    run: async (c, f) => {
      const { suggestionId, measureId } = await freshMeasure(f);
      await f.api.ownerQuery(
        `INSERT INTO measure_suggestion (city_id, measure_id, suggestion_id) VALUES ($1, $2, $3)`,
        [f.cityId, measureId, suggestionId],
      );
      return c.gql('mutation($id: ID!) { unlinkSuggestionFromMeasure(suggestionId: $id) }', {
        id: suggestionId,
      });
    },
  },
  {
    operation: 'linkModelPractice',
    expect: CITY_COORDINATORS_ONLY,
    run: async (c, f) =>
      c.gql(
        'mutation($m: ID!, $p: ID!) { linkModelPractice(measureId: $m, practiceId: $p) { id } }',
        {
          m: (await freshMeasure(f)).measureId,
          p: await modelPractice(f),
        },
      ),
  },
  {
    operation: 'unlinkModelPractice',
    expect: CITY_COORDINATORS_ONLY,
    run: async (c, f) =>
      c.gql(
        'mutation($m: ID!, $p: ID!) { unlinkModelPractice(measureId: $m, practiceId: $p) { id } }',
        { m: (await freshMeasure(f)).measureId, p: await modelPractice(f) },
      ),
  },
  {
    operation: 'createPracticeFromMeasure',
    expect: CITY_COORDINATORS_ONLY,
    run: async (c, f) =>
      c.gql('mutation($id: ID!) { createPracticeFromMeasure(id: $id) { practiceId } }', {
        id: (await freshMeasure(f, 'DONE')).measureId,
      }),
  },
];

/**
 * Row-level security alone, without the API's checks: as the app role with another city's
 * coordinator in the settings, no write to a city's measures or their links gets through.
 */
export async function proveMeasureWritesNeedTheCity(
  api: TestPlatform,
  fixture: MatrixFixture,
  foreignCityId: string,
): Promise<void> {
  const { initiativeId, fieldId, suggestionId, measureId } = await freshMeasure(fixture);
  const [user] = await api.ownerQuery<{ id: string }>(
    `SELECT u.id FROM app_user u JOIN membership m ON m.user_id = u.id
      WHERE m.city_id = $1 AND m.role = 'COORDINATOR' LIMIT 1`,
    [foreignCityId],
  );
  const app = new pg.Client({ connectionString: inject('serviceEnv').DATABASE_URL });
  await app.connect();
  const asForeignCoordinator = async (sql: string, params: unknown[]) => {
    await app.query('BEGIN');
    try {
      await app.query(
        `SELECT set_config('app.user_id', $1, true), set_config('app.member_city_ids', $2, true),
                set_config('app.coordinator_city_ids', $2, true), set_config('app.is_organizer', 'off', true)`,
        [user.id, `{${foreignCityId}}`],
      );
      return (await app.query(sql, params)).rowCount;
    } finally {
      await app.query('ROLLBACK');
    }
  };
  try {
    await expect(
      asForeignCoordinator(
        `INSERT INTO measure (city_id, initiative_id, field_id, title) VALUES ($1, $2, $3, 'Eingeschleust')`,
        [fixture.cityId, initiativeId, fieldId],
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      asForeignCoordinator(
        `INSERT INTO measure_suggestion (city_id, measure_id, suggestion_id) VALUES ($1, $2, $3)`,
        [fixture.cityId, measureId, suggestionId],
      ),
    ).rejects.toThrow(/row-level security/);
    expect(
      await asForeignCoordinator(`UPDATE measure SET status = 'DONE' WHERE id = $1`, [measureId]),
    ).toBe(0);
    expect(await asForeignCoordinator(`DELETE FROM measure WHERE id = $1`, [measureId])).toBe(0);
    // The same statement as the city's own coordinator goes through (the test can fail).
    const [own] = await api.ownerQuery<{ id: string }>(
      `SELECT u.id FROM app_user u JOIN membership m ON m.user_id = u.id
        WHERE m.city_id = $1 AND m.role = 'COORDINATOR' LIMIT 1`,
      [fixture.cityId],
    );
    await app.query('BEGIN');
    try {
      await app.query(
        `SELECT set_config('app.user_id', $1, true), set_config('app.member_city_ids', $2, true),
                set_config('app.coordinator_city_ids', $2, true), set_config('app.is_organizer', 'off', true)`,
        [own.id, `{${fixture.cityId}}`],
      );
      const { rowCount } = await app.query(`UPDATE measure SET status = 'DONE' WHERE id = $1`, [
        measureId,
      ]);
      expect(rowCount).toBe(1);
    } finally {
      await app.query('ROLLBACK');
    }
    const [{ status }] = await api.ownerQuery<{ status: string }>(
      `SELECT status FROM measure WHERE id = $1`,
      [measureId],
    );
    expect(status).toBe('PLANNED');
  } finally {
    await app.end();
  }
}
