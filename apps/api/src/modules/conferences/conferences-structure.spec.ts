import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The conferences feature keeps the shape of issue 12 (see core/auth/README.md):
 * the actor is a parameter, every decision goes through the one policy, the
 * tenant connection is the only way into the database, files stay small and
 * other features are reached through their public files only.
 */
const FEATURE = __dirname;

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

const files = sources(FEATURE).map((path) => ({
  name: relative(FEATURE, path),
  text: readFileSync(path, 'utf8'),
  code: code(path),
}));
const rows = files.map((file) => [file.name, file] as const);

/** What a file of this feature may import from another feature. */
const PUBLIC_FILE = /\.(module|service|exception)$|\/dto\//;

/**
 * Until their owners move them: linkedPractices answers the practice type, which is
 * still the practice entity (helper p1prac); the search language (stop words,
 * synonyms, Markdown stripping) moves from practices to search/ (helper p6search).
 */
const STILL_ALLOWED = ['practices/practice.entity', 'practices/practice-search.source'];

describe('conferences feature structure', () => {
  it('finds the feature files', () => {
    expect(files.map((file) => file.name)).toEqual(
      expect.arrayContaining(['conference.service.ts', 'conferences.module.ts']),
    );
  });

  it.each(rows)('%s uses no owner connection', (_name, file) => {
    expect(file.code).not.toMatch(/SEARCH_DB|SYSTEM_DB|search-db|system-db/);
  });

  it.each(rows)('%s reads no request-local state', (_name, file) => {
    expect(file.code).not.toMatch(/currentActor\(|requestContext\(|actorOf\(/);
  });

  it.each(rows)('%s decides through the policy only', (_name, file) => {
    expect(file.code).not.toMatch(
      /isOrganizer\(|memberCityIds\(|coordinatorCityIds\(|networkRole\s*===|\.role\s*===\s*MembershipRole/,
    );
  });

  it.each(rows)('%s tells the database who is acting', (_name, file) => {
    // run(fn) without an actor falls back to the request's actor (deprecated).
    expect(file.code).not.toMatch(/\.run\(\s*(async\s*)?\(/);
  });

  it.each(rows)('%s has at most 500 lines', (_name, file) => {
    expect(file.text.split('\n').length).toBeLessThanOrEqual(500);
  });

  it.each(rows)('%s imports other features only through their public files', (_name, file) => {
    const modules = join(FEATURE, '..');
    const foreign = [...file.code.matchAll(/from '(\.[^']+)'/g)]
      .map((match) => relative(modules, resolve(dirname(join(FEATURE, file.name)), match[1])))
      .filter((path) => !path.startsWith('..') && !path.startsWith('conferences/'));
    const allowed = (path: string) => PUBLIC_FILE.test(path) || STILL_ALLOWED.includes(path);
    expect(foreign.filter((path) => !allowed(path))).toEqual([]);
  });
});
