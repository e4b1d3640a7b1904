import { errorText, isPermanentMailError, retryDelayMs } from './notification-retry';

describe('retryDelayMs', () => {
  it('starts at a second and doubles per attempt', () => {
    expect([1, 2, 3, 4, 5].map((attempts) => retryDelayMs(attempts, 60_000))).toEqual([
      1000, 2000, 4000, 8000, 16_000,
    ]);
  });

  it('never waits longer than the maximum, however many attempts', () => {
    expect(retryDelayMs(7, 60_000)).toBe(60_000);
    expect(retryDelayMs(10_000, 300_000)).toBe(300_000);
    expect(retryDelayMs(1, 200)).toBe(200);
  });

  it('treats a first attempt that was never made like the first', () => {
    expect(retryDelayMs(0, 60_000)).toBe(1000);
  });
});

describe('isPermanentMailError', () => {
  const smtpError = (code: string, responseCode?: number) =>
    Object.assign(new Error(code), { code, responseCode });

  it.each([
    ['recipient refused', smtpError('EENVELOPE', 550)],
    ['message refused', smtpError('EMESSAGE', 554)],
    ['no valid recipient at all', smtpError('EENVELOPE')],
  ])('gives up when the %s', (_case, error) => {
    expect(isPermanentMailError(error)).toBe(true);
  });

  it.each([
    ['the server is unreachable', smtpError('ECONNECTION')],
    ['connecting timed out', smtpError('ETIMEDOUT')],
    ['the server says try later', smtpError('EENVELOPE', 451)],
    ['the credentials are wrong', smtpError('EAUTH', 535)],
    ['the socket broke', smtpError('ESOCKET')],
    ['it is not an error object', 'boom'],
    ['there is nothing', undefined],
  ])('retries when %s', (_case, error) => {
    expect(isPermanentMailError(error)).toBe(false);
  });
});

describe('errorText', () => {
  it('is one short line', () => {
    const text = errorText(new Error(`connect ECONNREFUSED\n  at 127.0.0.1:25 ${'x'.repeat(900)}`));
    expect(text).not.toMatch(/\n/);
    expect(text.startsWith('connect ECONNREFUSED at 127.0.0.1:25')).toBe(true);
    expect(text).toHaveLength(500);
  });
});
