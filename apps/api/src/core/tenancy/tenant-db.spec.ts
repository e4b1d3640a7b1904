import { ANONYMOUS } from './actor';
import { inlineParams, tenantBegin } from './tenant-db';

describe('TenantDb batches', () => {
  // pg's escapeLiteral puts a space before E'…' (a literal with backslashes).
  it('quotes every kind of parameter as a literal', () => {
    expect(
      inlineParams('SELECT $1, $2, $3, $4, $5::uuid[], $6', [
        "O'Brien",
        21,
        true,
        null,
        ['0c6f1a52-7d4b-4b7e-9b1e-2f3c4d5e6f70', 'a"b\\c'],
        'back\\slash',
      ]),
    ).toBe(
      `SELECT 'O''Brien', 21, true, NULL,  E'{"0c6f1a52-7d4b-4b7e-9b1e-2f3c4d5e6f70","a\\\\"b\\\\\\\\c"}'::uuid[],  E'back\\\\slash'`,
    );
  });

  it('does not read $n inside an inlined value as a parameter', () => {
    expect(inlineParams('SELECT $1, $2', ['$2', 'x'])).toBe(`SELECT '$2', 'x'`);
  });

  it('refuses a missing parameter and values it cannot quote', () => {
    expect(() => inlineParams('SELECT $2', ['only one'])).toThrow('no parameter $2');
    expect(() => inlineParams('SELECT $1', [{ id: 1 }])).toThrow('unsupported parameter');
    expect(() => inlineParams('SELECT $1', [Number.NaN])).toThrow('unsupported parameter');
  });

  it('starts the transaction and sets every setting of the actor in one batch', () => {
    expect(tenantBegin(ANONYMOUS)).toBe(
      "START TRANSACTION; SELECT set_config('app.user_id', '', true), set_config('app.member_city_ids', '{}', true), set_config('app.coordinator_city_ids', '{}', true), set_config('app.is_organizer', 'off', true), set_config('app.invitation_token', '', true)",
    );
  });
});
