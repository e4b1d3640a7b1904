import { isLinkIntoApp, mailboxRefusal } from './dev-mailbox';

const errorWith = (...extensions: Array<Record<string, unknown>>) => ({
  graphQLErrors: extensions.map((e) => ({ extensions: e })),
});

describe('mailboxRefusal', () => {
  it('tells a request from another machine apart from an environment without outbox', () => {
    expect(mailboxRefusal(errorWith({ code: 'FORBIDDEN', reason: 'LOOPBACK_ONLY' }))).toBe(
      'loopbackOnly',
    );
    expect(mailboxRefusal(errorWith({ code: 'GRAPHQL_VALIDATION_FAILED' }))).toBe('off');
    expect(mailboxRefusal(errorWith({ code: 'FORBIDDEN', reason: 'NOT_ALLOWED' }))).toBe('off');
  });

  it('is no refusal for other failures or none', () => {
    expect(mailboxRefusal(undefined)).toBeNull();
    expect(mailboxRefusal(errorWith({ code: 'INTERNAL_SERVER_ERROR' }))).toBeNull();
    expect(mailboxRefusal({ graphQLErrors: [], networkError: new Error('offline') })).toBeNull();
  });
});

describe('isLinkIntoApp', () => {
  it('keeps links of this origin and of the other loopback names on the same port in the app', () => {
    const link = new URL('http://localhost:3000/einladung/abc');
    expect(isLinkIntoApp(link, 'http://localhost:3000')).toBe(true);
    expect(isLinkIntoApp(link, 'http://127.0.0.1:3000')).toBe(true);
    expect(isLinkIntoApp(link, 'http://[::1]:3000')).toBe(true);
  });

  it('treats other ports, schemes and hosts as outside', () => {
    const link = new URL('http://localhost:3000/einladung/abc');
    expect(isLinkIntoApp(link, 'http://127.0.0.1:4000')).toBe(false);
    expect(isLinkIntoApp(link, 'https://localhost:3000')).toBe(false);
    expect(isLinkIntoApp(new URL('https://wissensnetz.example/x'), 'http://localhost:3000')).toBe(
      false,
    );
    expect(isLinkIntoApp(new URL('http://attacker.example:3000/x'), 'http://127.0.0.1:3000')).toBe(
      false,
    );
  });
});
