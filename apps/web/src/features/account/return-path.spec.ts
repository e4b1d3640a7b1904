import { safeReturnPath, signInPath } from './return-path';
import { thisBrowserSessionId } from './this-browser';

describe('safeReturnPath', () => {
  it('keeps paths of this app', () => {
    expect(safeReturnPath('/cloppenburg/mitglieder')).toBe('/cloppenburg/mitglieder');
    expect(safeReturnPath('/netzwerk/protokoll?stadt=goch')).toBe('/netzwerk/protokoll?stadt=goch');
  });

  it('never leaves the origin and never loops back to the sign-in page', () => {
    for (const value of ['//evil.example', '/\\evil.example', 'https://evil.example', '', null]) {
      expect(safeReturnPath(value)).toBe('/');
    }
    expect(safeReturnPath('/anmelden?ziel=/konto')).toBe('/');
  });

  it('builds the sign-in link with the way back', () => {
    expect(signInPath('/konto')).toBe('/anmelden?ziel=%2Fkonto');
    expect(signInPath('/')).toBe('/anmelden');
  });
});

describe('thisBrowserSessionId', () => {
  const storage = new Map<string, string>();
  beforeAll(() => {
    Object.assign(globalThis, {
      window: {
        localStorage: {
          getItem: (key: string) => storage.get(key) ?? null,
          setItem: (key: string, value: string) => storage.set(key, value),
          removeItem: (key: string) => storage.delete(key),
        },
      },
    });
  });
  afterAll(() => {
    Reflect.deleteProperty(globalThis, 'window');
  });

  it('takes the session created closest to this browser’s sign-in, with its user agent', () => {
    const at = Date.parse('2026-11-25T10:00:00Z');
    storage.set('wissensnetz.signedInAt', JSON.stringify({ userId: 'u1', at }));
    const sessions = [
      { id: 'a', userAgent: 'UA', createdAt: '2026-11-25T09:59:58Z' },
      { id: 'b', userAgent: 'UA', createdAt: '2026-11-25T10:00:00.300Z' },
      { id: 'c', userAgent: 'other', createdAt: '2026-11-25T10:00:00.100Z' },
    ];
    expect(thisBrowserSessionId(sessions, 'u1', 'UA')).toBe('b');
    // Someone else signed in here last: mark nothing rather than the wrong one.
    expect(thisBrowserSessionId(sessions, 'u2', 'UA')).toBeNull();
  });

  it('marks nothing when no session is close to the remembered time', () => {
    storage.set('wissensnetz.signedInAt', JSON.stringify({ userId: 'u1', at: 0 }));
    expect(
      thisBrowserSessionId(
        [{ id: 'a', userAgent: 'UA', createdAt: '2026-11-25T10:00:00Z' }],
        'u1',
        'UA',
      ),
    ).toBeNull();
  });
});
