import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The rules of apps/api/src/core/auth/README.md and database/README.md, checked on
 * the source like lint rules, so that the next hole is hard to write: the actor is
 * a parameter, every decision goes through the one policy, and no file grows past
 * 500 lines. (That every tenant
 * transaction names its actor the compiler checks: TenantDb.run has no other form;
 * where the owner connection may be used, database/system-db.spec.ts; that features
 * meet only through their public files, the lint rule wissensnetz/feature-boundaries.
 * These rules once stood per feature in conferences- and identity-structure specs.)
 */
const SRC = __dirname;
const MAX_LINES = 500;

function files(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return files(path);
    return entry.name.endsWith('.ts') ? [relative(SRC, path)] : [];
  });
}

/** Source without comments, so a comment that names a rule does not break it. */
function code(file: string): string {
  return readFileSync(join(SRC, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');
}

const ALL = files(SRC);
const isTest = (file: string) => file.endsWith('.spec.ts');
const SOURCES = ALL.filter((file) => !isTest(file));
const FEATURES = SOURCES.filter((file) => file.startsWith('modules/'));
const SERVICES = FEATURES.filter((file) => /\.service\.ts$|\.worker\.ts$/.test(file));
const RESOLVERS = SOURCES.filter(
  (file) =>
    (file.startsWith('modules/') || file.startsWith('core/health/')) &&
    /\.(resolver|controller)\.ts$/.test(file),
);
/** Features whose every decision, sign-in included, is a named permission. */
const IDENTITY = ['auth', 'memberships', 'users', 'audit', 'mail', 'cities', 'topics'];

/** Lines of `file` that match `pattern`, as "file:line: text". */
function offending(sources: readonly string[], pattern: RegExp): string[] {
  return sources.flatMap((file) =>
    code(file)
      .split('\n')
      .flatMap((line, index) =>
        pattern.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [],
      ),
  );
}

describe('architecture of the API source', () => {
  it('finds the sources it checks', () => {
    expect(SERVICES.length).toBeGreaterThan(10);
    expect(FEATURES).toContain('modules/practices/practices.module.ts');
  });

  it('services never read request-local state: the actor is their first parameter', () => {
    expect(
      offending(SERVICES, /\b(currentActor|requestContext|actorOf|setCurrentActor)\s*\(/),
    ).toEqual([]);
  });

  it('resolvers and controllers get the actor by @CurrentActor(), not from request-local state', () => {
    expect(RESOLVERS.length).toBeGreaterThan(8);
    expect(offending(RESOLVERS, /\b(currentActor|requestContext)\s*\(/)).toEqual([]);
    // actorOf(ctx) reads the GraphQL context of a subscription event; allowed there only.
    const withoutSubscription = RESOLVERS.filter((file) => !/@Subscription\(/.test(code(file)));
    expect(offending(withoutSubscription, /\bactorOf\s*\(/)).toEqual([]);
  });

  it('resolvers and controllers name API types from dto/, never an entity class', () => {
    expect(offending(RESOLVERS, /\b[A-Z]\w*Entity\b/)).toEqual([]);
  });

  it('features decide through requireAccess / mayAccess, never by an ad-hoc role check', () => {
    expect(
      offending(
        FEATURES,
        /\b(isOrganizer|memberCityIds|coordinatorCityIds)\s*\(|networkRole\s*===|role\s*===\s*MembershipRole|NetworkRole\.ORGANIZER\s*[)=!]/,
      ),
    ).toEqual([]);
  });

  it('identity features state a permission even for sign-in-only operations', () => {
    const identity = FEATURES.filter((file) => IDENTITY.includes(file.split('/')[1]));
    expect(identity.length).toBeGreaterThan(20);
    expect(offending(identity, /\brequireSignedIn\s*\(/)).toEqual([]);
  });

  it('keeps every source file at 500 lines or fewer (seeds excepted)', () => {
    const long = SOURCES.filter((file) => !file.startsWith('seed/'))
      .map((file) => ({ file, lines: readFileSync(join(SRC, file), 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ file, lines }) => `${file}: ${lines}`);
    expect(long).toEqual([]);
  });
});
