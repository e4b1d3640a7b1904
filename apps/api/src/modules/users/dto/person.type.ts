import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { UserEntity } from '../user.entity';

/**
 * Someone shown to others (an author, a member in a list, who did something). Public by
 * design: only what every caller who can see the surrounding row may see. E-mail, settings
 * and roles are not here; the person sees them as `Me`, and where someone else may reach
 * them (a city's coordinators their members) the relation carries them (`Membership.email`).
 */
@ObjectType('Person', { description: 'Someone shown to others: name and the city they act for' })
export class Person {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Empty for a former member (an erased account)' })
  displayName!: string;

  @Field({
    description:
      'The account was erased: show "former member of <city>" (the city in whose name the person appears here)',
  })
  formerMember!: boolean;

  /** The city in whose name the person appears where they are shown (resolved to `city`). */
  cityId!: string | null;
}

/** The one way from an account to what others see of it: copies only the public columns. */
export function toPerson(user: UserEntity, cityId: string | null): Person {
  const formerMember = user.erasedAt != null;
  return { id: user.id, displayName: formerMember ? '' : user.displayName, formerMember, cityId };
}
