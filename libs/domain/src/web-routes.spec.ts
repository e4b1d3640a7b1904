import { matchWebRoute, RESERVED_SLUGS } from './web-routes';

describe('matchWebRoute', () => {
  it('knows the network pages, with and without a trailing slash', () => {
    for (const path of [
      '/',
      '/themen',
      '/suche/',
      '/praxis/42',
      '/praxis/42/verlauf',
      '/konferenzen/7',
    ]) {
      expect(matchWebRoute(path)).toMatchObject({ kind: 'network' });
    }
  });

  it('treats any other first segment as a city slug, only with a known city page below it', () => {
    expect(matchWebRoute('/cloppenburg')).toEqual({
      kind: 'city',
      slug: 'cloppenburg',
      route: '',
      params: {},
    });
    expect(matchWebRoute('/cloppenburg/mitglieder')).toMatchObject({
      kind: 'city',
      slug: 'cloppenburg',
    });
    expect(matchWebRoute('/cloppenburg/tandems/9')).toEqual({
      kind: 'city',
      slug: 'cloppenburg',
      route: 'tandems/:id',
      params: { id: '9' },
    });
    expect(matchWebRoute('/cloppenburg/gibt-es-nicht')).toBeNull();
  });

  it('names the route pattern and its values', () => {
    expect(matchWebRoute('/praxis/42/verlauf/')).toEqual({
      kind: 'network',
      route: 'praxis/:id/verlauf',
      params: { id: '42' },
    });
    expect(matchWebRoute('/')).toEqual({ kind: 'network', route: '', params: {} });
  });

  it('refuses unknown pages below reserved words and server paths', () => {
    for (const path of [
      '/themen/x',
      '/praxis',
      '/praxis/1/2/3',
      '/netzwerk',
      '/graphql/x',
      '/assets',
    ]) {
      expect(matchWebRoute(path)).toBeNull();
    }
  });

  it('reserves every first segment of a network page', () => {
    expect(RESERVED_SLUGS).toEqual(
      expect.arrayContaining(['themen', 'netzwerk', 'graphql', 'dev']),
    );
    expect(RESERVED_SLUGS).not.toContain('');
  });
});
