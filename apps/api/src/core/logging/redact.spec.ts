import { redactUrl, scrubEmails } from './redact';

describe('redactUrl', () => {
  it('replaces token-like path segments and keeps ids, slugs and extensions readable', () => {
    const token = 'Qm9vbGVhbkZsYWdzQXJlTm90U2VjcmV0c18xMjM0NTY3';
    expect(redactUrl(`/calendar/${token}.ics`)).toBe('/calendar/[token].ics');
    expect(redactUrl(`/passwort-zuruecksetzen/${token}`)).toBe('/passwort-zuruecksetzen/[token]');
    expect(redactUrl('/praxis/3f2a1b4c-1d2e-4f5a-8b9c-0d1e2f3a4b5c')).toBe(
      '/praxis/3f2a1b4c-1d2e-4f5a-8b9c-0d1e2f3a4b5c',
    );
    expect(redactUrl('/staedte/cloppenburg/praxis')).toBe('/staedte/cloppenburg/praxis');
  });

  it('replaces every query value and e-mail addresses in the path', () => {
    expect(redactUrl('/api/digest/unsubscribe?token=abc&lang=de&flag')).toBe(
      '/api/digest/unsubscribe?token=[redacted]&lang=[redacted]&flag',
    );
    expect(redactUrl('/users/anna%40example.org/profile')).toBe('/users/[email]/profile');
    expect(redactUrl(undefined)).toBe('');
  });
});

describe('scrubEmails', () => {
  it('removes every address from a text', () => {
    expect(scrubEmails('e-mail 12 to anna.meier+x@stadt.example not sent; cc bo@b.de')).toBe(
      'e-mail 12 to [email] not sent; cc [email]',
    );
  });
});
