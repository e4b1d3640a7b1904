import { apiErrorCodes, apiErrorReasons, apiProblems, waitValues } from './api-errors';

const graphQLError = (extensions: Record<string, unknown>) => ({ extensions });

describe('apiProblems', () => {
  it('puts a wrong sign-in on the password field with the reason text', () => {
    expect(
      apiProblems({
        graphQLErrors: [
          graphQLError({
            code: 'UNAUTHENTICATED',
            reason: 'INVALID_CREDENTIALS',
            field: 'input.password',
          }),
        ],
      }),
    ).toEqual([
      { field: 'password', path: 'password', text: { key: 'errors.INVALID_CREDENTIALS' } },
    ]);
  });

  it('names the current password when that one is wrong', () => {
    const [problem] = apiProblems({
      graphQLErrors: [
        graphQLError({
          code: 'BAD_USER_INPUT',
          reason: 'INVALID_CREDENTIALS',
          field: 'input.currentPassword',
        }),
      ],
    });
    expect(problem).toEqual({
      field: 'currentPassword',
      path: 'currentPassword',
      text: { key: 'errors.WRONG_CURRENT_PASSWORD' },
    });
  });

  it('picks the text of the weak-password rule', () => {
    const [problem] = apiProblems({
      graphQLErrors: [
        graphQLError({
          code: 'BAD_USER_INPUT',
          reason: 'WEAK_PASSWORD',
          field: 'input.newPassword',
          params: { rule: 'CONTAINS_EMAIL' },
        }),
      ],
    });
    expect(problem.text.key).toBe('errors.WEAK_PASSWORD_CONTAINS_EMAIL');
    expect(problem.field).toBe('newPassword');
  });

  it('names the session that holds the room, with its times', () => {
    const [problem] = apiProblems({
      graphQLErrors: [
        graphQLError({
          code: 'CONFLICT',
          reason: 'ROOM_TAKEN',
          field: 'input.room',
          params: {
            sessionTitle: 'Auftakt',
            startsAtLocal: '2027-05-20T10:00',
            endsAtLocal: '2027-05-20T11:30',
          },
        }),
      ],
    });
    expect(problem).toEqual({
      field: 'room',
      path: 'room',
      text: { key: 'errors.ROOM_TAKEN_BY', values: { title: 'Auftakt', time: '10:00–11:30' } },
    });
  });

  it('turns the wait of TOO_MANY_ATTEMPTS into minutes or seconds', () => {
    const wait = (retryAfterSeconds: number) =>
      apiProblems({
        graphQLErrors: [
          graphQLError({
            code: 'TOO_MANY_ATTEMPTS',
            reason: 'TOO_MANY_ATTEMPTS',
            params: { retryAfterSeconds },
          }),
        ],
      })[0];
    expect(wait(899)).toEqual({
      field: null,
      path: null,
      text: { key: 'errors.TOO_MANY_ATTEMPTS_MINUTES', values: { count: 15 } },
    });
    expect(wait(42).text).toEqual({
      key: 'errors.TOO_MANY_ATTEMPTS_SECONDS',
      values: { count: 42 },
    });
    expect(waitValues(60)).toEqual({ unit: 'minutes', count: 1 });
    expect(waitValues(61)).toEqual({ unit: 'minutes', count: 2 });
  });

  it('tells which state an invitation is in', () => {
    const [problem] = apiProblems({
      graphQLErrors: [
        graphQLError({
          code: 'CONFLICT',
          reason: 'INVITATION_NOT_PENDING',
          field: 'input.token',
          params: { status: 'REVOKED' },
        }),
      ],
    });
    expect(problem.text.key).toBe('errors.INVITATION_REVOKED');
  });

  it('falls back to the code, then to a generic text, never to the API message', () => {
    expect(
      apiProblems({
        graphQLErrors: [graphQLError({ code: 'FORBIDDEN', reason: 'SOMETHING_NEW' })],
      })[0].text.key,
    ).toBe('errors.FORBIDDEN');
    expect(apiProblems({ graphQLErrors: [{}] })[0].text.key).toBe('errors.UNKNOWN');
    expect(apiProblems({ graphQLErrors: [], networkError: new Error('offline') })).toEqual([
      { field: null, path: null, text: { key: 'errors.NETWORK' } },
    ]);
  });

  it('lists the codes to branch on', () => {
    expect(
      apiErrorCodes({
        graphQLErrors: [graphQLError({ code: 'FORBIDDEN' }), graphQLError({})],
      }),
    ).toEqual(['FORBIDDEN']);
    expect(apiErrorCodes(undefined)).toEqual([]);
  });

  it('names the link row and the limits of a practice field', () => {
    const [url, title, tag] = apiProblems({
      graphQLErrors: [
        graphQLError({
          code: 'BAD_USER_INPUT',
          reason: 'INVALID_FIELD',
          field: 'input.links.2.url',
        }),
        graphQLError({
          code: 'BAD_USER_INPUT',
          reason: 'INVALID_FIELD',
          field: 'input.title',
          params: { min: 3, max: 200 },
        }),
        graphQLError({
          code: 'BAD_USER_INPUT',
          reason: 'INVALID_FIELD',
          field: 'input.tags.1',
          params: { max: 40 },
        }),
      ],
    });
    expect(url).toEqual({
      field: 'url',
      path: 'links.2.url',
      text: { key: 'errors.PRACTICE_LINK_URL', values: {} },
    });
    expect(title.text).toEqual({ key: 'errors.PRACTICE_TITLE', values: { min: 3, max: 200 } });
    expect(tag.text).toEqual({ key: 'errors.PRACTICE_TAG', values: { max: 40 } });
  });

  it('explains upload and search failures', () => {
    const texts = apiProblems({
      graphQLErrors: [
        graphQLError({ code: 'BAD_USER_INPUT', reason: 'FILE_TYPE_NOT_ALLOWED', field: 'file' }),
        graphQLError({
          code: 'BAD_USER_INPUT',
          reason: 'FILE_TOO_LARGE',
          field: 'file',
          params: { maxBytes: 10 * 1024 * 1024 },
        }),
        graphQLError({ code: 'SERVICE_UNAVAILABLE', reason: 'SEARCH_UNAVAILABLE', field: 'query' }),
        graphQLError({ code: 'BAD_USER_INPUT', reason: 'INVALID_CHARACTERS', field: 'query' }),
        graphQLError({ code: 'FORBIDDEN', reason: 'CROSS_SITE_REQUEST' }),
      ],
    }).map((problem) => problem.text);
    expect(texts).toEqual([
      { key: 'errors.FILE_TYPE_NOT_ALLOWED' },
      { key: 'errors.FILE_TOO_LARGE', values: { maxMb: 10 } },
      { key: 'errors.SEARCH_UNAVAILABLE' },
      { key: 'errors.INVALID_CHARACTERS' },
      { key: 'errors.CROSS_SITE_REQUEST' },
    ]);
  });

  it('lets a form say what INVALID_FIELD means for its own fields', () => {
    const error = {
      graphQLErrors: [
        graphQLError({ code: 'BAD_USER_INPUT', reason: 'INVALID_FIELD', field: 'input.body' }),
      ],
    };
    expect(apiProblems(error)[0]?.text.key).toBe('errors.PRACTICE_BODY');
    expect(apiProblems(error, { body: 'errors.TANDEM_NOTE_BODY' })[0]).toEqual({
      field: 'body',
      path: 'body',
      text: { key: 'errors.TANDEM_NOTE_BODY', values: {} },
    });
  });

  it('explains the tandem rules', () => {
    const texts = apiProblems({
      graphQLErrors: [
        graphQLError({
          code: 'BAD_USER_INPUT',
          reason: 'SAME_CITY',
          field: 'input.partnerCitySlug',
        }),
        graphQLError({
          code: 'CONFLICT',
          reason: 'PAIR_ALREADY_OPEN',
          field: 'input.partnerCitySlug',
        }),
        graphQLError({ code: 'CONFLICT', reason: 'TANDEM_NOT_ACTIVE', field: 'input.tandemId' }),
      ],
    }).map((problem) => problem.text.key);
    expect(texts).toEqual([
      'errors.SAME_CITY',
      'errors.PAIR_ALREADY_OPEN',
      'errors.TANDEM_NOT_ACTIVE',
    ]);
  });

  it('lists the reasons to branch on', () => {
    expect(
      apiErrorReasons({
        graphQLErrors: [
          graphQLError({ code: 'CONFLICT', reason: 'STALE_REVISION', params: { current: 4 } }),
        ],
      }),
    ).toEqual(['STALE_REVISION']);
  });
});
