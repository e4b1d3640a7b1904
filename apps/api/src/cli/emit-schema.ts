import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildSchemaFile } from '../schema';

/** Writes apps/api/schema.gql from the code-first types (no database needed). */
async function main(): Promise<void> {
  const target = resolve(process.cwd(), 'apps/api/schema.gql');
  await writeFile(target, await buildSchemaFile());
  console.log(`schema written to ${target}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
