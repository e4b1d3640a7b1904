import { apiErrorCodes, apiProblems, waitValues } from './api-errors';

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
    ).toEqual([{ field: 'password', text: { key: 'errors.INVALID_CREDENTIALS' } }]);
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
      { field: null, text: { key: 'errors.NETWORK' } },
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
});
