import { LIMITS, cleanContent, validateSearchFilter } from './practice-content';
import type { PracticeContentInput, PracticeSearchFilter } from './dto/practice.inputs';
import { PracticeException } from './practice.exception';
import { PracticeVisibility } from './practice.entity';

/** What cleanContent threw: the typed error's field, reason and params (or the bare error). */
function refusal(run: () => unknown): { field?: string; reason: string; code: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof PracticeException)
      return { field: error.field, reason: error.reason, code: error.code };
    throw error;
  }
  throw new Error('no error thrown');
}

const valid: PracticeContentInput = { title: 'Offener Garten', summary: 'Für alle.' };
// Input as GraphQL may deliver it: a nullable field can arrive as an explicit null.
const withNull = (field: keyof PracticeContentInput) =>
  ({ ...valid, [field]: null }) as unknown as PracticeContentInput;

describe('cleanContent', () => {
  it('trims texts, keeps tags as typed and de-duplicates them case-insensitively, normalises links and e-mail', () => {
    expect(
      cleanContent(
        {
          title: '  Offener Garten ',
          summary: ' Für alle. ',
          body: '  # Markdown bleibt, wie es ist  ',
          topicSlugs: [' nachhaltigkeit', 'nachhaltigkeit', 'jugend'],
          tags: ['Garten', ' garten ', '', 'Nachbarschaft', 'KI'],
          visibility: PracticeVisibility.PUBLIC,
          contactName: '  Erika Muster ',
          contactEmail: ' Erika@Stadt.Example ',
          periodFrom: '2024-02-29',
          periodTo: '2024-03-01',
          outcomes: '   ',
          links: [{ label: ' Projekt ', url: ' https://stadt.example/garten ' }],
        },
        true,
      ),
    ).toEqual({
      title: 'Offener Garten',
      summary: 'Für alle.',
      body: '  # Markdown bleibt, wie es ist  ',
      topicSlugs: ['nachhaltigkeit', 'jugend'],
      tags: ['Garten', 'Nachbarschaft', 'KI'],
      visibility: PracticeVisibility.PUBLIC,
      contactName: 'Erika Muster',
      contactEmail: 'erika@stadt.example',
      periodFrom: '2024-02-29',
      periodTo: '2024-03-01',
      outcomes: null,
      links: [{ label: 'Projekt', url: 'https://stadt.example/garten' }],
    });
  });

  it('leaves out what an update does not send, and clears optional texts sent empty or null', () => {
    expect(cleanContent({}, false)).toEqual({ title: undefined, summary: undefined });
    expect(
      cleanContent({ contactName: null, contactEmail: '', periodFrom: null, partners: ' ' }, false),
    ).toEqual({
      title: undefined,
      summary: undefined,
      contactName: null,
      contactEmail: null,
      periodFrom: null,
      partners: null,
    });
  });

  it('takes texts at their limits', () => {
    const content = cleanContent(
      {
        title: 'x'.repeat(LIMITS.title[1]),
        summary: 'x'.repeat(LIMITS.summary[1]),
        body: 'x'.repeat(LIMITS.body),
        tags: Array.from({ length: LIMITS.tags }, (_, index) => `t${index}`),
        topicSlugs: Array.from({ length: LIMITS.topics }, (_, index) => `topic-${index}`),
        outcomes: 'x'.repeat(LIMITS.text),
        links: Array.from({ length: LIMITS.links }, () => ({
          label: 'x',
          url: 'http://a.example',
        })),
      },
      true,
    );
    expect(content.title).toHaveLength(LIMITS.title[1]);
    expect(content.links).toHaveLength(LIMITS.links);
  });

  const long = (length: number) => 'x'.repeat(length);
  it.each<[string, PracticeContentInput, boolean, string]>([
    ['a missing title on creation', { summary: 'x' }, true, 'input.title'],
    ['a missing summary on creation', { title: 'Titel' }, true, 'input.summary'],
    ['a title too short once trimmed', { ...valid, title: '  ab  ' }, true, 'input.title'],
    ['a title too long', { ...valid, title: long(201) }, false, 'input.title'],
    ['a blank summary', { ...valid, summary: '   ' }, false, 'input.summary'],
    ['a body too long', { ...valid, body: long(LIMITS.body + 1) }, false, 'input.body'],
    [
      'too many topics',
      { ...valid, topicSlugs: Array.from({ length: 11 }, (_, index) => `t${index}`) },
      false,
      'input.topicSlugs',
    ],
    [
      'too many tags',
      { ...valid, tags: Array.from({ length: 21 }, (_, index) => `t${index}`) },
      false,
      'input.tags',
    ],
    ['a tag too long', { ...valid, tags: ['kurz', long(41)] }, false, 'input.tags.1'],
    // The field names the element the editor sent, not its place after de-duplication.
    [
      'a tag too long after a duplicate',
      { ...valid, tags: ['kurz', 'Kurz', long(41)] },
      false,
      'input.tags.2',
    ],
    [
      'a tag too long after an empty one',
      { ...valid, tags: ['', long(41)] },
      false,
      'input.tags.1',
    ],
    ['a contact name too long', { ...valid, contactName: long(5001) }, false, 'input.contactName'],
    ['outcomes too long', { ...valid, outcomes: long(5001) }, false, 'input.outcomes'],
    ['not an e-mail address', { ...valid, contactEmail: 'erika@' }, false, 'input.contactEmail'],
    ['a date in another format', { ...valid, periodFrom: '01.02.2024' }, false, 'input.periodFrom'],
    ['a date that does not exist', { ...valid, periodTo: '2023-02-29' }, false, 'input.periodTo'],
    [
      'a period that ends before it starts',
      { ...valid, periodFrom: '2024-05-01', periodTo: '2024-04-30' },
      false,
      'input.periodTo',
    ],
    [
      'too many links',
      {
        ...valid,
        links: Array.from({ length: 21 }, () => ({ label: 'x', url: 'https://a.example' })),
      },
      false,
      'input.links',
    ],
    [
      'a link without a label',
      { ...valid, links: [{ label: ' ', url: 'https://a.example' }] },
      false,
      'input.links.0.label',
    ],
    [
      'a link that is not an address',
      {
        ...valid,
        links: [
          { label: 'a', url: 'https://a.example' },
          { label: 'b', url: 'kein link' },
        ],
      },
      false,
      'input.links.1.url',
    ],
    [
      'a javascript: link',
      { ...valid, links: [{ label: 'a', url: 'javascript:alert(1)' }] },
      false,
      'input.links.0.url',
    ],
    [
      'a mailto: link',
      { ...valid, links: [{ label: 'a', url: 'mailto:erika@stadt.example' }] },
      false,
      'input.links.0.url',
    ],
  ])('refuses %s', (_case, input, required, field) => {
    expect(refusal(() => cleanContent(input, required))).toEqual({
      field,
      reason: 'INVALID_FIELD',
      code: 'BAD_USER_INPUT',
    });
  });

  // These fields cannot be empty; as everywhere in the API, null counts as not given (an
  // update keeps the value, a creation misses a required one). Before, a null here ended
  // in a TypeError or a NOT NULL violation: INTERNAL_SERVER_ERROR.
  const notNull = [
    'title',
    'summary',
    'body',
    'topicSlugs',
    'tags',
    'links',
    'visibility',
  ] as const satisfies ReadonlyArray<keyof PracticeContentInput>;
  const full: PracticeContentInput = {
    ...valid,
    body: 'Text',
    topicSlugs: ['jugend'],
    tags: ['garten'],
    links: [{ label: 'a', url: 'https://a.example' }],
    visibility: PracticeVisibility.PUBLIC,
  };
  const without = (field: keyof PracticeContentInput) => {
    const input = { ...full };
    delete input[field];
    return input;
  };

  it.each(notNull)('takes an explicit null for %s on an update as not given', (field) => {
    const input = { ...full, [field]: null } as unknown as PracticeContentInput;
    expect(cleanContent(input, false)).toEqual(cleanContent(without(field), false));
  });

  it.each(['body', 'topicSlugs', 'tags', 'links', 'visibility'] as const)(
    'takes an explicit null for %s on a creation as not given',
    (field) => {
      const input = { ...full, [field]: null } as unknown as PracticeContentInput;
      expect(cleanContent(input, true)).toEqual(cleanContent(without(field), true));
    },
  );

  it.each(['title', 'summary'] as const)('misses a required %s sent as null', (field) => {
    expect(refusal(() => cleanContent(withNull(field), true))).toEqual({
      field: `input.${field}`,
      reason: 'INVALID_FIELD',
      code: 'BAD_USER_INPUT',
    });
  });
});

