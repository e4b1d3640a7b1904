import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { GraphQLContext } from '../../core/graphql/loaders';
import type { Actor } from '../../core/tenancy/actor';
import { CityType, toCity } from '../cities/dto/city.type';
import { CityService } from '../cities/city.service';
import { RegisterForConferenceInput } from './dto/conference.inputs';
import {
  ParticipantType,
  RegistrationType,
  toParticipant,
  toRegistration,
} from './dto/registration.type';
import { ConferenceService } from './conference.service';
import { ConferenceType, toConference } from './dto/conference.type';
import { RegistrationService } from './registration.service';
import { WaitlistService } from './waitlist.service';
import { WaitlistDirection } from './dto/conference.enums';

@Resolver(() => RegistrationType)
export class RegistrationResolver {
  constructor(
    private readonly registrationService: RegistrationService,
    private readonly cityService: CityService,
    private readonly conferenceService: ConferenceService,
    private readonly waitlistService: WaitlistService,
  ) {}

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => RegistrationType, {
    description: 'A coordinator registers participants of their city; beyond capacity: waitlist.',
  })
  async registerForConference(
    @CurrentActor() actor: Actor,
    @Args('input') input: RegisterForConferenceInput,
  ): Promise<RegistrationType> {
    return toRegistration(await this.registrationService.register(actor, input));
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => RegistrationType, { description: 'Frees the places; the waitlist moves up.' })
  async cancelRegistration(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<RegistrationType> {
    return toRegistration(await this.registrationService.cancel(actor, id));
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => RegistrationType, {
    description:
      'Organizers: confirm a waiting registration now, out of line, within the capacity (audited).',
  })
  async confirmWaitlistedRegistration(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<RegistrationType> {
    return toRegistration(await this.waitlistService.confirmNow(actor, id));
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => RegistrationType, {
    description: 'Organizers: move a waiting registration one place up or down (audited).',
  })
  async moveWaitlistedRegistration(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('direction', { type: () => WaitlistDirection }) direction: WaitlistDirection,
  ): Promise<RegistrationType> {
    return toRegistration(await this.waitlistService.move(actor, id, direction));
  }

  @ResolveField(() => CityType)
  async city(
    @Parent() registration: RegistrationType,
    @Context() ctx: GraphQLContext,
  ): Promise<CityType> {
    return toCity(
      await this.cityService.loadExisting(
        ctx,
        registration.cityId,
        `registration ${registration.id}`,
      ),
    );
  }

  @ResolveField(() => ConferenceType, { nullable: true })
  async conference(
    @CurrentActor() actor: Actor,
    @Parent() registration: RegistrationType,
    @Context() ctx: GraphQLContext,
  ): Promise<ConferenceType | null> {
    const conference = await this.conferenceService.load(actor, ctx, registration.conferenceId);
    return conference ? toConference(conference) : null;
  }

  @ResolveField(() => [ParticipantType], {
    description: 'Personal data: the registering city and organizers only',
  })
  async participants(
    @CurrentActor() actor: Actor,
    @Parent() registration: RegistrationType,
  ): Promise<ParticipantType[]> {
    return (await this.registrationService.participants(actor, registration)).map(toParticipant);
  }

  @ResolveField(() => Int, { nullable: true, description: '1 = next in line' })
  waitlistPosition(
    @CurrentActor() actor: Actor,
    @Parent() registration: RegistrationType,
  ): Promise<number | null> {
    return this.registrationService.waitlistPosition(actor, registration);
  }
}
