import { safeReturnPath, signInPath } from './return-path';

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
