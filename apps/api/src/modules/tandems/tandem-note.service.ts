import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { mayAccess, Permission, requireAccess } from '../../core/auth/access';
import {
  mapConnection,
  paginate,
  type ConnectionShape,
  type PageArgs,
} from '../../core/graphql/pagination';
import type { Actor, SignedInActor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { isUuid } from '../../core/validation/uuid';
import type { TandemType } from './dto/tandem.type';
import { toTandemNote, type TandemNoteType } from './dto/tandem-note.type';
import { sidesWith, tandemTarget } from './tandem-access';
import { noteAnnouncement } from './tandem-announcements';
import { TandemAnnouncer } from './tandem-announcer';
import { acceptsNotes } from './tandem-lifecycle';
import { cleanNote, type NoteInput } from './tandem-note-content';
import { TandemNoteEntity, TandemNoteKind } from './tandem-note.entity';
import { TandemException } from './tandem.exception';
import { TandemService } from './tandem.service';

/**
 * The private exchange of a tandem's two cities: notes, agreements, visit logs and
 * questions, with a revision kept for every edit. Nobody else reads them, organizers
 * included (TANDEM_NOTES_READ; row-level security says the same).
 */
@Injectable()
export class TandemNoteService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly tandems: TandemService,
    private readonly announcer: TandemAnnouncer,
  ) {}

  /** Newest first, page after page. */
  async notes(
    actor: Actor,
    tandemId: string,
    page: PageArgs,
  ): Promise<ConnectionShape<TandemNoteType>> {
    const tandem = await this.requireNoteReader(actor, tandemId);
    const found = await this.tenantDb.run(actor, (manager) => {
      const query = manager
        .getRepository(TandemNoteEntity)
        .createQueryBuilder('note')
        .where('note.city_id = :cityId AND note.tandem_id = :tandemId', {
          cityId: tandem.cityId,
          tandemId: tandem.id,
        });
      return paginate(
        query,
        page,
        [
          // The time in whole milliseconds, as the cursor carries it (a JavaScript date has
          // no microseconds); numeric, so a forged cursor number cannot break the query.
          {
            column: 'floor(extract(epoch from note.created_at) * 1000)',
            kind: 'int',
            value: (note) => note.createdAt.getTime(),
          },
          { column: 'note.id', kind: 'uuid', value: (note) => note.id },
        ],
        'DESC',
      );
    });
    return mapConnection(found, toTandemNote);
  }

  /**
   * The actor opened the tandem's page now: notes up to this moment are no longer new for
   * them (their row only; row-level security lets nobody else read it).
   */
  async markSeen(actor: Actor, tandemId: string): Promise<Date> {
    const tandem = await this.requireNoteReader(actor, tandemId);
    const reader = requireAccess(actor, Permission.TANDEM_NOTES_READ, tandemTarget(tandem));
    const [row] = await this.tenantDb.run(
      actor,
      (manager) =>
        manager.query(
          `INSERT INTO tandem_visit (city_id, tandem_id, user_id) VALUES ($1, $2, $3)
         ON CONFLICT (city_id, tandem_id, user_id) DO UPDATE SET seen_at = now()
         RETURNING seen_at`,
          [tandem.cityId, tandem.id, reader.userId],
        ) as Promise<Array<{ seen_at: Date }>>,
    );
    return row.seen_at;
  }

  /**
   * For each tandem, the notes the others wrote since the actor last opened it (all of them
   * when never), in one statement for all tandems. Tandems whose notes the actor may not read
   * count nothing.
   */
  async newNotesSinceLastVisit(
    actor: Actor,
    tandems: readonly TandemType[],
  ): Promise<Map<string, { count: number; lastSeenAt: Date | null }>> {
    const readable = tandems.filter((tandem) =>
      mayAccess(actor, Permission.TANDEM_NOTES_READ, tandemTarget(tandem)),
    );
    const found = new Map<string, { count: number; lastSeenAt: Date | null }>();
    if (actor.kind !== 'user' || readable.length === 0) return found;
    const rows: Array<{ tandem_id: string; seen_at: Date | null; n: number }> =
      await this.tenantDb.run(actor, (manager) =>
        manager.query(
          `SELECT t.id AS tandem_id, v.seen_at, count(n.id)::int AS n
           FROM unnest($1::uuid[], $2::uuid[]) AS t (city_id, id)
           LEFT JOIN tandem_visit v
             ON v.city_id = t.city_id AND v.tandem_id = t.id AND v.user_id = $3
           LEFT JOIN tandem_note n
             ON n.city_id = t.city_id AND n.tandem_id = t.id
            AND n.author_id IS DISTINCT FROM $3
            AND (v.seen_at IS NULL OR n.created_at > v.seen_at)
           GROUP BY t.id, v.seen_at`,
          [
            readable.map((tandem) => tandem.cityId),
            readable.map((tandem) => tandem.id),
            actor.userId,
          ],
        ),
      );
    for (const row of rows) found.set(row.tandem_id, { count: row.n, lastSeenAt: row.seen_at });
    return found;
  }

  /** The tandem whose notes the actor may read; NOT_FOUND or FORBIDDEN otherwise. */
  async requireNoteReader(actor: Actor, tandemId: string): Promise<TandemType> {
    const tandem = await this.tandems.get(actor, tandemId);
    if (!tandem) throw TandemException.notFound('tandemId');
    requireAccess(actor, Permission.TANDEM_NOTES_READ, tandemTarget(tandem));
    return tandem;
  }

  /**
   * One note of a tandem as this subscriber may see it now: `actor` must be the one just
   * read again from the subscriber's session (not the one of the socket's start), and the
   * note is loaded under that actor's row-level security. Null when it is not theirs (any
   * more) or was deleted meanwhile.
   */
  async noteForSubscriber(
    actor: Actor,
    tandemId: string,
    noteId: string,
  ): Promise<TandemNoteType | null> {
    if (!isUuid(noteId) || !isUuid(tandemId)) return null;
    const note = await this.tenantDb.run(actor, (manager) =>
      manager.getRepository(TandemNoteEntity).findOneBy({ id: noteId, tandemId }),
    );
    if (!note || !mayAccess(actor, Permission.TANDEM_NOTES_READ, tandemTarget(note))) return null;
    return toTandemNote(note);
  }

  async addNote(
    actor: Actor,
    input: { tandemId: string; kind: TandemNoteKind } & NoteInput,
  ): Promise<TandemNoteType> {
    const tandem = await this.tandems.get(actor, input.tandemId);
    if (!tandem) throw TandemException.notFound('input.tandemId');
    const author = requireAccess(actor, Permission.TANDEM_NOTE_WRITE, tandemTarget(tandem));
    if (!acceptsNotes(tandem.status)) throw TandemException.notActive();
    // The side the author writes for (the new city, should they belong to both).
    const [authorCityId] = sidesWith(author, Permission.TANDEM_NOTE_WRITE, tandem);
    const content = cleanNote(input, input.kind);
    const added = await this.tenantDb.run(actor, async (manager) => {
      const repository = manager.getRepository(TandemNoteEntity);
      const note = repository.create({
        cityId: tandem.cityId,
        partnerCityId: tandem.partnerCityId,
        tandemId: tandem.id,
        authorId: author.userId,
        authorCityId,
        kind: input.kind,
        ...content,
      });
      await repository.insert(note);
      await saveRevision(manager, note, author);
      const otherCityId = authorCityId === tandem.cityId ? tandem.partnerCityId : tandem.cityId;
      await this.announcer.announce(
        manager,
        author,
        tandem,
        noteAnnouncement(content.body),
        otherCityId,
      );
      return repository.findOneByOrFail({ id: note.id });
    });
    return toTandemNote(added);
  }

  /** The author, while still in one of the two cities, edits; each edit keeps a revision. */
  async updateNote(actor: Actor, input: { id: string } & NoteInput): Promise<TandemNoteType> {
    return this.tenantDb.run(actor, async (manager) => {
      const note = await visibleNote(manager, input.id, 'input.id');
      const author = requireAccess(
        actor,
        Permission.TANDEM_NOTE_EDIT,
        tandemTarget(note, note.authorId),
      );
      Object.assign(note, cleanNote(input, note.kind));
      note.revision += 1;
      note.updatedAt = new Date();
      await manager.getRepository(TandemNoteEntity).save(note);
      await saveRevision(manager, note, author);
      return toTandemNote(note);
    });
  }

  async deleteNote(actor: Actor, id: string): Promise<boolean> {
    return this.tenantDb.run(actor, async (manager) => {
      const note = await visibleNote(manager, id, 'id');
      requireAccess(actor, Permission.TANDEM_NOTE_EDIT, tandemTarget(note, note.authorId));
      await manager.getRepository(TandemNoteEntity).delete({ cityId: note.cityId, id: note.id });
      return true;
    });
  }
}

/** A note the actor can see (row-level security); NOT_FOUND on `field` otherwise. */
async function visibleNote(
  manager: EntityManager,
  id: string,
  field: string,
): Promise<TandemNoteEntity> {
  if (!isUuid(id)) throw TandemException.noteNotFound(field);
  const note = await manager.getRepository(TandemNoteEntity).findOneBy({ id });
  if (!note) throw TandemException.noteNotFound(field);
  return note;
}

async function saveRevision(
  manager: EntityManager,
  note: TandemNoteEntity,
  author: SignedInActor,
): Promise<void> {
  await manager.query(
    `INSERT INTO tandem_note_revision (city_id, note_id, number, partner_city_id, body, visit_date, place, author_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      note.cityId,
      note.id,
      note.revision,
      note.partnerCityId,
      note.body,
      note.visitDate,
      note.place,
      author.userId,
    ],
  );
}
