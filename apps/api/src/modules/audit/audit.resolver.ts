import {
  Args,
  Field,
  InputType,
  ObjectType,
  Query,
  ResolveField,
  Parent,
  Resolver,
  Context,
} from '@nestjs/graphql';
import { Permission, mayAccess } from '../../core/auth/access';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import type { GraphQLContext } from '../../core/graphql/loaders';
import { ConnectionType, ConnectionArgs } from '../../core/graphql/pagination';
import { actorOf, currentActor } from '../../core/tenancy/request-context';
import { CityType, toCityOrNull } from '../cities/dto/city.type';
import { CityService } from '../cities/city.service';
import { Person } from '../users/dto/person.type';
import { UsersService } from '../users/users.service';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditService } from './audit.service';

@ObjectType('AuditEntryConnection')
export class AuditEntryConnection extends ConnectionType(AuditEntryEntity, 'AuditEntry') {}

@InputType()
export class AuditLogFilter {
  @Field(() => String, { nullable: true })
  citySlug?: string | null;

  @Field(() => String, { nullable: true })
  action?: string | null;
}

@Resolver(() => AuditEntryEntity)
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
  async auditLog(
    @Args() page: ConnectionArgs,
    @Args('filter', { type: () => AuditLogFilter, nullable: true }) filter: AuditLogFilter | null,
  ): Promise<AuditEntryConnection> {
    const city = filter?.citySlug
      ? await this.cityService.requireBySlug(filter.citySlug, 'filter.citySlug')
      : null;
    return this.audit.list(currentActor(), { cityId: city?.id, action: filter?.action }, page);
  }

  @ResolveField(() => CityType, { nullable: true })
  city(
    @Parent() entry: AuditEntryEntity,
    @Context() ctx: GraphQLContext,
  ): Promise<CityType | null> {
    if (!entry.cityId) return Promise.resolve(null);
    return this.cityService.load(ctx, entry.cityId).then(toCityOrNull);
  }

  @ResolveField(() => Person, { nullable: true, description: 'Who did it' })
  actor(@Parent() entry: AuditEntryEntity, @Context() ctx: GraphQLContext): Promise<Person | null> {
    return this.users.loadPerson(ctx, entry.actorUserId, entry.cityId);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'E-mail address of who did it (organizers, who read the log)',
  })
  async actorEmail(
    @Parent() entry: AuditEntryEntity,
    @Context() ctx: GraphQLContext,
  ): Promise<string | null> {
    if (!entry.actorUserId || !mayAccess(actorOf(ctx), Permission.AUDIT_LOG_READ)) return null;
    const user = await this.users.load(ctx, entry.actorUserId);
    return user?.email ?? null;
  }

  @ResolveField(() => String, { description: 'Details as a JSON object' })
  details(@Parent() entry: AuditEntryEntity): string {
    return JSON.stringify(entry.details ?? {});
  }
}
