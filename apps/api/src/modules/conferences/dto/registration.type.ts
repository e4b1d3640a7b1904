import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Participant } from '../conference-input';
import type { RegistrationEntity } from '../conference.entity';
import { RegistrationStatus } from './conference.enums';

/** A city's registration for a conference; only the city and organizers see it (row-level security). */
@ObjectType('Registration')
export class RegistrationType {
  /** The registering city and the conference (not shown as such). */
  cityId!: string;
  conferenceId!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => RegistrationStatus)
  status!: RegistrationStatus;

  @Field(() => Int)
  participantCount!: number;

  @Field({
    description: 'The waiting rest of a registration split into a confirmed and a waiting part',
  })
  splitRest!: boolean;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  cancelledAt!: Date | null;
}

/** A person a city registered: personal data for the registering city and organizers. */
@ObjectType('Participant')
export class ParticipantType {
  @Field()
  name!: string;

  @Field()
  email!: string;

  @Field()
  role!: string;

  @Field()
  needs!: string;
}

export function toRegistration(registration: RegistrationEntity): RegistrationType {
  return {
    cityId: registration.cityId,
    conferenceId: registration.conferenceId,
    id: registration.id,
    status: registration.status,
    participantCount: registration.participantCount,
    splitRest: registration.splitRest,
    createdAt: registration.createdAt,
    cancelledAt: registration.cancelledAt,
  };
}

export function toParticipant(participant: Participant): ParticipantType {
  return {
    name: participant.name,
    email: participant.email,
    role: participant.role,
    needs: participant.needs,
  };
}
