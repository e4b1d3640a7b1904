import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

/** A workshop held in one action field (public: no personal data). */
@ObjectType('Workshop')
export class WorkshopType {
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

  @Field({ description: 'The day it was held (YYYY-MM-DD)' })
  heldOn!: string;

  @Field(() => Int, { description: 'How many took part' })
  participants!: number;

  @Field({ description: 'Outcomes (Markdown)' })
  outcomes!: string;

  @Field(() => Int, {
    description: 'How many suggestions it brought in (their texts are not public)',
  })
  resultCount!: number;

  @Field({ description: 'The caller may edit or delete it and enter its results' })
  viewerCanEdit!: boolean;
}

@InputType()
export class RecordWorkshopInput {
  @Field(() => ID)
  initiativeId!: string;

  @Field(() => ID)
  fieldId!: string;

  @Field()
  title!: string;

  @Field({ description: 'YYYY-MM-DD, not in the future' })
  heldOn!: string;

  @Field(() => Int, { description: '0 to 100000' })
  participants!: number;

  @Field({ defaultValue: '', description: 'Markdown, at most 8000 characters' })
  outcomes!: string;
}

/** The action field stays: the workshop's results belong to it. */
@InputType()
export class UpdateWorkshopInput {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  heldOn!: string;

  @Field(() => Int)
  participants!: number;

  @Field({ defaultValue: '' })
  outcomes!: string;
}

/** Results of a workshop: suggestions of channel WORKSHOP in its action field. */
@InputType()
export class EnterWorkshopResultsInput {
  @Field(() => ID)
  workshopId!: string;

  @Field(() => [String], { description: '1 to 20 texts, each one suggestion' })
  texts!: string[];
}

export interface WorkshopRow {
  id: string;
  city_id: string;
  initiative_id: string;
  field_id: string;
  field_name: string;
  title: string;
  held_on: string;
  participants: number;
  outcomes: string;
}

export function toWorkshop(row: WorkshopRow, resultCount: number, viewerCanEdit: boolean) {
  return {
    id: row.id,
    initiativeId: row.initiative_id,
    fieldId: row.field_id,
    fieldName: row.field_name,
    title: row.title,
    heldOn: row.held_on,
    participants: row.participants,
    outcomes: row.outcomes,
    resultCount,
    viewerCanEdit,
  } satisfies WorkshopType;
}
