import { landingAfterSignIn, safeReturnPath, signInPath } from './return-path';

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

describe('landingAfterSignIn', () => {
  const twoCities = {
    actingCity: { slug: 'puchheim' },
    memberships: [{ city: { slug: 'ingolstadt' } }, { city: { slug: 'puchheim' } }],
  };

  it('keeps the path the person came from', () => {
    expect(landingAfterSignIn('/praxis/neu', twoCities)).toBe('/praxis/neu');
  });

  it('else opens the workspace of the acting city', () => {
    expect(landingAfterSignIn(null, twoCities)).toBe('/puchheim/arbeitsbereich');
  });

  it('falls back to the first own city when acting for a foreign one', () => {
    expect(landingAfterSignIn(null, { ...twoCities, actingCity: { slug: 'goch' } })).toBe(
      '/ingolstadt/arbeitsbereich',
    );
  });

  it('sends people without a city (organizers) to the start page, and never elsewhere', () => {
    expect(landingAfterSignIn(null, { actingCity: { slug: 'goch' }, memberships: [] })).toBe('/');
    expect(landingAfterSignIn('//evil.example', twoCities)).toBe('/puchheim/arbeitsbereich');
  });
});
