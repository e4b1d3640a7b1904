import { GraphQLError } from 'graphql';
import pino from 'pino';
import { createErrorFormatter } from './format-error';

const logger = pino({ level: 'silent' });
const format = createErrorFormatter(logger);

/** What Apollo hands the formatter for an error thrown inside a resolver. */
function fromResolver(original: Error) {
  const error = new GraphQLError(original.message, {
    path: ['updateMembership'],
    originalError: original,
  });
  return format(
    {
      message: error.message,
      path: ['updateMembership'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    },
    error,
  );
}

function databaseError(code: string): Error {
  return Object.assign(new Error('database says no'), { code });
}

describe('createErrorFormatter', () => {
  it('answers a deadlock or serialization failure as a typed CONFLICT', () => {
    for (const code of ['40P01', '40001', '55P03']) {
      expect(fromResolver(databaseError(code)).extensions).toEqual({
        code: 'CONFLICT',
        reason: 'CONCURRENT_CHANGE',
      });
    }
  });

  it('answers an unreachable or silent database as a typed SERVICE_UNAVAILABLE', () => {
    for (const error of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new Error('timeout exceeded when trying to connect'),
      databaseError('57014'),
    ]) {
      const formatted = fromResolver(error);
      expect(formatted.extensions).toEqual({
        code: 'SERVICE_UNAVAILABLE',
        reason: 'DATABASE_UNAVAILABLE',
      });
      expect(formatted.message).not.toContain('5432');
    }
  });

  it('hides other unexpected errors, database ones included, behind INTERNAL_SERVER_ERROR', () => {
    for (const error of [databaseError('23505'), new Error('boom')]) {
      const formatted = fromResolver(error);
      expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(formatted.message).toBe('Internal server error');
    }
  });

  it('passes typed errors on with their field', () => {
    const typed = new GraphQLError('bad', {
      extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_FIELD', field: 'input.title' },
    });
    expect(format({ message: 'bad', extensions: typed.extensions }, typed).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_FIELD',
      field: 'input.title',
    });
  });
});
