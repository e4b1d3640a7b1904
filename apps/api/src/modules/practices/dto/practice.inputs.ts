import { CityKind } from '@wissensnetz/domain';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { PracticeStatus, PracticeVisibility } from './practice-enums';

@InputType()
export class PracticeLinkInput {
  @Field()
  label!: string;

  @Field()
  url!: string;
}

/** The editable content of a practice; absent fields keep their value on update. */
@InputType()
export class PracticeContentInput {
  @Field({ nullable: true })
  title?: string;

  @Field({ nullable: true })
  summary?: string;

  @Field({ nullable: true, description: 'Markdown' })
  body?: string;

  @Field(() => [String], { nullable: true })
  topicSlugs?: string[];

  @Field(() => [String], { nullable: true })
  tags?: string[];

  @Field(() => PracticeVisibility, { nullable: true })
  visibility?: PracticeVisibility;

  @Field(() => String, { nullable: true })
  contactName?: string | null;

  @Field(() => String, { nullable: true })
  contactEmail?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  periodFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  periodTo?: string | null;

  @Field(() => String, { nullable: true })
  outcomes?: string | null;

  @Field(() => String, { nullable: true })
  resourcesNeeded?: string | null;

  @Field(() => String, { nullable: true })
  partners?: string | null;

  @Field(() => [PracticeLinkInput], { nullable: true })
  links?: PracticeLinkInput[];
}

@InputType()
export class CreatePracticeInput extends PracticeContentInput {
  @Field()
  citySlug!: string;
}

@InputType()
export class UpdatePracticeInput extends PracticeContentInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, {
    description: 'The revision the edit started from; a newer one on the server is a CONFLICT',
  })
  expectedRevision!: number;
}

@InputType()
export class PracticeFilter {
  @Field(() => String, { nullable: true })
  citySlug?: string | null;

  @Field(() => [String], { nullable: true })
  topicSlugs?: string[] | null;

  @Field(() => PracticeStatus, { nullable: true })
  status?: PracticeStatus | null;
}

@InputType()
export class PracticeSearchFilter {
  @Field(() => [String], { nullable: true })
  topicSlugs?: string[] | null;

  @Field(() => [String], { nullable: true })
  federalStates?: string[] | null;

  @Field(() => [String], { nullable: true })
  citySlugs?: string[] | null;

  @Field(() => [Int], { nullable: true })
  joinedYears?: number[] | null;

  @Field(() => [CityKind], { nullable: true })
  kinds?: CityKind[] | null;
}

@InputType()
export class SendPracticeBackInput {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'What the author should change (required, at most 2000 characters)' })
  comment!: string;
}
