import type { EntityManager } from 'typeorm';
import type { InitiativeFieldInput } from './dto/initiative.input';
import { requiredId, requiredText } from './initiative-input';
import { InitiativeException } from './initiative.exception';

export interface CleanField {
  name: string;
  topicId: string | null;
  sensitive: boolean;
}

/**
 * An action field as given: a network topic (its German name unless an own one is given) or
 * an own name. `path` is the input's field path (`input.fields.2`, `input`).
 */
export async function cleanField(
  manager: EntityManager,
  field: InitiativeFieldInput,
  path: string,
): Promise<CleanField> {
  const topicId = field.topicId ? requiredId(field.topicId, `${path}.topicId`) : null;
  let name = field.name.trim();
  if (topicId) {
    const [topic] = (await manager.query(`SELECT name FROM topic WHERE id = $1`, [topicId])) as
      Array<{ name: string }> | [];
    if (!topic) throw InitiativeException.invalid(`${path}.topicId`, 'There is no such topic');
    if (name === '') name = topic.name;
  }
  return { name: requiredText(name, 120, `${path}.name`), topicId, sensitive: field.sensitive };
}

/** Two fields of one initiative never share a name (compared without case). */
export function requireDistinctNames(fields: CleanField[], path: string): void {
  const seen = new Set<string>();
  for (const [index, field] of fields.entries()) {
    const key = field.name.toLocaleLowerCase('de');
    if (seen.has(key)) throw InitiativeException.fieldNameTaken(`${path}.${index}.name`);
    seen.add(key);
  }
}

/** A person named by the coordinators (steering group, field contact) is a member of the city. */
export async function requireCityMembers(
  manager: EntityManager,
  cityId: string,
  personIds: string[],
  path: string,
): Promise<void> {
  if (personIds.length === 0) return;
  const members = (await manager.query(
    `SELECT user_id FROM membership WHERE city_id = $1 AND user_id = ANY ($2::uuid[])`,
    [cityId, personIds],
  )) as Array<{ user_id: string }>;
  if (members.length !== new Set(personIds).size) throw InitiativeException.notACityMember(path);
}
