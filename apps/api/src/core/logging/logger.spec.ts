import { Writable } from 'node:stream';
import { runInRequestContext } from '../tenancy/request-context';
import { ANONYMOUS } from '../tenancy/actor';
import { CountingTypeOrmLogger } from '../graphql/query-count';
import { createLogger } from './logger';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ logLevel: 'info', production: true }, stream) };
}

describe('createLogger', () => {
  it('writes no e-mail address, password or token, in messages, fields or errors', () => {
    const { lines, logger } = capture();
    logger.warn('e-mail 7 to anna@stadt.example not sent');
    logger.info(
      { email: 'anna@stadt.example', input: { password: 'hunter2', token: 'abc' } },
      'login',
    );
    logger.error({ err: new Error('duplicate key anna@stadt.example') }, 'failed');
    logger.error({ context: 'Nest', trace: 'at send (to anna@stadt.example)' }, 'trace');
    const text = JSON.stringify(lines);
    expect(lines).toHaveLength(4);
    expect(text).not.toMatch(/anna@|hunter2|"abc"/);
    expect(lines[0].msg).toBe('e-mail 7 to [email] not sent');
    expect(lines[1]).toMatchObject({ email: '[redacted]', input: { password: '[redacted]' } });
  });

  it('names the request in every line written during it', () => {
    const { lines, logger } = capture();
    runInRequestContext(
      { actor: ANONYMOUS, ip: '::1', userAgent: '', secure: false, requestId: 'req-0001-abcd' },
      () => logger.info('inside'),
    );
    logger.info('outside');
    expect(lines[0]).toMatchObject({ msg: 'inside', reqId: 'req-0001-abcd' });
    expect(lines[1].reqId).toBeUndefined();
  });
});

describe('slow query log (CountingTypeOrmLogger.logQuerySlow)', () => {
  it('writes the duration and the SQL text, never the parameters', () => {
    const { lines, logger } = capture();
    new CountingTypeOrmLogger(logger).logQuerySlow(
      812.4,
      'SELECT *\n  FROM app_user WHERE email = $1',
    );
    expect(lines).toEqual([
      expect.objectContaining({
        level: 40,
        msg: 'slow query',
        ms: 812,
        sql: 'SELECT * FROM app_user WHERE email = $1',
      }),
    ]);
  });
});
