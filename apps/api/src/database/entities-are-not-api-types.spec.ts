import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * API types are not entities: a TypeORM entity that is also a GraphQL type hands every
 * column it gains to every caller who can reach the type (that is how authors' e-mail
 * addresses reached anonymous callers). GraphQL types live in the feature's `dto/`,
 * built from entities by explicit mappers.
 * No entity is a GraphQL type any more; this keeps it so.
 */

const SOURCE_ROOT = join(__dirname, '..');
const GRAPHQL_DECORATOR = /@(Field|ObjectType|InputType|InterfaceType|HideField)\s*\(/;

function entityFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entityFiles(path);
    return entry.name.endsWith('.entity.ts') ? [relative(SOURCE_ROOT, path)] : [];
  });
}

/** The source without comments, so a comment that mentions a decorator does not count. */
function code(file: string): string {
  return readFileSync(join(SOURCE_ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
}

describe('entities are not GraphQL types', () => {
  const files = entityFiles(SOURCE_ROOT);

  it('finds the entity files, the user entity among them', () => {
    expect(files).toContain('modules/users/user.entity.ts');
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files)('%s carries no GraphQL decorator', (file) => {
    expect(code(file)).not.toMatch(/@nestjs\/graphql/);
    expect(code(file)).not.toMatch(GRAPHQL_DECORATOR);
  });
});
