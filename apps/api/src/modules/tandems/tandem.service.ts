import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { requireSignedIn } from '../../core/auth/access';
import { AuthException } from '../../core/auth/auth.exception';
import { byKeys } from '../../core/graphql/loaders';
import { paginate, type ConnectionShape, type PageArgs } from '../../core/graphql/pagination';
import {
  coordinatorCityIds,
  isOrganizer,
  memberCityIds,
  type Actor,
  type SignedInActor,
} from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { AuditAction, AuditService } from '../audit/audit.service';
import { CityService } from '../cities/city.service';
import { PracticeService } from '../practices/practice.service';
import { NotificationService } from '../notifications/notification.service';
import { TopicService } from '../topics/topic.service';
import { rankSuggestions, type Suggestion } from './tandem-suggestions';
import { TandemNoteEntity, TandemNoteKind } from './tandem-note.entity';
import { TandemEntity, TandemStatus } from './tandem.entity';
import { TandemException } from './tandem.exception';
import { isUuid } from '../../core/validation/uuid';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface NoteInput {
  body: string;
  visitDate?: string | null;
  place?: string | null;
}

@Injectable()
export class TandemService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly cities: CityService,
    private readonly topics: TopicService,
    private readonly practices: PracticeService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
  ) {}

  /** Tells both cities' members (except the actor) that the tandem changed. */
  private async announce(
    tandem: TandemEntity,
    actorId: string,
    title: string,
    body: string,
    onlyCityId?: string,
  ): Promise<void> {
    const [newCity, partner] = await this.cities.byIds([tandem.cityId, tandem.partnerCityId]);
    if (!newCity || !partner) return;
    for (const [city, other] of [
      [newCity, partner],
      [partner, newCity],
    ] as const) {
      if (onlyCityId && city.id !== onlyCityId) continue;
      await this.notifications.notifyCities([city.id], actorId, {
        kind: title.startsWith('Neue') ? 'TANDEM_NOTE_ADDED' : 'TANDEM_STATUS_CHANGED',
        title: title.replace('{other}', other.name),
        body: body.replace('{other}', other.name),
        link: `/${city.slug}/tandems/${tandem.id}`,
      });
    }
  }

  async get(id: string): Promise<TandemEntity | null> {
    if (!isUuid(id)) return null;
    return this.tenantDb.run((manager) => manager.getRepository(TandemEntity).findOneBy({ id }));
  }

  async list(
    filter: { citySlug?: string | null; status?: TandemStatus | null },
    page: PageArgs,
  ): Promise<ConnectionShape<TandemEntity>> {
    const city = filter.citySlug
      ? await this.cities.requireBySlug(filter.citySlug, 'filter.citySlug')
      : null;
    return this.tenantDb.run((manager) => {
      const query = manager.getRepository(TandemEntity).createQueryBuilder('tandem');
      if (city)
        query.andWhere('(tandem.city_id = :cityId OR tandem.partner_city_id = :cityId)', {
          cityId: city.id,
        });
      if (filter.status) query.andWhere('tandem.status = :status', { status: filter.status });
      return paginate(query, page, [
        { column: 'tandem.id', kind: 'uuid', value: (tandem) => tandem.id },
      ]);
    });
  }

  /** Tandems of many cities, either side (for City.tandems). */
  async ofCities(cityIds: readonly string[]): Promise<TandemEntity[][]> {
    const rows = await this.tenantDb.run((manager) =>
      manager
        .getRepository(TandemEntity)
        .createQueryBuilder('tandem')
        .where('tandem.city_id = ANY(:ids) OR tandem.partner_city_id = ANY(:ids)', {
          ids: [...cityIds],
        })
        .andWhere("tandem.status <> 'DECLINED'")
        .orderBy('tandem.created_at', 'DESC')
        .getMany(),
    );
    return cityIds.map((id) => rows.filter((row) => row.cityId === id || row.partnerCityId === id));
  }

  async propose(
    actor: Actor,
    input: { newCitySlug: string; partnerCitySlug: string; goals?: string | null },
  ): Promise<TandemEntity> {
    const organizer = requireSignedIn(actor);
    if (!isOrganizer(organizer))
      throw AuthException.forbidden('Only network organizers propose tandems');
    const newCity = await this.cities.requireBySlug(input.newCitySlug, 'input.newCitySlug');
    const partner = await this.cities.requireBySlug(input.partnerCitySlug, 'input.partnerCitySlug');
    if (newCity.id === partner.id) throw TandemException.sameCity();
    const goals = (input.goals ?? '').trim();
    if (goals.length > 5000) throw TandemException.invalid('input.goals', 'goals are too long');
    const saved = await this.tenantDb.run(async (manager) => {
      const open = await manager
        .getRepository(TandemEntity)
        .createQueryBuilder('tandem')
        .where(
          "tandem.status IN ('PROPOSED', 'ACTIVE') AND ((tandem.city_id = :a AND tandem.partner_city_id = :b) OR (tandem.city_id = :b AND tandem.partner_city_id = :a))",
          { a: newCity.id, b: partner.id },
        )
        .getCount();
      if (open > 0) throw TandemException.pairAlreadyOpen();
      const repository = manager.getRepository(TandemEntity);
      const tandem = repository.create({
        cityId: newCity.id,
        partnerCityId: partner.id,
        goals,
        proposedBy: organizer.userId,
      });
      try {
        await repository.insert(tandem);
      } catch (error) {
        // Two organizers proposing the same pair at once: the unique index decides.
        if ((error as { code?: string }).code === '23505') throw TandemException.pairAlreadyOpen();
        throw error;
      }
      await this.audit.record(manager, {
        actorUserId: organizer.userId,
        action: AuditAction.TANDEM_PROPOSED,
        cityId: newCity.id,
        target: partner.slug,
      });
      return repository.findOneByOrFail({ id: tandem.id });
    });
    await this.announce(
      saved,
      organizer.userId,
      'Tandem mit {other} vorgeschlagen',
      `Das Netzwerkbüro schlägt ein Tandem mit {other} vor. Ziele: ${goals || '–'}`,
    );
    return saved;
  }

  /** A coordinator accepts for their city; with both sides accepted the tandem is active. */
  async accept(actor: Actor, id: string): Promise<TandemEntity> {
    return this.change(
      actor,
      id,
      async (manager, tandem, coordinator) => {
        if (tandem.status !== TandemStatus.PROPOSED)
          throw TandemException.invalidTransition(tandem.status, TandemStatus.ACTIVE);
        const sides = this.coordinatedSides(coordinator, tandem);
        if (sides.length === 0)
          throw AuthException.forbidden('Only coordinators of the two cities accept');
        const now = new Date();
        let changed = false;
        if (sides.includes('new') && !tandem.newCityAcceptedAt) {
          tandem.newCityAcceptedAt = now;
          changed = true;
        }
        if (sides.includes('partner') && !tandem.partnerCityAcceptedAt) {
          tandem.partnerCityAcceptedAt = now;
          changed = true;
        }
        if (!changed) throw TandemException.alreadyAccepted();
        if (tandem.newCityAcceptedAt && tandem.partnerCityAcceptedAt)
          tandem.status = TandemStatus.ACTIVE;
        await this.audit.record(manager, {
          actorUserId: coordinator.userId,
          action: AuditAction.TANDEM_ACCEPTED,
          cityId: tandem.cityId,
          target: tandem.id,
        });
      },
      (tandem) =>
        tandem.status === TandemStatus.ACTIVE
          ? {
              title: 'Tandem mit {other} ist aktiv',
              body: 'Beide Städte haben zugestimmt: das Tandem mit {other} beginnt.',
            }
          : {
              title: 'Zusage im Tandem mit {other}',
              body: 'Eine Stadt hat zugestimmt; die zweite Zusage steht noch aus.',
            },
    );
  }

  async decline(
    actor: Actor,
    id: string,
    reason: string | null | undefined,
  ): Promise<TandemEntity> {
    return this.change(
      actor,
      id,
      async (manager, tandem, coordinator) => {
        if (tandem.status !== TandemStatus.PROPOSED)
          throw TandemException.invalidTransition(tandem.status, TandemStatus.DECLINED);
        const sides = this.coordinatedSides(coordinator, tandem);
        if (sides.length === 0)
          throw AuthException.forbidden('Only coordinators of the two cities decline');
        const text = (reason ?? '').trim();
        if (text.length > 2000) throw TandemException.invalid('reason', 'the reason is too long');
        tandem.status = TandemStatus.DECLINED;
        tandem.declineReason = text || null;
        tandem.declinedByCityId = sides[0] === 'new' ? tandem.cityId : tandem.partnerCityId;
        await this.audit.record(manager, {
          actorUserId: coordinator.userId,
          action: AuditAction.TANDEM_DECLINED,
          cityId: tandem.cityId,
          target: tandem.id,
        });
      },
      (tandem) => ({
        title: 'Tandem mit {other} abgelehnt',
        body: `Der Vorschlag wurde abgelehnt. ${tandem.declineReason ?? ''}`.trim(),
      }),
    );
  }

  async conclude(
    actor: Actor,
    id: string,
    summary: string | null | undefined,
  ): Promise<TandemEntity> {
    return this.change(
      actor,
      id,
      async (manager, tandem, signedIn) => {
        if (tandem.status !== TandemStatus.ACTIVE)
          throw TandemException.invalidTransition(tandem.status, TandemStatus.CONCLUDED);
        if (!isOrganizer(signedIn) && this.coordinatedSides(signedIn, tandem).length === 0) {
          throw AuthException.forbidden(
            'Only coordinators of the two cities or organizers conclude',
          );
        }
        const text = (summary ?? '').trim();
        if (text.length < 1 || text.length > 5000)
          throw TandemException.invalid(
            'summary',
            'please sum up the outcome (up to 5000 characters)',
          );
        tandem.status = TandemStatus.CONCLUDED;
        tandem.concludedAt = new Date();
        tandem.outcomeSummary = text;
        await this.audit.record(manager, {
          actorUserId: signedIn.userId,
          action: AuditAction.TANDEM_CONCLUDED,
          cityId: tandem.cityId,
          target: tandem.id,
        });
      },
      (tandem) => ({
        title: 'Tandem mit {other} abgeschlossen',
        body: tandem.outcomeSummary ?? '',
      }),
    );
  }

  async suggestions(actor: Actor, citySlug: string, first: number): Promise<Suggestion[]> {
    const signedIn = requireSignedIn(actor);
    const city = await this.cities.requireBySlug(citySlug, 'citySlug');
    if (!isOrganizer(signedIn) && !coordinatorCityIds(signedIn).includes(city.id)) {
      throw AuthException.forbidden('Suggestions are for organizers and the city’s coordinators');
    }
    const all = await this.cities.all();
    const ids = all.map((entry) => entry.id);
    const [focus, practiceCounts, open] = await Promise.all([
      this.topics.focusTopicsOfCities(ids),
      this.practices.networkCountsByCityAndTopic(ids),
      this.tenantDb.run(async (manager) => {
        const rows: Array<{ city: string; n: number }> = await manager.query(
          `SELECT city, count(*)::int AS n FROM (
             SELECT city_id AS city FROM tandem WHERE status IN ('PROPOSED', 'ACTIVE')
             UNION ALL SELECT partner_city_id FROM tandem WHERE status IN ('PROPOSED', 'ACTIVE')) t GROUP BY city`,
        );
        const pairs: Array<{ a: string; b: string }> = await manager.query(
          `SELECT city_id AS a, partner_city_id AS b FROM tandem WHERE status IN ('PROPOSED', 'ACTIVE') AND (city_id = $1 OR partner_city_id = $1)`,
          [city.id],
        );
        return {
          counts: new Map(rows.map((row) => [row.city, row.n])),
          partners: new Set(pairs.flatMap((pair) => [pair.a, pair.b])),
        };
      }),
    ]);
    const focusOf = new Map(
      ids.map((id, index) => [
        id,
        focus[index].map((topic) => ({ slug: topic.slug, name: topic.name })),
      ]),
    );
    const asSuggestionCity = (entry: (typeof all)[number]) => ({
      id: entry.id,
      name: entry.name,
      kind: entry.kind,
      federalState: entry.federalState,
      joinedYear: entry.joinedYear,
      population: entry.population,
      latitude: entry.latitude,
      longitude: entry.longitude,
      focusTopics: focusOf.get(entry.id) ?? [],
    });
    const ranked = rankSuggestions(
      asSuggestionCity(city),
      all
        .filter((entry) => !open.partners.has(entry.id))
        .map((entry) => ({
          ...asSuggestionCity(entry),
          openTandems: open.counts.get(entry.id) ?? 0,
          practicesByTopic: practiceCounts.get(entry.id) ?? {},
        })),
    );
    return ranked.slice(0, Math.max(1, Math.min(first, 50)));
  }

  // --- notes ---

  async notes(
    actor: Actor,
    tandemId: string,
    page: PageArgs,
  ): Promise<ConnectionShape<TandemNoteEntity>> {
    const signedIn = requireSignedIn(actor);
    const tandem = await this.get(tandemId);
    if (!tandem) throw TandemException.notFound('tandemId');
    this.requirePairMember(signedIn, tandem);
    return this.tenantDb.run((manager) => {
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
        [{ column: 'note.id', kind: 'uuid', value: (note) => note.id }],
        'DESC',
      );
    });
  }

  /** Throws unless the actor may read this tandem's notes (for subscriptions). */
  /** The tandem whose notes the actor may read; typed errors otherwise. */
  async requireNoteReader(actor: Actor, tandemId: string): Promise<TandemEntity> {
    const signedIn = requireSignedIn(actor);
    const tandem = await this.get(tandemId);
    if (!tandem) throw TandemException.notFound('tandemId');
    this.requirePairMember(signedIn, tandem);
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
  ): Promise<TandemNoteEntity | null> {
    if (actor.kind !== 'user' || !isUuid(noteId) || !isUuid(tandemId)) return null;
    return this.tenantDb.run(
      (manager) => manager.getRepository(TandemNoteEntity).findOneBy({ id: noteId, tandemId }),
      { actor },
    );
  }

  async addNote(
    actor: Actor,
    input: { tandemId: string; kind: TandemNoteKind } & NoteInput,
  ): Promise<TandemNoteEntity> {
    const author = requireSignedIn(actor);
    const tandem = await this.get(input.tandemId);
    if (!tandem) throw TandemException.notFound('input.tandemId');
    const authorCityId = this.requirePairMember(author, tandem);
    if (tandem.status !== TandemStatus.ACTIVE) throw TandemException.notActive();
    const content = cleanNote(input, input.kind);
    const added = await this.tenantDb.run(async (manager) => {
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
      await this.saveNoteRevision(manager, note, author);
      return repository.findOneByOrFail({ id: note.id });
    });
    const otherCityId = authorCityId === tandem.cityId ? tandem.partnerCityId : tandem.cityId;
    await this.announce(
      tandem,
      author.userId,
      'Neuer Eintrag im Tandem mit {other}',
      content.body.slice(0, 300),
      otherCityId,
    );
    return added;
  }

  async updateNote(actor: Actor, input: { id: string } & NoteInput): Promise<TandemNoteEntity> {
    const author = requireSignedIn(actor);
    return this.tenantDb.run(async (manager) => {
      const note = await this.visibleNote(manager, input.id, 'input.id');
      if (note.authorId !== author.userId)
        throw AuthException.forbidden('Only the author edits a note');
      Object.assign(note, cleanNote(input, note.kind));
      note.revision += 1;
      note.updatedAt = new Date();
      await manager.getRepository(TandemNoteEntity).save(note);
      await this.saveNoteRevision(manager, note, author);
      return note;
    });
  }

  async deleteNote(actor: Actor, id: string): Promise<boolean> {
    const author = requireSignedIn(actor);
    return this.tenantDb.run(async (manager) => {
      const note = await this.visibleNote(manager, id, 'id');
      if (note.authorId !== author.userId)
        throw AuthException.forbidden('Only the author deletes a note');
      await manager.getRepository(TandemNoteEntity).delete({ cityId: note.cityId, id: note.id });
      return true;
    });
  }

  async tandemsByIds(ids: readonly string[]): Promise<Array<TandemEntity | null>> {
    const rows = await this.tenantDb.run((manager) =>
      manager.getRepository(TandemEntity).findBy({ id: In([...ids]) }),
    );
    return byKeys(
      ids,
      rows,
      (row) => row.id,
      (found) => found[0] ?? null,
    );
  }

  isPairMember(actor: Actor, tandem: TandemEntity): boolean {
    const cities = memberCityIds(actor);
    return cities.includes(tandem.cityId) || cities.includes(tandem.partnerCityId);
  }

  canAccept(actor: Actor, tandem: TandemEntity): boolean {
    if (actor.kind !== 'user' || tandem.status !== TandemStatus.PROPOSED) return false;
    const sides = this.coordinatedSides(actor, tandem);
    return (
      (sides.includes('new') && !tandem.newCityAcceptedAt) ||
      (sides.includes('partner') && !tandem.partnerCityAcceptedAt)
    );
  }

  canConclude(actor: Actor, tandem: TandemEntity): boolean {
    return (
      tandem.status === TandemStatus.ACTIVE &&
      actor.kind === 'user' &&
      (isOrganizer(actor) || this.coordinatedSides(actor, tandem).length > 0)
    );
  }

  private coordinatedSides(actor: Actor, tandem: TandemEntity): Array<'new' | 'partner'> {
    const coordinated = coordinatorCityIds(actor);
    return [
      ...(coordinated.includes(tandem.cityId) ? (['new'] as const) : []),
      ...(coordinated.includes(tandem.partnerCityId) ? (['partner'] as const) : []),
    ];
  }

  /** The member's city in this tandem; FORBIDDEN for everyone else, organizers included. */
  private requirePairMember(actor: SignedInActor, tandem: TandemEntity): string {
    const cities = memberCityIds(actor);
    if (cities.includes(tandem.cityId)) return tandem.cityId;
    if (cities.includes(tandem.partnerCityId)) return tandem.partnerCityId;
    throw AuthException.forbidden('Tandem notes are private to the two cities');
  }

  private async change(
    actor: Actor,
    id: string,
    apply: (manager: EntityManager, tandem: TandemEntity, actor: SignedInActor) => Promise<void>,
    announcement: (tandem: TandemEntity) => { title: string; body: string },
  ): Promise<TandemEntity> {
    const signedIn = requireSignedIn(actor);
    if (!isUuid(id)) throw TandemException.notFound('id');
    const changed = await this.tenantDb.run(async (manager) => {
      // Locking needs the update policy: cities outside the pair cannot even lock it.
      const tandem = await manager
        .getRepository(TandemEntity)
        .createQueryBuilder('tandem')
        .where('tandem.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
      if (!tandem) {
        const exists = await manager.getRepository(TandemEntity).countBy({ id });
        if (exists) throw AuthException.forbidden();
        throw TandemException.notFound('id');
      }
      await apply(manager, tandem, signedIn);
      tandem.updatedAt = new Date();
      await manager.getRepository(TandemEntity).save(tandem);
      return tandem;
    });
    const { title, body } = announcement(changed);
    await this.announce(changed, signedIn.userId, title, body);
    return changed;
  }

  private async visibleNote(
    manager: EntityManager,
    id: string,
    field: string,
  ): Promise<TandemNoteEntity> {
    if (!isUuid(id)) throw TandemException.noteNotFound(field);
    const note = await manager.getRepository(TandemNoteEntity).findOneBy({ id });
    if (!note) throw TandemException.noteNotFound(field);
    return note;
  }

  private async saveNoteRevision(
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
}

function cleanNote(
  input: NoteInput,
  kind: TandemNoteKind,
): { body: string; visitDate: string | null; place: string | null } {
  const body = input.body.trim();
  if (body.length < 1 || body.length > 20000)
    throw TandemException.invalid('input.body', 'a note needs 1 to 20000 characters');
  const visitDate = input.visitDate?.trim() || null;
  if (
    visitDate &&
    (!DATE.test(visitDate) ||
      new Date(`${visitDate}T00:00:00Z`).toISOString().slice(0, 10) !== visitDate)
  ) {
    throw TandemException.invalid('input.visitDate', 'not a date (YYYY-MM-DD)');
  }
  if (kind === TandemNoteKind.VISIT && !visitDate)
    throw TandemException.invalid('input.visitDate', 'a visit needs its date');
  const place = input.place?.trim() || null;
  if (place && place.length > 200)
    throw TandemException.invalid('input.place', 'the place is too long');
  return { body, visitDate, place };
}
