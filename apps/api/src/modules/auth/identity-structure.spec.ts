import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The identity features (auth, memberships, users, audit, mail, cities, topics and the
 * health check) keep the shape of issue 12 (see core/auth/README.md): the actor is a
 * parameter, every decision goes through the one policy, TenantDb.run is told who acts,
 * API types are not entities, files stay small and other features are reached through
 * their public files only.
 */
const SOURCE_ROOT = join(__dirname, '..', '..');
const MODULES = join(SOURCE_ROOT, 'modules');
const FOLDERS = [
  'modules/auth',
  'modules/memberships',
  'modules/users',
  'modules/audit',
  'modules/mail',
  'modules/cities',
  'modules/topics',
  'core/health',
];

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The source without comments, so a comment that names a pattern does not count. */
function code(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
}

const files = FOLDERS.flatMap((folder) => sources(join(SOURCE_ROOT, folder))).map((path) => ({
  name: relative(SOURCE_ROOT, path),
  path,
  text: readFileSync(path, 'utf8'),
  code: code(path),
}));
const rows = files.map((file) => [file.name, file] as const);

/** What a file may import from another feature. */
const PUBLIC_FILE = /\.(module|service|exception)$|\/dto\//;

describe('identity features structure', () => {
  it('finds the feature files', () => {
    expect(files.map((file) => file.name)).toEqual(
      expect.arrayContaining([
        'modules/auth/auth.service.ts',
        'modules/memberships/membership.service.ts',
        'modules/audit/audit.resolver.ts',
        'core/health/health.controller.ts',
      ]),
    );
  });

  it.each(rows)('%s uses no owner connection', (_name, file) => {
    expect(file.code).not.toMatch(/SEARCH_DB|SYSTEM_DB|search-db|system-db/);
  });

  it.each(rows)('%s reads no request-local state', (_name, file) => {
    // @CurrentActor() / @CurrentClient() bring the caller; setCurrentActor (core/tenancy)
    // stays the one place that changes the request's actor after a sign-in or switch.
    expect(file.code).not.toMatch(/currentActor\(|requestContext\(|actorOf\(/);
  });

  it.each(rows)('%s decides through the policy only', (_name, file) => {
    expect(file.code).not.toMatch(
      /isOrganizer\(|memberCityIds\(|coordinatorCityIds\(|networkRole\s*===|\.role\s*===\s*MembershipRole|requireSignedIn\(/,
    );
  });

  it.each(rows)('%s tells the database who is acting', (_name, file) => {
    // run(fn) without an actor falls back to the request's actor (deprecated).
    expect(file.code).not.toMatch(/\.run\(\s*(async\s*)?\(/);
  });

  it.each(rows)('%s answers API types, not entities', (_name, file) => {
    if (!file.name.endsWith('.resolver.ts')) return;
    // A resolver names its GraphQL types (dto/), never an entity class.
    expect(file.code).not.toMatch(/\b[A-Z]\w*Entity\b/);
  });

  it.each(rows)('%s has at most 500 lines', (_name, file) => {
    expect(file.text.split('\n').length).toBeLessThanOrEqual(500);
  });

  it.each(rows)('%s imports other features only through their public files', (_name, file) => {
    const own = relative(MODULES, file.path).split('/')[0];
    const foreign = [...file.code.matchAll(/from '(\.[^']+)'/g)]
      .map((match) => relative(MODULES, resolve(dirname(file.path), match[1])))
      .filter((path) => !path.startsWith('..') && !path.startsWith(`${own}/`));
    expect(foreign.filter((path) => !PUBLIC_FILE.test(path))).toEqual([]);
  });
});
