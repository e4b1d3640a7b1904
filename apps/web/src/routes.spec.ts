import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CITY_ROUTES, NETWORK_ROUTES } from '@wissensnetz/domain';

/**
 * The router declares exactly the pages of libs/domain/src/web-routes.ts, the list the
 * server answers 200 for (every other address is 404): a page added to one is added to both.
 */
describe('the router', () => {
  it('declares exactly the pages of the shared route list', () => {
    const source = readFileSync(join(__dirname, 'App.tsx'), 'utf8');
    const declared = [...source.matchAll(/path: '([^']+)'/g)]
      .map((match) => match[1])
      .filter((path) => path !== '*');
    const listed = [
      ...NETWORK_ROUTES.filter((route) => route !== ''),
      ...CITY_ROUTES.map((route) => (route === '' ? ':city' : `:city/${route}`)),
    ];
    expect([...declared].sort()).toEqual([...listed].sort());
  });
});
