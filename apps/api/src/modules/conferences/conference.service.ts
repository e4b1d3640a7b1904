import { Injectable } from '@nestjs/common';
import { Permission, requireAccess } from '../../core/auth/access';
import { loadById, type GraphQLContext } from '../../core/graphql/loaders';
import { paginate, type ConnectionShape, type PageArgs } from '../../core/graphql/pagination';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { isUuid } from '../../core/validation/uuid';
import { SearchOutbox } from '../../search/search-outbox';
import { CityService } from '../cities/city.service';
import { AgendaService } from './agenda.service';
import { checkTransition, cleanConference, cleanConferenceFilter } from './conference-input';
import { lockConference } from './conference-lock';
import { ConferenceRecordService } from './conference-record.service';
import { CONFERENCES_INDEX } from './conference-search.source';
import { ConferenceEntity } from './conference.entity';
import type {
  ConferenceFilter,
  ConferenceInput,
  UpdateConferenceInput,
} from './dto/conference.inputs';
import { RegistrationService } from './registration.service';

/**
 * Conferences themselves: read (public), plan and change their status (organizers).
 * The agenda, registrations and exports have their own services.
 */
@Injectable()
export class ConferenceService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly cities: CityService,
    private readonly agenda: AgendaService,
    private readonly registrations: RegistrationService,
    private readonly records: ConferenceRecordService,
    private readonly outbox: SearchOutbox,
  ) {}

  /** The search index of conferences (for the one search box). */
  readonly searchIndex = CONFERENCES_INDEX;

  /** Conferences by id (public), for the hits of the one search box. */
  async byIds(actor: Actor, ids: string[]): Promise<ConferenceEntity[]> {
    const uuids = ids.filter(isUuid);
    if (uuids.length === 0) return [];
    return this.tenantDb.run(actor, (manager) =>
      manager
        .getRepository(ConferenceEntity)
        .createQueryBuilder('c')
        .where('c.id = ANY(:ids::uuid[])', { ids: uuids })
        .getMany(),
    );
  }

  async get(actor: Actor, id: string): Promise<ConferenceEntity | null> {
    if (!isUuid(id)) return null;
    return this.tenantDb.run(actor, (manager) =>
      manager.getRepository(ConferenceEntity).findOneBy({ id }),
    );
  }

  /** Conferences by id, batched per request for the actor of that request. */
  load(actor: Actor, ctx: GraphQLContext, id: string): Promise<ConferenceEntity | null> {
    return loadById(
      ctx,
      'conferenceById',
      (ids) =>
        this.tenantDb.run(actor, (manager) =>
          manager
            .getRepository(ConferenceEntity)
            .createQueryBuilder('conference')
            .where('conference.id = ANY(:ids::uuid[])', { ids: ids.filter(isUuid) })
            .getMany(),
        ),
      id,
    );
  }

  list(
    actor: Actor,
    filter: ConferenceFilter,
    page: PageArgs,
  ): Promise<ConnectionShape<ConferenceEntity>> {
    const { from, to } = cleanConferenceFilter(filter);
    return this.tenantDb.run(actor, (manager) => {
      const query = manager.getRepository(ConferenceEntity).createQueryBuilder('conference');
      if (filter.kind) query.andWhere('conference.kind = :kind', { kind: filter.kind });
      if (filter.region) query.andWhere('conference.region = :region', { region: filter.region });
      if (from) query.andWhere('conference.ends_at >= :from', { from });
      if (to) query.andWhere('conference.starts_at <= :to', { to });
      if (filter.upcoming === true) query.andWhere('conference.ends_at >= now()');
      if (filter.upcoming === false) query.andWhere('conference.ends_at < now()');
      return paginate(query, page, [
        {
          column: 'conference.starts_at',
          kind: 'text',
          value: (conference) => conference.startsAt.toISOString(),
        },
        { column: 'conference.id', kind: 'uuid', value: (conference) => conference.id },
      ]);
    });
  }

  async create(actor: Actor, input: ConferenceInput): Promise<ConferenceEntity> {
    const organizer = requireAccess(actor, Permission.CONFERENCE_PLAN);
    const { values, hostCitySlug } = cleanConference(input, null);
    const hostCityId = await this.hostCityId(hostCitySlug);
    return this.tenantDb.run(actor, async (manager) => {
      const repository = manager.getRepository(ConferenceEntity);
      const conference = repository.create({
        ...values,
        ...(hostCityId !== undefined ? { hostCityId } : {}),
        createdBy: organizer.userId,
      });
      await repository.insert(conference);
      await this.outbox.enqueue(manager, CONFERENCES_INDEX, [conference.id]);
      return repository.findOneByOrFail({ id: conference.id });
    });
  }

  /**
   * Changes details or the status. Lowering the capacity takes no confirmed place away:
   * while more are confirmed than there are places, nobody moves up and new
   * registrations wait. Raising it moves the waitlist up at once.
   */
  async update(actor: Actor, input: UpdateConferenceInput): Promise<ConferenceEntity> {
    requireAccess(actor, Permission.CONFERENCE_PLAN);
    if (input.status != null) requireAccess(actor, Permission.CONFERENCE_OPEN_CLOSE);
    const conference = await this.tenantDb.run(actor, async (manager) => {
      const conference = await lockConference(manager, input.id, 'input.id');
      const { values, hostCitySlug } = cleanConference(input, conference);
      const hostCityId = await this.hostCityId(hostCitySlug);
      const status =
        input.status != null && input.status !== conference.status
          ? checkTransition(conference.status, input.status)
          : conference.status;
      if (values.startsAt || values.endsAt)
        await this.agenda.requireInside(
          manager,
          conference.id,
          values.startsAt ?? conference.startsAt,
          values.endsAt ?? conference.endsAt,
        );
      // Calendar programs recognise an update of the same event by UID and a higher SEQUENCE.
      Object.assign(conference, values, hostCityId !== undefined ? { hostCityId } : {}, {
        status,
        icsSequence: conference.icsSequence + 1,
        updatedAt: new Date(),
      });
      const repository = manager.getRepository(ConferenceEntity);
      await repository.save(conference);
      const promotions = await this.registrations.fillSeats(manager, conference.id);
      // A record's search document carries the conference's title, kind and start.
      await this.records.refreshSearch(manager, conference.id);
      await this.outbox.enqueue(manager, CONFERENCES_INDEX, [conference.id]);
      const saved = await repository.findOneByOrFail({ id: conference.id });
      await this.registrations.announce(actor, manager, {
        conferenceId: saved.id,
        title: saved.title,
        promotions,
      });
      return saved;
    });
    return conference;
  }

  /** undefined: leave the host as it is; null: no host; else the host's id (NOT_FOUND if unknown). */
  private async hostCityId(slug: string | null | undefined): Promise<string | null | undefined> {
    if (slug === undefined || slug === null) return slug;
    return (await this.cities.requireBySlug(slug, 'input.hostCitySlug')).id;
  }
}
