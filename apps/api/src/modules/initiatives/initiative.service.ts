import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { mayAccess, Permission, requireAccess } from '../../core/auth/access';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { AuditAction, AuditService } from '../audit/audit.service';
import { CityService } from '../cities/city.service';
import {
  toInitiative,
  type FieldRow,
  type InitiativeRow,
  type InitiativeType,
  type SteeringRow,
} from './dto/initiative.type';
import type { CreateInitiativeInput, UpdateInitiativeInput } from './dto/initiative.input';
import { optionalText, requiredId, requiredText, slugOf } from './initiative-input';
import { InitiativeException } from './initiative.exception';
import {
  cleanField,
  requireCityMembers,
  requireDistinctNames,
  type CleanField,
} from './initiative-fields';

const INITIATIVE_SQL = `
  SELECT i.id, i.city_id, c.slug AS city_slug, c.name AS city_name, i.slug, i.name,
         i.description, i.status
    FROM initiative i JOIN city c ON c.id = i.city_id`;

/** An initiative with what access decisions need. */
export interface LoadedInitiative {
  row: InitiativeRow;
  fields: FieldRow[];
  steering: SteeringRow[];
}

/**
 * A city's local initiatives: the public page (name, description, action fields, steering
 * group without e-mail) and their management by the city's coordinators.
 */
