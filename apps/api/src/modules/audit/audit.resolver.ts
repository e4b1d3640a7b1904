import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission, mayAccess } from '../../core/auth/access';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { GraphQLContext } from '../../core/graphql/loaders';
import { ConnectionArgs } from '../../core/graphql/pagination';
import type { Actor } from '../../core/tenancy/actor';
import { CityType, toCityOrNull } from '../cities/dto/city.type';
import { CityService } from '../cities/city.service';
import { Person } from '../users/dto/person.type';
import { UsersService } from '../users/users.service';
import { AuditService } from './audit.service';
import { AuditEntryConnection, AuditEntryType, AuditLogFilter } from './dto/audit-entry.type';

@Resolver(() => AuditEntryType)
export class AuditResolver {
  constructor(
    private readonly audit: AuditService,
    private readonly cityService: CityService,
    private readonly users: UsersService,
  ) {}

  @Access(AccessLevel.ORGANIZER)
  @Query(() => AuditEntryConnection, {
    description: 'Privileged actions, newest first (organizers only).',
  })
  auditLog(
    @CurrentActor() actor: Actor,
    @Args() page: ConnectionArgs,
    @Args('filter', { type: () => AuditLogFilter, nullable: true }) filter: AuditLogFilter | null,
  ): Promise<AuditEntryConnection> {
    return this.audit.list(actor, filter ?? {}, page);
  }

  @ResolveField(() => CityType, { nullable: true })
  city(@Parent() entry: AuditEntryType, @Context() ctx: GraphQLContext): Promise<CityType | null> {
    if (!entry.cityId) return Promise.resolve(null);
    return this.cityService.load(ctx, entry.cityId).then(toCityOrNull);
  }

  @ResolveField(() => Person, { nullable: true, description: 'Who did it' })
  actor(@Parent() entry: AuditEntryType, @Context() ctx: GraphQLContext): Promise<Person | null> {
    return this.users.loadPerson(ctx, entry.actorUserId, entry.cityId);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'E-mail address of who did it (organizers, who read the log)',
  })
  async actorEmail(
    @Parent() entry: AuditEntryType,
    @CurrentActor() viewer: Actor,
    @Context() ctx: GraphQLContext,
  ): Promise<string | null> {
    if (!entry.actorUserId || !mayAccess(viewer, Permission.AUDIT_LOG_READ)) return null;
    const user = await this.users.load(ctx, entry.actorUserId);
    // An erased account keeps its id as a pseudonym; it has no address any more.
    return user && !user.erasedAt ? user.email : null;
  }
}
