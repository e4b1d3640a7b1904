import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CityType } from '../../cities/dto/city.type';
import { MembershipType } from '../../memberships/dto/membership.type';
import type { UserEntity } from '../user.entity';
// The enum as registered for GraphQL (only the person themselves sees their network role).
import { NetworkRole } from './network-role';
import { MailCadence } from './mail-cadence';

/** The signed-in user as they see themselves: the only type with their settings and network role. */
@ObjectType('Me')
export class Me {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  displayName!: string;

  @Field()
  locale!: string;

  @Field(() => NetworkRole)
  networkRole!: NetworkRole;

  @Field({
    description: 'Any e-mail at all (some stream is not NEVER); setting it sets every stream',
  })
  emailNotifications!: boolean;

  @Field(() => MailCadence, { description: 'E-mail for notes and changes of your tandems' })
  mailTandem!: MailCadence;

  @Field(() => MailCadence, {
    description: "E-mail for your city's work: reviews, registrations, follow-ups",
  })
  mailCity!: MailCadence;

  @Field(() => MailCadence, {
    description: 'E-mail for network news: practices on what you follow, conferences, records',
  })
  mailNetwork!: MailCadence;

  @Field(() => [MembershipType])
  memberships!: MembershipType[];

  @Field(() => CityType, {
    nullable: true,
    description: 'The city the user acts for in the web app',
  })
  actingCity!: CityType | null;
}

/** The person's own view of their account, field by field (never the password hash). */
export function toMe(
  user: UserEntity,
  memberships: MembershipType[],
  actingCity: CityType | null,
): Me {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    networkRole: user.networkRole,
    emailNotifications: [user.mailTandem, user.mailCity, user.mailNetwork].some(
      (cadence) => cadence !== MailCadence.NEVER,
    ),
    mailTandem: user.mailTandem,
    mailCity: user.mailCity,
    mailNetwork: user.mailNetwork,
    memberships,
    actingCity,
  };
}
