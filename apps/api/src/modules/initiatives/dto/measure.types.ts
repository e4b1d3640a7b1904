import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum MeasureStatus {
  PLANNED = 'PLANNED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
}
registerEnumType(MeasureStatus, { name: 'MeasureStatus' });

/** A practice of another city that inspired a measure ("Vorbild: Lemgo: …"). */
@ObjectType('ModelPractice')
export class ModelPracticeType {
  @Field(() => ID)
  practiceId!: string;

  @Field()
  title!: string;

  @Field()
  citySlug!: string;

  @Field()
  cityName!: string;
}

/** A measure (Maßnahme) of an initiative: public, without personal data. */
@ObjectType('Measure')
export class MeasureType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  initiativeId!: string;

  @Field(() => ID)
  fieldId!: string;

  @Field()
  fieldName!: string;

  @Field()
  title!: string;

  @Field({ description: 'Plain text' })
  goal!: string;

  @Field({ description: 'Responsible actors (organisations), free text' })
  actors!: string;

  @Field(() => MeasureStatus)
  status!: MeasureStatus;

  @Field(() => ID, { nullable: true, description: 'The practice it became (done measures)' })
  practiceId!: string | null;

  @Field(() => [ModelPracticeType], { description: 'Practices of other cities the caller may see' })
  modelPractices!: ModelPracticeType[];

  @Field(() => Int, {
    nullable: true,
    description: 'Linked suggestions; only for those who edit the measure (null otherwise)',
  })
  suggestionCount!: number | null;

  @Field({ description: 'The caller edits it (the initiative’s queue users)' })
  viewerCanEdit!: boolean;
}

/** A measure as the queue and the follow link show it next to a suggestion. */
@ObjectType('MeasureRef')
export class MeasureRefType {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => MeasureStatus)
  status!: MeasureStatus;
}

/** The public figures of one action field: counts only, never a suggestion. */
@ObjectType('InitiativeFieldFigures')
export class FieldFiguresType {
  @Field(() => ID)
  fieldId!: string;

  @Field()
  fieldName!: string;

  @Field()
  sensitive!: boolean;

  @Field(() => Int, { description: 'Suggestions received (not withdrawn, not merged)' })
  received!: number;

  @Field(() => Int)
  takenUp!: number;

  @Field(() => [MeasureType])
  measures!: MeasureType[];
}

/** A done measure turned into a draft practice: the editor opens it. */
@ObjectType('MeasurePractice')
export class MeasurePracticeType {
  @Field(() => ID)
  practiceId!: string;

  @Field(() => MeasureType)
  measure!: MeasureType;
}

/** Across the network, one topic (or the cities' own fields): counts only. */
@ObjectType('NetworkMeasureFigures')
export class NetworkMeasureFiguresType {
  @Field(() => ID, { nullable: true, description: 'Null: action fields of the cities’ own' })
  topicId!: string | null;

  @Field(() => String, { nullable: true })
  topicName!: string | null;

  @Field(() => String, { nullable: true })
  topicNameEn!: string | null;

  @Field(() => Int, { description: 'Cities with an initiative in this field' })
  cities!: number;

  @Field(() => Int)
  initiatives!: number;

  @Field(() => Int)
  planned!: number;

  @Field(() => Int)
  running!: number;

  @Field(() => Int)
  done!: number;
}

/** The public totals of the network's initiatives. */
@ObjectType('NetworkMeasureTotals')
export class NetworkMeasureTotalsType {
  @Field(() => Int)
  cities!: number;

  @Field(() => Int)
  initiatives!: number;

  @Field(() => Int)
  measures!: number;

  @Field(() => Int)
  done!: number;
}

/** A measure of another city, for "what other cities do in this field". */
@ObjectType('OtherCityMeasure')
export class OtherCityMeasureType {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => MeasureStatus)
  status!: MeasureStatus;

  @Field()
  citySlug!: string;

  @Field()
  cityName!: string;

  @Field()
  initiativeSlug!: string;

  @Field()
  initiativeName!: string;
}

/** What other cities do in the topic of one of the initiative's action fields. */
@ObjectType('OtherCitiesInField')
export class OtherCitiesInFieldType {
  @Field(() => ID)
  fieldId!: string;

  @Field()
  fieldName!: string;

  @Field(() => String, { nullable: true })
  topicName!: string | null;

  @Field(() => [OtherCityMeasureType])
  measures!: OtherCityMeasureType[];

  @Field(() => [ModelPracticeType], { description: 'Published practices the caller may see' })
  practices!: ModelPracticeType[];
}
