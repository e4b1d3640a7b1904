import { ANONYMOUS, MembershipRole, NetworkRole, type Actor } from '../../core/tenancy/actor';
import { visibilityFilter } from './practice-search.service';

/**
 * Evaluates the subset of Meilisearch's filter language the filter uses (`a = "x"`,
 * `a IN ["x", "y"]`, AND, OR, parentheses) against one document, so the test checks what
 * the filter lets through rather than how it is spelled.
 */
function matches(filter: string, document: Record<string, string>): boolean {
  const tokens = filter.match(/"(?:[^"\\]|\\.)*"|\(|\)|\[|\]|,|!=|=|[A-Za-z]+/g) ?? [];
  let position = 0;
  const next = () => tokens[position++];
  const peek = () => tokens[position];
  const value = () => JSON.parse(next()) as string;
  function primary(): boolean {
    if (peek() === '(') {
      next();
      const result = or();
      expect(next()).toBe(')');
      return result;
    }
    const attribute = next();
    const operator = next();
    if (operator === '=') return document[attribute] === value();
    if (operator === '!=') return document[attribute] !== value();
    expect(operator).toBe('IN');
    expect(next()).toBe('[');
    const values = [value()];
    while (peek() === ',') {
      next();
      values.push(value());
    }
    expect(next()).toBe(']');
    return values.includes(document[attribute]);
  }
  function and(): boolean {
    let result = primary();
    while (peek() === 'AND') {
      next();
      result = primary() && result;
    }
    return result;
  }
  function or(): boolean {
    let result = and();
    while (peek() === 'OR') {
      next();
      result = and() || result;
    }
    return result;
  }
  const result = or();
  expect(position).toBe(tokens.length);
  return result;
}

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

function user(networkRole: NetworkRole, memberships: Array<[string, MembershipRole]>): Actor {
  return {
    kind: 'user',
    userId: 'u',
    sessionId: 's',
    networkRole,
    memberships: memberships.map(([cityId, role]) => ({ cityId, role })),
    actingCityId: memberships[0]?.[0] ?? null,
  };
}

// Published practices in the index (drafts and archived ones never are).
const documents: Record<string, Record<string, string>> = {
  'PUBLIC of A': { visibility: 'PUBLIC', cityId: A },
  'NETWORK of A': { visibility: 'NETWORK', cityId: A },
  'CITY of A': { visibility: 'CITY', cityId: A },
  'CITY of B': { visibility: 'CITY', cityId: B },
  'NETWORK of C': { visibility: 'NETWORK', cityId: C },
  'CITY of C': { visibility: 'CITY', cityId: C },
};

const { MEMBER, COORDINATOR } = MembershipRole;
const { NONE, ORGANIZER } = NetworkRole;
const network = ['PUBLIC of A', 'NETWORK of A', 'NETWORK of C'];

// The row-level-security read rule for published practices, written out per caller:
// PUBLIC for everyone, NETWORK for members of any city and organizers, CITY for the
// members of that city only (organizers included only where they are members).
const cases: Array<[string, Actor, string[]]> = [
  ['anonymous', ANONYMOUS, ['PUBLIC of A']],
  ['signed in without a city', user(NONE, []), ['PUBLIC of A']],
  ['member of A', user(NONE, [[A, MEMBER]]), [...network, 'CITY of A']],
  ['coordinator of A', user(NONE, [[A, COORDINATOR]]), [...network, 'CITY of A']],
  [
    'member of A and coordinator of B',
    user(NONE, [
      [A, MEMBER],
      [B, COORDINATOR],
    ]),
    [...network, 'CITY of A', 'CITY of B'],
  ],
  ['organizer without a city', user(ORGANIZER, []), network],
  ['organizer and member of B', user(ORGANIZER, [[B, MEMBER]]), [...network, 'CITY of B']],
];

describe('visibilityFilter', () => {
  it.each(cases)('%s finds what they may read, nothing else', (_who, actor, visible) => {
    const filter = visibilityFilter(actor);
    const found = Object.entries(documents)
      .filter(([, document]) => matches(filter, document))
      .map(([name]) => name);
    expect(found.sort()).toEqual([...visible].sort());
  });

  it('evaluates filters the way the engine does', () => {
    expect(matches('(a = "x" OR b IN ["y", "z"]) AND c != "w"', { a: 'q', b: 'z', c: 'v' })).toBe(
      true,
    );
    expect(matches('a = "x" OR b = "y" AND c = "z"', { a: 'q', b: 'y', c: 'q' })).toBe(false);
  });
});
