import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { mayAccess, Permission, requireAccess } from '../../core/auth/access';
import { hashToken, newToken } from '../../core/auth/tokens';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import type { Actor, SignedInActor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { AuditAction, AuditService } from '../audit/audit.service';
import { suggestionLink } from './suggestion-link';
import type { ChangeSuggestionStatusInput, EnterSuggestionInput } from './dto/initiative.input';
import {
  SuggestionChannel,
  SuggestionStatus,
  type EnteredSuggestionType,
  type QueueSuggestionType,
  type SuggestionEventKind,
} from './dto/suggestion.type';
import { optionalText, requiredId, requiredText } from './initiative-input';
import { InitiativeException } from './initiative.exception';
import { InitiativeService, type LoadedInitiative } from './initiative.service';
import { cleanContact } from './suggestion-contact';
import { confirmationMail, statusMail } from './suggestion-mails';
import { followPath, SuggestionService } from './suggestion.service';

interface SuggestionRow {
  id: string;
  city_id: string;
  initiative_id: string;
  field_id: string;
  field_name: string;
  sensitive: boolean;
  text: string;
  place: string | null;
  channel: SuggestionChannel;
  status: SuggestionStatus;
  public_answer: string | null;
  merged_into_id: string | null;
  follow_token_hash: string | null;
  created_at: Date;
  closed_at: Date | null;
  contact_erased_at: Date | null;
  has_contact: boolean;
  workshop_id: string | null;
  workshop_title: string | null;
}

interface EventRow {
  suggestion_id: string;
  kind: SuggestionEventKind;
  status: SuggestionStatus | null;
  text: string | null;
  internal: boolean;
  created_at: Date;
}

const SUGGESTION_SQL = `
  SELECT s.id, s.city_id, s.initiative_id, s.field_id, f.name AS field_name, f.sensitive,
         s.text, s.place, s.channel, s.status, s.public_answer, s.merged_into_id,
         s.follow_token_hash, s.created_at, s.closed_at, s.contact_erased_at,
         -- Whether contact details exist, as a fact of the suggestion (not of what the caller reads).
         suggestion_has_contact(s.city_id, s.id) AS has_contact,
         s.workshop_id, w.title AS workshop_title
    FROM suggestion s JOIN initiative_field f ON f.city_id = s.city_id AND f.id = s.field_id
    LEFT JOIN workshop w ON w.city_id = s.city_id AND w.id = s.workshop_id`;

/** Where a status may go from where it is (the resident withdraws through their link). */
const NEXT: Record<SuggestionStatus, SuggestionStatus[]> = {
  [SuggestionStatus.NEW]: [
    SuggestionStatus.IN_REVIEW,
    SuggestionStatus.TAKEN_UP,
    SuggestionStatus.ANSWERED,
    SuggestionStatus.NOT_PURSUED,
  ],
  [SuggestionStatus.IN_REVIEW]: [
    SuggestionStatus.TAKEN_UP,
    SuggestionStatus.ANSWERED,
    SuggestionStatus.NOT_PURSUED,
  ],
  [SuggestionStatus.TAKEN_UP]: [SuggestionStatus.ANSWERED],
  [SuggestionStatus.ANSWERED]: [],
  [SuggestionStatus.NOT_PURSUED]: [],
  [SuggestionStatus.WITHDRAWN]: [],
};
const CLOSING = [SuggestionStatus.ANSWERED, SuggestionStatus.NOT_PURSUED];
const NEEDS_REASON = [SuggestionStatus.ANSWERED, SuggestionStatus.NOT_PURSUED];

/**
 * The steering group's queue: read suggestions, staff entries (Familienbüro), status
 * changes the resident sees (with an e-mail if they gave an address), merging duplicates,
 * internal comments, revoking a follow link. Audited like the other features' changes.
 */
@Injectable()
export class SuggestionQueueService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly initiatives: InitiativeService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async queue(
    actor: Actor,
    initiativeId: string,
    filter: { status?: SuggestionStatus | null; fieldId?: string | null },
  ): Promise<QueueSuggestionType[]> {
    const id = requiredId(initiativeId, 'initiativeId');
    const fieldId = filter.fieldId ? requiredId(filter.fieldId, 'fieldId') : null;
    return this.tenantDb.run(actor, async (manager) => {
      const initiative = await this.requireQueue(actor, manager, id);
      const rows = (await manager.query(
        `${SUGGESTION_SQL}
          WHERE s.city_id = $1 AND s.initiative_id = $2
            AND ($3::text IS NULL OR s.status = $3) AND ($4::uuid IS NULL OR s.field_id = $4)
          ORDER BY s.created_at DESC, s.id`,
        [initiative.row.city_id, id, filter.status ?? null, fieldId],
      )) as SuggestionRow[];
      return this.present(actor, manager, rows);
    });
  }

  async enter(actor: Actor, input: EnterSuggestionInput): Promise<EnteredSuggestionType> {
    const initiativeId = requiredId(input.initiativeId, 'input.initiativeId');
    const fieldId = requiredId(input.fieldId, 'input.fieldId');
    if (input.channel === SuggestionChannel.ONLINE)
      throw InitiativeException.invalid('input.channel', 'Residents send online themselves');
    const text = requiredText(input.text, 4000, 'input.text');
    const place = optionalText(input.place, 200, 'input.place');
    const contact = cleanContact(input);
    const token = newToken();
    return this.tenantDb.run(actor, async (manager) => {
      const initiative = await this.requireQueue(actor, manager, initiativeId);
      const person = actor as SignedInActor;
      if (!initiative.fields.some((field) => field.id === fieldId))
        throw InitiativeException.fieldNotFound();
      const cityId = initiative.row.city_id;
      const [created] = (await manager.query(
        `INSERT INTO suggestion (city_id, initiative_id, field_id, text, place, channel, follow_token_hash, entered_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          cityId,
          initiativeId,
          fieldId,
          text,
          place,
          input.channel,
          hashToken(token),
          person.userId,
        ],
      )) as Array<{ id: string }>;
      await this.event(manager, person, cityId, created.id, 'SUBMITTED', SuggestionStatus.NEW);
      if (contact)
        await manager.query(
          `INSERT INTO suggestion_contact (city_id, suggestion_id, name, email, phone, consent_at)
           VALUES ($1, $2, $3, $4, $5, now())`,
          [cityId, created.id, contact.name, contact.email, contact.phone],
        );
      await this.audit.record(manager, {
        actorUserId: person.userId,
        action: AuditAction.SUGGESTION_ENTERED,
        cityId,
        target: created.id,
        details: { channel: input.channel },
      });
      const path = followPath(initiative.row.city_slug, initiative.row.slug, token);
      const mailed = contact?.email
        ? await SuggestionService.mail(
            manager,
            cityId,
            created.id,
            confirmationMail(initiative.row.name, suggestionLink(this.config, path)),
          )
        : false;
      const [suggestion] = await this.present(actor, manager, await this.rows(manager, created.id));
      return { followToken: token, followPath: path, confirmationMailed: mailed, suggestion };
    });
  }

  async changeStatus(
    actor: Actor,
    input: ChangeSuggestionStatusInput,
  ): Promise<QueueSuggestionType> {
    const id = requiredId(input.id, 'input.id');
    const reason = optionalText(input.reason, 4000, 'input.reason');
    if (NEEDS_REASON.includes(input.status) && !reason) throw InitiativeException.reasonRequired();
    // "Taken up" means: linked to a measure (issue 14); takeUpSuggestion does both at once.
    if (input.status === SuggestionStatus.TAKEN_UP) throw InitiativeException.takeUpNeedsMeasure();
    return this.tenantDb.run(actor, (manager) =>
      this.changeStatusIn(actor, manager, id, input.status, reason),
    );
  }

  /** A status change in the caller's transaction (taking up into a measure uses it too). */
  async changeStatusIn(
    actor: Actor,
    manager: EntityManager,
    id: string,
    status: SuggestionStatus,
    reason: string | null,
  ): Promise<QueueSuggestionType> {
    const { suggestion, initiative, person } = await this.requireSuggestion(actor, manager, id);
    if (suggestion.merged_into_id || !NEXT[suggestion.status].includes(status))
      throw InitiativeException.statusNotAllowed();
    const closing = CLOSING.includes(status);
    await manager.query(
      `UPDATE suggestion SET status = $3, public_answer = coalesce($4, public_answer),
              closed_at = CASE WHEN $5 THEN now() ELSE closed_at END
        WHERE city_id = $1 AND id = $2`,
      [suggestion.city_id, id, status, reason, closing],
    );
    await this.event(manager, person, suggestion.city_id, id, 'STATUS', status, reason);
    await this.audit.record(manager, {
      actorUserId: person.userId,
      action: AuditAction.SUGGESTION_STATUS_CHANGED,
      cityId: suggestion.city_id,
      target: id,
      details: { from: suggestion.status, to: status },
    });
    await this.tellResident(manager, initiative, suggestion, status, reason);
    return (await this.present(actor, manager, await this.rows(manager, id)))[0];
  }

  /** Merges a duplicate into another suggestion of the same initiative; the duplicate closes. */
  async merge(actor: Actor, id: string, intoId: string): Promise<QueueSuggestionType> {
    const duplicateId = requiredId(id, 'id');
    const targetId = requiredId(intoId, 'intoId');
    if (duplicateId === targetId)
      throw InitiativeException.invalid('intoId', 'A suggestion cannot be merged into itself');
    return this.tenantDb.run(actor, async (manager) => {
      const { suggestion, initiative, person } = await this.requireSuggestion(
        actor,
        manager,
        duplicateId,
      );
      const [target] = await this.rows(manager, targetId);
      if (!target || target.initiative_id !== suggestion.initiative_id)
        throw InitiativeException.suggestionNotFound('intoId');
      if (suggestion.closed_at || suggestion.merged_into_id || target.merged_into_id)
        throw InitiativeException.statusNotAllowed('id');
      await manager.query(
        `UPDATE suggestion SET merged_into_id = $3, closed_at = now() WHERE city_id = $1 AND id = $2`,
        [suggestion.city_id, duplicateId, targetId],
      );
      await this.event(
        manager,
        person,
        suggestion.city_id,
        duplicateId,
        'MERGED',
        suggestion.status,
      );
      await this.audit.record(manager, {
        actorUserId: person.userId,
        action: AuditAction.SUGGESTION_MERGED,
        cityId: suggestion.city_id,
        target: duplicateId,
        details: { into: targetId },
      });
      await this.tellResident(manager, initiative, suggestion, suggestion.status, null, true);
      return (await this.present(actor, manager, await this.rows(manager, duplicateId)))[0];
    });
  }

  /** An internal comment: the steering group's, never shown to the resident. */
  async comment(actor: Actor, id: string, text: string): Promise<QueueSuggestionType> {
    const suggestionId = requiredId(id, 'id');
    const comment = requiredText(text, 4000, 'text');
    return this.tenantDb.run(actor, async (manager) => {
      const { suggestion, person } = await this.requireSuggestion(actor, manager, suggestionId);
      await this.event(
        manager,
        person,
        suggestion.city_id,
        suggestionId,
        'COMMENT',
        null,
        comment,
        true,
      );
      await this.audit.record(manager, {
        actorUserId: person.userId,
        action: AuditAction.SUGGESTION_COMMENTED,
        cityId: suggestion.city_id,
        target: suggestionId,
      });
      return (await this.present(actor, manager, await this.rows(manager, suggestionId)))[0];
    });
  }

  /** Ends a follow link (e.g. the resident says it reached someone else). */
  async revokeLink(actor: Actor, id: string): Promise<QueueSuggestionType> {
    const suggestionId = requiredId(id, 'id');
    return this.tenantDb.run(actor, async (manager) => {
      const { suggestion, person } = await this.requireSuggestion(actor, manager, suggestionId);
      await manager.query(
        `UPDATE suggestion SET follow_token_revoked_at = coalesce(follow_token_revoked_at, now())
          WHERE city_id = $1 AND id = $2`,
        [suggestion.city_id, suggestionId],
      );
      await this.audit.record(manager, {
        actorUserId: person.userId,
        action: AuditAction.SUGGESTION_LINK_REVOKED,
        cityId: suggestion.city_id,
        target: suggestionId,
      });
      return (await this.present(actor, manager, await this.rows(manager, suggestionId)))[0];
    });
  }

  private async requireQueue(
    actor: Actor,
    manager: EntityManager,
    initiativeId: string,
  ): Promise<LoadedInitiative> {
    const initiative = await this.initiatives.load(manager, `i.id = $1`, [initiativeId]);
    if (!initiative) throw InitiativeException.notFound('initiativeId');
    requireAccess(
      actor,
      Permission.SUGGESTION_QUEUE_WORK,
      InitiativeService.queueTarget(initiative),
    );
    return initiative;
  }

  private async requireSuggestion(actor: Actor, manager: EntityManager, id: string) {
    // Row-level security first: a suggestion the caller may not read is NOT_FOUND.
    const [suggestion] = await this.rows(manager, id);
    if (!suggestion) throw InitiativeException.suggestionNotFound();
    const initiative = await this.requireQueue(actor, manager, suggestion.initiative_id);
    return { suggestion, initiative, person: actor as SignedInActor };
  }

  private rows(manager: EntityManager, id: string): Promise<SuggestionRow[]> {
    return manager.query(`${SUGGESTION_SQL} WHERE s.id = $1`, [id]) as Promise<SuggestionRow[]>;
  }

  private async event(
    manager: EntityManager,
    person: SignedInActor,
    cityId: string,
    suggestionId: string,
    kind: `${SuggestionEventKind}`,
    status: SuggestionStatus | null,
    text: string | null = null,
    internal = false,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO suggestion_event (city_id, suggestion_id, kind, status, text, internal, actor_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [cityId, suggestionId, kind, status, text, internal, person.userId],
    );
  }

  /** A public change reaches the resident by e-mail, if they gave an address with consent. */
  private async tellResident(
    manager: EntityManager,
    initiative: LoadedInitiative,
    suggestion: SuggestionRow,
    status: SuggestionStatus,
    reason: string | null,
    merged = false,
  ): Promise<void> {
    if (!suggestion.has_contact) return;
    // The token is stored hashed: the mail points to the link from the confirmation mail.
    const mail = statusMail(
      initiative.row.name,
      status,
      merged
        ? 'zusammengeführt mit einem gleichen Anliegen / merged with the same suggestion'
        : reason,
    );
    await SuggestionService.mail(manager, suggestion.city_id, suggestion.id, mail);
  }

  private async present(
    actor: Actor,
    manager: EntityManager,
    rows: SuggestionRow[],
  ): Promise<QueueSuggestionType[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const cityId = rows[0].city_id;
    const events = (await manager.query(
      `SELECT suggestion_id, kind, status, text, internal, created_at FROM suggestion_event
        WHERE city_id = $1 AND suggestion_id = ANY ($2::uuid[]) ORDER BY id`,
      [cityId, ids],
    )) as EventRow[];
    // Row-level security returns only the contacts the caller may read; the code asks too.
    const contacts = (await manager.query(
      `SELECT suggestion_id, name, email, phone FROM suggestion_contact
        WHERE city_id = $1 AND suggestion_id = ANY ($2::uuid[])`,
      [cityId, ids],
    )) as Array<{
      suggestion_id: string;
      name: string | null;
      email: string | null;
      phone: string | null;
    }>;
    const fieldContacts = (await manager.query(
      `SELECT field_id, person_id FROM initiative_field_contact WHERE city_id = $1`,
      [cityId],
    )) as Array<{ field_id: string; person_id: string }>;
    return rows.map((row) => {
      const allowed = mayAccess(actor, Permission.SUGGESTION_CONTACT_READ, {
        cityId: row.city_id,
        sensitive: row.sensitive,
        fieldContactIds: fieldContacts
          .filter((contact) => contact.field_id === row.field_id)
          .map((contact) => contact.person_id),
      });
      const contact = allowed
        ? contacts.find((entry) => entry.suggestion_id === row.id)
        : undefined;
      return {
        id: row.id,
        fieldId: row.field_id,
        fieldName: row.field_name,
        sensitive: row.sensitive,
        text: row.text,
        place: row.place,
        channel: row.channel,
        status: row.status,
        publicAnswer: row.public_answer,
        mergedIntoId: row.merged_into_id,
        createdAt: row.created_at,
        hasContact: row.has_contact,
        workshop: row.workshop_id ? { id: row.workshop_id, title: row.workshop_title ?? '' } : null,
        contactErased: row.contact_erased_at !== null,
        contact: contact
          ? { name: contact.name, email: contact.email, phone: contact.phone }
          : null,
        history: events
          .filter((event) => event.suggestion_id === row.id)
          .map((event) => ({
            kind: event.kind,
            status: event.status,
            text: event.text,
            internal: event.internal,
            at: event.created_at,
          })),
      };
    });
  }
}
