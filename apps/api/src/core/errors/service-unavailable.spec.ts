import { asServiceUnavailable, isDatabaseOutage } from './service-unavailable';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseOutage', () => {
  it('recognises what pg, pg-pool and the bounded client say when PostgreSQL is gone or silent', () => {
    for (const error of [
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      withCode('read ECONNRESET', 'ECONNRESET'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Connection terminated unexpectedly'),
      new Error('Connection terminated due to connection timeout'),
      new Error('PostgreSQL did not answer within 16000 ms'),
      withCode('canceling statement due to statement timeout', '57014'),
      withCode('terminating connection due to administrator command', '57P01'),
      withCode('the database system is starting up', '57P03'),
      withCode('sorry, too many clients already', '53300'),
      withCode('connection failure', '08006'),
      new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')]),
    ]) {
      expect({ message: error.message, outage: isDatabaseOutage(error) }).toEqual({
        message: error.message,
        outage: true,
      });
    }
  });

  it('looks through the wrappers TypeORM and Node put around the driver error', () => {
    const driverError = withCode('canceling statement due to statement timeout', '57014');
    const wrapped = Object.assign(new Error('QueryFailedError'), { driverError });
    expect(isDatabaseOutage(wrapped)).toBe(true);
    expect(isDatabaseOutage(new Error('outer', { cause: new Error('Query read timeout') }))).toBe(
      true,
    );
  });

  it('leaves bugs, bad data and lock conflicts alone', () => {
    for (const error of [
      withCode('duplicate key value violates unique constraint', '23505'),
      withCode('canceling statement due to lock timeout', '55P03'),
      withCode('deadlock detected', '40P01'),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      'not an error',
      undefined,
    ]) {
      expect(isDatabaseOutage(error)).toBe(false);
    }
  });
});

describe('asServiceUnavailable', () => {
  it('answers DATABASE_UNAVAILABLE for an outage and keeps the cause for the logs', () => {
    const cause = withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED');
    const typed = asServiceUnavailable(cause);
    expect(typed).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE' });
    expect(typed?.message).not.toContain('127.0.0.1');
    expect(String(typed)).toContain('ECONNREFUSED');
    expect(asServiceUnavailable(typed)).toBe(typed);
    expect(asServiceUnavailable(new Error('boom'))).toBeUndefined();
  });
});
