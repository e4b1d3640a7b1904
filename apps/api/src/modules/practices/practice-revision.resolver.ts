import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { GraphQLContext } from '../../core/graphql/loaders';
import type { Actor } from '../../core/tenancy/actor';
import { Person } from '../users/dto/person.type';
import { UsersService } from '../users/users.service';
import { PracticeRevisionType, toPracticeRevision } from './dto/practice-revision.type';
import { PracticeType, toPractice } from './dto/practice.type';
import { PracticeRevisionService } from './practice-revision.service';

@Resolver(() => PracticeRevisionType)
export class PracticeRevisionResolver {
  constructor(
    private readonly revisions: PracticeRevisionService,
    private readonly users: UsersService,
  ) {}

  @Access(AccessLevel.PUBLIC)
  @Query(() => [PracticeRevisionType], { description: 'Every saved state, newest first.' })
  async practiceRevisions(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PracticeRevisionType[]> {
    return (await this.revisions.revisions(actor, id)).map(toPracticeRevision);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => PracticeType, {
    description: 'Make an old revision the current one (coordinators); keeps history.',
  })
  async restorePracticeRevision(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('number', { type: () => Int }) number: number,
  ): Promise<PracticeType> {
    return toPractice(await this.revisions.restore(actor, id, number));
  }

  @ResolveField(() => Person, { nullable: true, description: 'Who saved it, for the city' })
  author(
    @Parent() revision: PracticeRevisionType,
    @Context() ctx: GraphQLContext,
  ): Promise<Person | null> {
    return this.users.loadPerson(ctx, revision.authorId, revision.cityId);
  }
}
