import { Field, ID, InputType } from '@nestjs/graphql';
import { InitiativeStatus } from './initiative.type';
import { SuggestionChannel, SuggestionStatus } from './suggestion.type';

@InputType()
export class InitiativeFieldInput {
  @Field({ description: 'Own name, or the topic’s name when topicId is given and name is empty' })
  name!: string;

  @Field(() => ID, { nullable: true })
  topicId?: string | null;

  @Field({ defaultValue: false })
  sensitive!: boolean;
}

@InputType()
export class SteeringMemberInput {
  @Field()
  name!: string;

  @Field({ defaultValue: '' })
  organisation!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'A member of the city: then they work the queue',
  })
  personId?: string | null;
}

@InputType()
export class CreateInitiativeInput {
  @Field()
  citySlug!: string;

  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field({ defaultValue: '' })
  description!: string;

  @Field(() => [InitiativeFieldInput])
  fields!: InitiativeFieldInput[];

  @Field(() => [SteeringMemberInput], { defaultValue: [] })
  steeringGroup!: SteeringMemberInput[];
}

@InputType()
export class UpdateInitiativeInput {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => InitiativeStatus)
  status!: InitiativeStatus;
}

/** What a resident sends (no account). */
@InputType()
export class SubmitSuggestionInput {
  @Field()
  citySlug!: string;

  @Field()
  initiativeSlug!: string;

  @Field(() => ID)
  fieldId!: string;

  @Field()
  text!: string;

  @Field(() => String, { nullable: true })
  place?: string | null;

  @Field(() => String, { nullable: true })
  contactName?: string | null;

  @Field(() => String, { nullable: true })
  contactEmail?: string | null;

  @Field(() => String, { nullable: true })
  contactPhone?: string | null;

  @Field({ defaultValue: false, description: 'Explicit consent to store the contact details' })
  contactConsent!: boolean;

  @Field({ description: 'The solved ALTCHA challenge (base64 JSON payload)' })
  altcha!: string;
}

/** What the Familienbüro enters for a resident who came in person, called or wrote. */
@InputType()
export class EnterSuggestionInput {
  @Field(() => ID)
  initiativeId!: string;

  @Field(() => ID)
  fieldId!: string;

  @Field(() => SuggestionChannel)
  channel!: SuggestionChannel;

  @Field()
  text!: string;

  @Field(() => String, { nullable: true })
  place?: string | null;

  @Field(() => String, { nullable: true })
  contactName?: string | null;

  @Field(() => String, { nullable: true })
  contactEmail?: string | null;

  @Field(() => String, { nullable: true })
  contactPhone?: string | null;

  @Field({ defaultValue: false, description: 'The resident agreed to store the contact details' })
  contactConsent!: boolean;
}

@InputType()
export class ChangeSuggestionStatusInput {
  @Field(() => ID)
  id!: string;

  @Field(() => SuggestionStatus)
  status!: SuggestionStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Reason or answer the resident sees; required for ANSWERED and NOT_PURSUED',
  })
  reason?: string | null;
}

/** Rename an action field, or mark it sensitive (back only while it has no suggestions). */
@InputType()
export class UpdateInitiativeFieldInput {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  sensitive!: boolean;
}

@InputType()
export class UpdateSteeringMemberInput {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ defaultValue: '' })
  organisation!: string;

  @Field(() => ID, { nullable: true, description: 'A member of the city, or null for none' })
  personId?: string | null;
}