describe('validateSearchFilter', () => {
  it('takes no filter as an empty one and a valid one as it is', () => {
    expect(validateSearchFilter(null)).toEqual({});
    expect(validateSearchFilter(undefined)).toEqual({});
    const filter: PracticeSearchFilter = {
      federalStates: ['DE-NI', 'DE-BY'],
      topicSlugs: ['jugend'],
      joinedYears: [2024],
    };
    expect(validateSearchFilter(filter)).toEqual(filter);
    expect(validateSearchFilter({ federalStates: null })).toEqual({ federalStates: null });
  });

  it.each<[string, PracticeSearchFilter, string]>([
    ['an unknown federal state', { federalStates: ['DE-NI', 'DE-XX'] }, 'filter.federalStates.1'],
    ['a state name instead of its code', { federalStates: ['Bayern'] }, 'filter.federalStates.0'],
    [
      'more than 50 values in a list',
      { citySlugs: Array.from({ length: 51 }, (_, index) => `stadt-${index}`) },
      'filter.citySlugs',
    ],
    [
      'more than 50 years',
      { joinedYears: Array.from({ length: 51 }, (_, index) => 1990 + index) },
      'filter.joinedYears',
    ],
  ])('refuses %s', (_case, filter, field) => {
    expect(refusal(() => validateSearchFilter(filter))).toEqual({
      field,
      reason: 'INVALID_FIELD',
      code: 'BAD_USER_INPUT',
    });
  });
});
