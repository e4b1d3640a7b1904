import { Field, ID, InputType } from '@nestjs/graphql';
import { MeasureStatus } from './measure.types';

@InputType()
export class NewMeasureInput {
  @Field()
  title!: string;

  @Field({ defaultValue: '' })
  goal!: string;

  @Field({ defaultValue: '', description: 'Responsible actors (organisations), free text' })
  actors!: string;
}

@InputType()
export class CreateMeasureInput extends NewMeasureInput {
  @Field(() => ID)
  initiativeId!: string;

  @Field(() => ID)
  fieldId!: string;

  @Field(() => MeasureStatus, { defaultValue: MeasureStatus.PLANNED })
  status!: MeasureStatus;
}

@InputType()
export class UpdateMeasureInput extends NewMeasureInput {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  fieldId!: string;

  @Field(() => MeasureStatus)
  status!: MeasureStatus;
}

@InputType({ description: 'Take a suggestion up into a measure: an existing one or a new one' })
export class TakeUpSuggestionInput {
  @Field(() => ID)
  suggestionId!: string;

  @Field(() => ID, { nullable: true })
  measureId?: string | null;

  @Field(() => NewMeasureInput, {
    nullable: true,
    description: 'A new measure in the suggestion’s field',
  })
  newMeasure?: NewMeasureInput | null;

  @Field(() => String, { nullable: true, description: 'What the resident reads' })
  reason?: string | null;
}
