import { parse, type OperationDefinitionNode } from 'graphql';
import { findInvalidArgument } from './input-characters';

function check(query: string, variables?: Record<string, unknown>): string | undefined {
  const document = parse(query);
  const operation = document.definitions.find(
    (node): node is OperationDefinitionNode => node.kind === 'OperationDefinition',
  )!;
  return findInvalidArgument(document, operation, variables);
}

describe('findInvalidArgument', () => {
  it('names the argument path of inline literals, nested objects and lists', () => {
    expect(check('{ city(slug: "lemgo") { id } }')).toBeUndefined();
    expect(check('{ city(slug: "lem\\u0000go") { id } }')).toBe('slug');
    expect(check('{ practices(filter: { topicSlugs: ["a", "b\\u0000"] }) { totalCount } }')).toBe(
      'filter.topicSlugs.1',
    );
  });

  it('follows variables into their values, nested in literals too', () => {
    expect(check('query($v: String!) { city(slug: $v) { id } }', { v: 'ok🙂' })).toBeUndefined();
    expect(check('query($v: String!) { city(slug: $v) { id } }', { v: '\uD800' })).toBe('slug');
    expect(
      check(
        'mutation($t: String!) { createPractice(input: { citySlug: "x", title: $t }) { id } }',
        {
          t: 'a\u0000',
        },
      ),
    ).toBe('input.title');
    expect(
      check('mutation($i: CreatePracticeInput!) { createPractice(input: $i) { id } }', {
        i: { title: 'ok', tags: ['ok', '\uDC00'] },
      }),
    ).toBe('input.tags.1');
  });

  it('checks default values of variables that were not sent, and fields in fragments', () => {
    expect(check('query($v: String = "a\\u0000") { city(slug: $v) { id } }')).toBe('slug');
    expect(check('query($v: String = "a\\u0000") { city(slug: $v) { id } }', { v: 'ok' })).toBe(
      undefined,
    );
    expect(
      check(
        'query { ...F } fragment F on Query { cities(filter: { search: "\\u0000" }) { totalCount } }',
      ),
    ).toBe('filter.search');
  });

  it('checks the variables of every request on a document it has seen before', () => {
    // Apollo hands the same parsed document to every request with the same query text.
    const document = parse('query($v: String!) { city(slug: $v) { id } }');
    const operation = document.definitions[0] as OperationDefinitionNode;
    expect(findInvalidArgument(document, operation, { v: 'lemgo' })).toBeUndefined();
    expect(findInvalidArgument(document, operation, { v: 'lem\u0000go' })).toBe('slug');
    expect(findInvalidArgument(document, operation, { v: 'goch' })).toBeUndefined();
  });
});
