import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Permission, requireAccess } from '../../core/auth/access';
import type { Actor, SignedInActor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { AuditAction, AuditService, type AuditRecord } from '../audit/audit.service';
import type {
  InitiativeFieldInput,
  SteeringMemberInput,
  UpdateInitiativeFieldInput,
  UpdateSteeringMemberInput,
} from './dto/initiative.input';
import type { InitiativeManagementType } from './dto/initiative-management.type';
import type { InitiativeType } from './dto/initiative.type';
import { cleanField, requireCityMembers, requireDistinctNames } from './initiative-fields';
import { requiredId } from './initiative-input';
import { InitiativeException } from './initiative.exception';
import {
  cleanSteeringMember,
  insertSteeringMember,
  InitiativeService,
  type LoadedInitiative,
} from './initiative.service';

const MAX_FIELDS = 20;
const MAX_STEERING = 40;

/**
 * What a city's coordinators change after starting an initiative: its action fields and
 * its steering group, one at a time (the management page), each in one transaction.
 */
@Injectable()
export class InitiativeAdminService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly initiatives: InitiativeService,
    private readonly audit: AuditService,
  ) {}

  /** The settings behind the page: who sees contacts per field, who is linked to an account. */
  async management(actor: Actor, initiativeId: string): Promise<InitiativeManagementType> {
    const id = requiredId(initiativeId, 'initiativeId');
    return this.tenantDb.run(actor, async (manager) => {
      const loaded = await this.requireManaged(actor, manager, id, 'initiativeId');
      const counts = (await manager.query(
        `SELECT field_id, count(*)::int AS count FROM suggestion
          WHERE city_id = $1 AND initiative_id = $2 GROUP BY field_id`,
        [loaded.initiative.row.city_id, id],
      )) as Array<{ field_id: string; count: number }>;
      const contacts = (await manager.query(
        `SELECT field_id, person_id FROM initiative_field_contact
          WHERE city_id = $1 AND field_id = ANY ($2::uuid[]) ORDER BY person_id`,
        [loaded.initiative.row.city_id, loaded.initiative.fields.map((field) => field.id)],
      )) as Array<{ field_id: string; person_id: string }>;
      return {
        initiativeId: id,
        fields: loaded.initiative.fields.map((field) => ({
          id: field.id,
          name: field.name,
          topicId: field.topic_id,
          sensitive: field.sensitive,
          suggestionCount: counts.find((count) => count.field_id === field.id)?.count ?? 0,
          contactPersonIds: contacts
            .filter((contact) => contact.field_id === field.id)
            .map((contact) => contact.person_id),
        })),
        steeringGroup: loaded.initiative.steering.map((member) => ({
          id: member.id,
          name: member.name,
          organisation: member.organisation,
          personId: member.person_id,
        })),
      };
    });
  }

  async addField(
    actor: Actor,
    initiativeId: string,
    input: InitiativeFieldInput,
  ): Promise<InitiativeType> {
    const id = requiredId(initiativeId, 'initiativeId');
    return this.tenantDb.run(actor, async (manager) => {
      const { initiative, person } = await this.requireManaged(actor, manager, id, 'initiativeId');
      if (initiative.fields.length >= MAX_FIELDS)
        throw InitiativeException.invalid('initiativeId', `At most ${MAX_FIELDS} action fields`);
      const field = await cleanField(manager, input, 'input');
      requireDistinctNames(
        [...initiative.fields.map((known) => ({ ...known, topicId: null })), field],
        'input.fields',
      );
      await manager.query(
        `INSERT INTO initiative_field (city_id, initiative_id, topic_id, name, sensitive, position)
         VALUES ($1, $2, $3, $4, $5,
                 (SELECT coalesce(max(position) + 1, 0) FROM initiative_field
                   WHERE city_id = $1 AND initiative_id = $2))`,
        [initiative.row.city_id, id, field.topicId, field.name, field.sensitive],
      );
      return this.changed(actor, manager, person, initiative, { fieldAdded: field.name });
    });
  }

  async updateField(actor: Actor, input: UpdateInitiativeFieldInput): Promise<InitiativeType> {
    const fieldId = requiredId(input.id, 'input.id');
    return this.tenantDb.run(actor, async (manager) => {
      const { initiative, person } = await this.requireManagedField(actor, manager, fieldId);
      const field = await cleanField(
        manager,
        { name: input.name, sensitive: input.sensitive },
        'input',
      );
      const current = initiative.fields.find((known) => known.id === fieldId)!;
      if (
        initiative.fields.some(
          (known) =>
            known.id !== fieldId &&
            known.name.toLocaleLowerCase('de') === field.name.toLocaleLowerCase('de'),
        )
      )
        throw InitiativeException.fieldNameTaken('input.name');
      if (current.sensitive && !field.sensitive && (await this.suggestionCount(manager, fieldId)))
        throw InitiativeException.sensitiveLocked();
      await manager.query(
        `UPDATE initiative_field SET name = $3, sensitive = $4 WHERE city_id = $1 AND id = $2`,
        [initiative.row.city_id, fieldId, field.name, field.sensitive],
      );
      return this.changed(actor, manager, person, initiative, { fieldChanged: field.name });
    });
  }

  async removeField(actor: Actor, fieldId: string): Promise<InitiativeType> {
    const id = requiredId(fieldId, 'id');
    return this.tenantDb.run(actor, async (manager) => {
      const { initiative, person } = await this.requireManagedField(actor, manager, id);
      if (initiative.fields.length <= 1) throw InitiativeException.lastField();
      if (await this.suggestionCount(manager, id)) throw InitiativeException.fieldInUse();
      // Its named contacts go with it (ON DELETE CASCADE).
      await manager.query(`DELETE FROM initiative_field WHERE city_id = $1 AND id = $2`, [
        initiative.row.city_id,
        id,
      ]);
      return this.changed(actor, manager, person, initiative, { fieldRemoved: id });
    });
  }

  async addSteeringMember(
    actor: Actor,
    initiativeId: string,
    input: SteeringMemberInput,
  ): Promise<InitiativeType> {
    const id = requiredId(initiativeId, 'initiativeId');
    return this.tenantDb.run(actor, async (manager) => {
      const { initiative, person } = await this.requireManaged(actor, manager, id, 'initiativeId');
      if (initiative.steering.length >= MAX_STEERING)
        throw InitiativeException.invalid('initiativeId', `At most ${MAX_STEERING} members`);
      const member = cleanSteeringMember(input, 'input');
      if (member.personId)
        await requireCityMembers(
          manager,
          initiative.row.city_id,
          [member.personId],
          'input.personId',
        );
      const [{ position }] = (await manager.query(
        `SELECT coalesce(max(position) + 1, 0)::int AS position FROM initiative_steering_member
          WHERE city_id = $1 AND initiative_id = $2`,
        [initiative.row.city_id, id],
      )) as Array<{ position: number }>;
      await insertSteeringMember(manager, initiative.row.city_id, id, member, position);
      return this.changed(actor, manager, person, initiative, { steeringAdded: true });
    });
  }

  async updateSteeringMember(
    actor: Actor,
    input: UpdateSteeringMemberInput,
  ): Promise<InitiativeType> {
    const id = requiredId(input.id, 'input.id');
    return this.tenantDb.run(actor, async (manager) => {
      const { initiative, person } = await this.requireManagedMember(actor, manager, id);
      const member = cleanSteeringMember(input, 'input');
      if (member.personId)
        await requireCityMembers(
          manager,
          initiative.row.city_id,
          [member.personId],
          'input.personId',
        );
      await manager.query(
        `UPDATE initiative_steering_member SET name = $3, organisation = $4, person_id = $5
          WHERE city_id = $1 AND id = $2`,
        [initiative.row.city_id, id, member.name, member.organisation, member.personId],
      );
      return this.changed(actor, manager, person, initiative, { steeringChanged: id });
    });
  }

  async removeSteeringMember(actor: Actor, memberId: string): Promise<InitiativeType> {
    const id = requiredId(memberId, 'id');
    return this.tenantDb.run(actor, async (manager) => {
      const { initiative, person } = await this.requireManagedMember(actor, manager, id);
      await manager.query(`DELETE FROM initiative_steering_member WHERE city_id = $1 AND id = $2`, [
        initiative.row.city_id,
        id,
      ]);
      return this.changed(actor, manager, person, initiative, { steeringRemoved: id });
    });
  }

  /** The initiative, and the caller as a coordinator of its city (else FORBIDDEN). */
  private async requireManaged(
    actor: Actor,
    manager: EntityManager,
    id: string,
    field: string,
  ): Promise<{ initiative: LoadedInitiative; person: SignedInActor }> {
    const initiative = await this.initiatives.load(manager, `i.id = $1`, [id]);
    if (!initiative) throw InitiativeException.notFound(field);
    const person = requireAccess(actor, Permission.INITIATIVE_MANAGE, {
      cityId: initiative.row.city_id,
    });
    return { initiative, person };
  }

  private async requireManagedField(actor: Actor, manager: EntityManager, fieldId: string) {
    const [field] = (await manager.query(
      `SELECT initiative_id FROM initiative_field WHERE id = $1`,
      [fieldId],
    )) as Array<{ initiative_id: string }>;
    if (!field) throw InitiativeException.fieldNotFound('id');
    return this.requireManaged(actor, manager, field.initiative_id, 'id');
  }

  private async requireManagedMember(actor: Actor, manager: EntityManager, memberId: string) {
    const [member] = (await manager.query(
      `SELECT initiative_id FROM initiative_steering_member WHERE id = $1`,
      [memberId],
    )) as Array<{ initiative_id: string }>;
    if (!member) throw InitiativeException.steeringMemberNotFound('id');
    return this.requireManaged(actor, manager, member.initiative_id, 'id');
  }

  private async suggestionCount(manager: EntityManager, fieldId: string): Promise<number> {
    // Coordinators read every suggestion of their city's initiatives (row-level security too).
    const [{ count }] = (await manager.query(
      `SELECT count(*)::int AS count FROM suggestion WHERE field_id = $1`,
      [fieldId],
    )) as Array<{ count: number }>;
    return count;
  }

  /** Audits the change and answers the initiative as it is now. */
  private async changed(
    actor: Actor,
    manager: EntityManager,
    person: SignedInActor,
    initiative: LoadedInitiative,
    details: NonNullable<AuditRecord['details']>,
  ): Promise<InitiativeType> {
    await this.audit.record(manager, {
      actorUserId: person.userId,
      action: AuditAction.INITIATIVE_CHANGED,
      cityId: initiative.row.city_id,
      target: initiative.row.id,
      details,
    });
    const now = await this.initiatives.load(manager, `i.id = $1`, [initiative.row.id]);
    return this.initiatives.present(actor, now!);
  }
}
