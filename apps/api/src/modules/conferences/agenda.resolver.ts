import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { Actor } from '../../core/tenancy/actor';
import { utcToBerlin } from '../../core/time/berlin-time';
import { AgendaService } from './agenda.service';
import { AgendaSessionType, toAgendaSession } from './dto/agenda-session.type';
import { AgendaSessionInput, UpdateAgendaSessionInput } from './dto/conference.inputs';

@Resolver(() => AgendaSessionType)
export class AgendaSessionResolver {
  constructor(private readonly agenda: AgendaService) {}

  @Access(AccessLevel.ORGANIZER)
  @Mutation(() => AgendaSessionType)
  async addAgendaSession(
    @CurrentActor() actor: Actor,
    @Args('input') input: AgendaSessionInput,
  ): Promise<AgendaSessionType> {
    return toAgendaSession(await this.agenda.add(actor, input));
  }

  @Access(AccessLevel.ORGANIZER)
  @Mutation(() => AgendaSessionType)
  async updateAgendaSession(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateAgendaSessionInput,
  ): Promise<AgendaSessionType> {
    return toAgendaSession(await this.agenda.update(actor, input));
  }

  @Access(AccessLevel.ORGANIZER)
  @Mutation(() => Boolean)
  removeAgendaSession(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.agenda.remove(actor, id);
  }

  @ResolveField(() => String)
  startsAtLocal(@Parent() session: AgendaSessionType): string {
    return utcToBerlin(session.startsAt);
  }

  @ResolveField(() => String)
  endsAtLocal(@Parent() session: AgendaSessionType): string {
    return utcToBerlin(session.endsAt);
  }
}
