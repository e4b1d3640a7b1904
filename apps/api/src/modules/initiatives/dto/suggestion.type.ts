import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum SuggestionChannel {
  ONLINE = 'ONLINE',
  IN_PERSON = 'IN_PERSON',
  PHONE = 'PHONE',
  LETTER = 'LETTER',
  WORKSHOP = 'WORKSHOP',
}
registerEnumType(SuggestionChannel, { name: 'SuggestionChannel' });

export enum SuggestionStatus {
  NEW = 'NEW',
  IN_REVIEW = 'IN_REVIEW',
  TAKEN_UP = 'TAKEN_UP',
  ANSWERED = 'ANSWERED',
  NOT_PURSUED = 'NOT_PURSUED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(SuggestionStatus, { name: 'SuggestionStatus' });

export enum SuggestionEventKind {
  SUBMITTED = 'SUBMITTED',
  STATUS = 'STATUS',
  MERGED = 'MERGED',
  COMMENT = 'COMMENT',
}
registerEnumType(SuggestionEventKind, { name: 'SuggestionEventKind' });

/** One step of a suggestion's history. */
@ObjectType('SuggestionEvent')
export class SuggestionEventType {
  @Field(() => SuggestionEventKind)
  kind!: SuggestionEventKind;

  @Field(() => SuggestionStatus, { nullable: true })
  status!: SuggestionStatus | null;

  @Field(() => String, { nullable: true, description: 'The reason or answer, or a comment' })
  text!: string | null;

  @Field({ description: 'Internal comment: never shown to the resident' })
  internal!: boolean;

  @Field()
  at!: Date;
}

/** What the holder of a follow link sees: their suggestion and its public history only. */
@ObjectType('FollowedSuggestion')
export class FollowedSuggestionType {
  @Field()
  citySlug!: string;

  @Field()
  cityName!: string;

  @Field()
  initiativeSlug!: string;

  @Field()
  initiativeName!: string;

  @Field()
  fieldName!: string;

  @Field()
  sensitive!: boolean;

  @Field()
  text!: string;

  @Field(() => String, { nullable: true })
  place!: string | null;

  @Field(() => SuggestionStatus)
  status!: SuggestionStatus;

  @Field(() => String, { nullable: true, description: 'The steering group’s public answer' })
  publicAnswer!: string | null;

  @Field({ description: 'Merged into another suggestion on the same matter ("zusammengeführt")' })
  merged!: boolean;

  @Field()
  createdAt!: Date;

  @Field({ description: 'The resident may still withdraw it' })
  canWithdraw!: boolean;

  @Field(() => [SuggestionEventType], { description: 'Public steps only, oldest first' })
  history!: SuggestionEventType[];
  /** Not in the API: lets the measure resolver look up the measure through the link. */
  followTokenHash?: string;
}

/** Contact details, given with consent (only for the persons the city named). */
@ObjectType('SuggestionContact')
export class SuggestionContactType {
  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;
}

/** The workshop a suggestion came from (channel WORKSHOP). */
@ObjectType('SuggestionWorkshop')
export class SuggestionWorkshopType {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;
}

/** A suggestion as the queue shows it. */
@ObjectType('QueueSuggestion')
export class QueueSuggestionType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  fieldId!: string;

  @Field()
  fieldName!: string;

  @Field()
  sensitive!: boolean;

  @Field()
  text!: string;

  @Field(() => String, { nullable: true })
  place!: string | null;

  @Field(() => SuggestionChannel)
  channel!: SuggestionChannel;

  @Field(() => SuggestionStatus)
  status!: SuggestionStatus;

  @Field(() => String, { nullable: true })
  publicAnswer!: string | null;

  @Field(() => ID, { nullable: true, description: 'The suggestion it was merged into' })
  mergedIntoId!: string | null;

  @Field()
  createdAt!: Date;

  @Field({ description: 'Contact details were given (whether or not the caller may see them)' })
  hasContact!: boolean;

  @Field(() => SuggestionWorkshopType, {
    nullable: true,
    description: 'The workshop it came from',
  })
  workshop!: SuggestionWorkshopType | null;

  @Field({ description: 'Contact details were erased after the retention period' })
  contactErased!: boolean;

  @Field(() => SuggestionContactType, {
    nullable: true,
    description:
      'Only for the named field contacts (and coordinators, if the field is not sensitive)',
  })
  contact!: SuggestionContactType | null;

  @Field(() => [SuggestionEventType], { description: 'Full history, internal comments included' })
  history!: SuggestionEventType[];
}

/** The answer to a submission: the private follow link, shown once. */
@ObjectType('SubmittedSuggestion')
export class SubmittedSuggestionType {
  @Field({ description: 'The secret of the follow link; it is stored only as a hash' })
  followToken!: string;

  @Field({ description: 'Path of the follow link in the web app' })
  followPath!: string;

  @Field({ description: 'A confirmation e-mail with the link is on its way' })
  confirmationMailed!: boolean;
}

/** A staff entry: the suggestion, and a follow link to hand to the resident. */
@ObjectType('EnteredSuggestion')
export class EnteredSuggestionType extends SubmittedSuggestionType {
  @Field(() => QueueSuggestionType)
  suggestion!: QueueSuggestionType;
}

/** An ALTCHA proof-of-work challenge for the suggestion form. */
@ObjectType('SuggestionChallenge')
export class SuggestionChallengeType {
  @Field()
  algorithm!: string;

  @Field()
  challenge!: string;

  @Field(() => Int)
  maxnumber!: number;

  @Field()
  salt!: string;

  @Field()
  signature!: string;
}