@Injectable()
export class InitiativeService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly cities: CityService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The public page; null when the city has no such initiative. */
  async bySlug(actor: Actor, citySlug: string, slug: string): Promise<InitiativeType | null> {
    const city = await this.cities.bySlug(citySlug);
    if (!city) return null;
    return this.tenantDb.run(actor, async (manager) => {
      const loaded = await this.load(manager, `i.city_id = $1 AND i.slug = $2`, [
        city.id,
        slug.trim().toLowerCase(),
      ]);
      return loaded ? this.present(actor, loaded) : null;
    });
  }

  /** The initiatives of a city (for the city page), open ones first. */
  async ofCity(actor: Actor, citySlug: string): Promise<InitiativeType[]> {
    const city = await this.cities.requireBySlug(citySlug, 'citySlug');
    return this.tenantDb.run(actor, async (manager) => {
      const rows = (await manager.query(
        `${INITIATIVE_SQL} WHERE i.city_id = $1 ORDER BY i.status DESC, i.name`,
        [city.id],
      )) as InitiativeRow[];
      const result: InitiativeType[] = [];
      for (const row of rows) {
        const loaded = await this.load(manager, `i.city_id = $1 AND i.id = $2`, [city.id, row.id]);
        if (loaded) result.push(this.present(actor, loaded));
      }
      return result;
    });
  }

  async create(actor: Actor, input: CreateInitiativeInput): Promise<InitiativeType> {
    const city = await this.cities.requireBySlug(input.citySlug, 'input.citySlug');
    const person = requireAccess(actor, Permission.INITIATIVE_MANAGE, { cityId: city.id });
    const slug = slugOf(input.slug, 'input.slug');
    const name = requiredText(input.name, 160, 'input.name');
    const description = optionalText(input.description, 4000, 'input.description') ?? '';
    if (input.fields.length === 0 || input.fields.length > 20)
      throw InitiativeException.invalid('input.fields', 'Between 1 and 20 action fields');
    if (input.steeringGroup.length > 40)
      throw InitiativeException.invalid('input.steeringGroup', 'At most 40 members');
    const steering = input.steeringGroup.map((member, index) =>
      cleanSteeringMember(member, `input.steeringGroup.${index}`),
    );
    return this.tenantDb.run(actor, async (manager) => {
      const [taken] = (await manager.query(
        `SELECT 1 FROM initiative WHERE city_id = $1 AND slug = $2`,
        [city.id, slug],
      )) as unknown[];
      if (taken) throw InitiativeException.slugTaken();
      const fields: CleanField[] = [];
      for (const [index, field] of input.fields.entries())
        fields.push(await cleanField(manager, field, `input.fields.${index}`));
      requireDistinctNames(fields, 'input.fields');
      await requireCityMembers(
        manager,
        city.id,
        steering.flatMap((member) => (member.personId ? [member.personId] : [])),
        'input.steeringGroup',
      );
      const [created] = (await manager.query(
        `INSERT INTO initiative (city_id, slug, name, description, created_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [city.id, slug, name, description, person.userId],
      )) as Array<{ id: string }>;
      for (const [position, field] of fields.entries())
        await manager.query(
          `INSERT INTO initiative_field (city_id, initiative_id, topic_id, name, sensitive, position)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [city.id, created.id, field.topicId, field.name, field.sensitive, position],
        );
      for (const [position, member] of steering.entries())
        await insertSteeringMember(manager, city.id, created.id, member, position);
      await this.audit.record(manager, {
        actorUserId: person.userId,
        action: AuditAction.INITIATIVE_CREATED,
        cityId: city.id,
        target: created.id,
        details: { slug },
      });
      const loaded = await this.load(manager, `i.city_id = $1 AND i.id = $2`, [
        city.id,
        created.id,
      ]);
      return this.present(actor, loaded!);
    });
  }

  async update(actor: Actor, input: UpdateInitiativeInput): Promise<InitiativeType> {
    const id = requiredId(input.id, 'input.id');
    const name = requiredText(input.name, 160, 'input.name');
    const description = optionalText(input.description, 4000, 'input.description') ?? '';
    return this.tenantDb.run(actor, async (manager) => {
      const loaded = await this.load(manager, `i.id = $1`, [id]);
      if (!loaded) throw InitiativeException.notFound('input.id');
      const person = requireAccess(actor, Permission.INITIATIVE_MANAGE, {
        cityId: loaded.row.city_id,
      });
      await manager.query(
        `UPDATE initiative SET name = $3, description = $4, status = $5
          WHERE city_id = $1 AND id = $2`,
        [loaded.row.city_id, id, name, description, input.status],
      );
      await this.audit.record(manager, {
        actorUserId: person.userId,
        action: AuditAction.INITIATIVE_CHANGED,
        cityId: loaded.row.city_id,
        target: id,
        details: { status: input.status },
      });
      return this.present(actor, (await this.load(manager, `i.id = $1`, [id]))!);
    });
  }

  /** Names the persons (members of the city) allowed to see contact details of a field. */
  async setFieldContacts(actor: Actor, fieldId: string, personIds: string[]): Promise<boolean> {
    const id = requiredId(fieldId, 'fieldId');
    const people = [...new Set(personIds.map((person) => requiredId(person, 'personIds')))];
    return this.tenantDb.run(actor, async (manager) => {
      const [field] = (await manager.query(
        `SELECT city_id, initiative_id FROM initiative_field WHERE id = $1`,
        [id],
      )) as Array<{ city_id: string; initiative_id: string }>;
      if (!field) throw InitiativeException.fieldNotFound('fieldId');
      const person = requireAccess(actor, Permission.INITIATIVE_MANAGE, { cityId: field.city_id });
      await requireCityMembers(manager, field.city_id, people, 'personIds');
      await manager.query(
        `DELETE FROM initiative_field_contact WHERE city_id = $1 AND field_id = $2`,
        [field.city_id, id],
      );
      for (const personId of people)
        await manager.query(
          `INSERT INTO initiative_field_contact (city_id, field_id, person_id) VALUES ($1, $2, $3)`,
          [field.city_id, id, personId],
        );
      await this.audit.record(manager, {
        actorUserId: person.userId,
        action: AuditAction.INITIATIVE_CHANGED,
        cityId: field.city_id,
        target: field.initiative_id,
        details: { fieldContacts: people.length },
      });
      return true;
    });
  }

  /** Loads an initiative (the caller's transaction) with its fields and steering group. */
  async load(
    manager: EntityManager,
    where: string,
    params: unknown[],
  ): Promise<LoadedInitiative | null> {
    const [row] = (await manager.query(
      `${INITIATIVE_SQL} WHERE ${where}`,
      params,
    )) as InitiativeRow[];
    if (!row) return null;
    const fields = (await manager.query(
      `SELECT id, name, topic_id, sensitive FROM initiative_field
        WHERE city_id = $1 AND initiative_id = $2 ORDER BY position, name`,
      [row.city_id, row.id],
    )) as FieldRow[];
    const steering = (await manager.query(
      `SELECT id, name, organisation, person_id FROM initiative_steering_member
        WHERE city_id = $1 AND initiative_id = $2 ORDER BY position, name`,
      [row.city_id, row.id],
    )) as SteeringRow[];
    return { row, fields, steering };
  }

  /** The access target of an initiative's queue. */
  static queueTarget(loaded: LoadedInitiative) {
    return {
      cityId: loaded.row.city_id,
      steeringPersonIds: loaded.steering
        .map((member) => member.person_id)
        .filter((id): id is string => id !== null),
    };
  }

  present(actor: Actor, loaded: LoadedInitiative): InitiativeType {
    return toInitiative(
      loaded.row,
      loaded.fields,
      loaded.steering,
      {
        canManage: mayAccess(actor, Permission.INITIATIVE_MANAGE, { cityId: loaded.row.city_id }),
        canWorkQueue: mayAccess(
          actor,
          Permission.SUGGESTION_QUEUE_WORK,
          InitiativeService.queueTarget(loaded),
        ),
      },
      this.config.retentionSuggestionContactDays,
    );
  }
}

export interface CleanSteeringMember {
  name: string;
  organisation: string;
  personId: string | null;
}

export function cleanSteeringMember(
  member: { name: string; organisation: string; personId?: string | null },
  path: string,
): CleanSteeringMember {
  return {
    name: requiredText(member.name, 120, `${path}.name`),
    organisation: optionalText(member.organisation, 160, `${path}.organisation`) ?? '',
    personId: member.personId ? requiredId(member.personId, `${path}.personId`) : null,
  };
}

/** Adds a steering-group member; the caller has checked that a linked person is a member of the city. */
export async function insertSteeringMember(
  manager: EntityManager,
  cityId: string,
  initiativeId: string,
  member: CleanSteeringMember,
  position: number,
): Promise<string> {
  const [row] = (await manager.query(
    `INSERT INTO initiative_steering_member (city_id, initiative_id, name, organisation, person_id, position)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [cityId, initiativeId, member.name, member.organisation, member.personId, position],
  )) as Array<{ id: string }>;
  return row.id;
}
