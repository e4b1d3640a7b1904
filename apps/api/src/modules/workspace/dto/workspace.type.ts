import { Field, Int, ObjectType } from '@nestjs/graphql';
import { MembershipRole } from '../../memberships/dto/membership.type';
import { PracticeStatus } from '../../practices/dto/practice-enums';
import { TandemType } from '../../tandems/dto/tandem.type';

/**
 * A city's workspace for one of its members: what needs them. Each part is a field, filled
 * by the feature it belongs to (practices, tandems, conferences, memberships).
 */
@ObjectType('CityWorkspace')
export class CityWorkspaceType {
  /** The city (not shown as such: `city` resolves it). */
  cityId!: string;
  citySlug!: string;

  @Field(() => MembershipRole, { description: 'Your role in the city' })
  viewerRole!: MembershipRole;
}

@ObjectType('PracticeStatusCount')
export class PracticeStatusCount {
  @Field(() => PracticeStatus)
  status!: PracticeStatus;

  @Field(() => Int)
  count!: number;
}

/** One of the city's tandems, seen from the city: the partner and what is new since your last visit. */
@ObjectType('WorkspaceTandem')
export class WorkspaceTandemType {
  /** The city on the other side (not shown as such: `partnerCity` resolves it). */
  partnerCityId!: string;

  @Field(() => TandemType)
  tandem!: TandemType;

  @Field(() => Int, { description: 'Notes the others wrote since you last opened the tandem' })
  newNoteCount!: number;

  @Field(() => Date, { nullable: true, description: 'When you last opened the tandem' })
  lastSeenAt!: Date | null;
}
