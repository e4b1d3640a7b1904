import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum InitiativeStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(InitiativeStatus, { name: 'InitiativeStatus' });

/** An action field of an initiative (e.g. "Jugend", "Häusliche Gewalt"). */
@ObjectType('InitiativeField')
export class InitiativeFieldType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => ID, { nullable: true, description: 'The network topic it stands for, if any' })
  topicId!: string | null;

  @Field({
    description:
      'Sensitive (e.g. domestic violence): suggestions are never public, the form shows help numbers first, contact details only for the named field contacts',
  })
  sensitive!: boolean;
}

/** A steering-group member as the public page shows them: name and organisation, no e-mail. */
@ObjectType('SteeringMember')
export class SteeringMemberType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  organisation!: string;
}

/** A city's local initiative (public). */
@ObjectType('Initiative')
export class InitiativeType {
  @Field(() => ID)
  id!: string;

  @Field()
  citySlug!: string;

  @Field()
  cityName!: string;

  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field({ description: 'Plain text' })
  description!: string;

  @Field(() => InitiativeStatus)
  status!: InitiativeStatus;

  @Field(() => [InitiativeFieldType])
  fields!: InitiativeFieldType[];

  @Field(() => [SteeringMemberType])
  steeringGroup!: SteeringMemberType[];

  @Field(() => Int, {
    description: 'Contact details are erased this many days after a suggestion is closed',
  })
  contactRetentionDays!: number;

  @Field({ description: 'The caller may edit it, its fields, steering group and field contacts' })
  viewerCanManage!: boolean;

  @Field({ description: 'The caller works its queue and makes staff entries' })
  viewerCanWorkQueue!: boolean;
}

export interface InitiativeRow {
  id: string;
  city_id: string;
  city_slug: string;
  city_name: string;
  slug: string;
  name: string;
  description: string;
  status: InitiativeStatus;
}

export interface FieldRow {
  id: string;
  name: string;
  topic_id: string | null;
  sensitive: boolean;
}

export interface SteeringRow {
  id: string;
  name: string;
  organisation: string;
  person_id: string | null;
}

export function toInitiative(
  row: InitiativeRow,
  fields: FieldRow[],
  steering: SteeringRow[],
  viewer: { canManage: boolean; canWorkQueue: boolean },
  contactRetentionDays: number,
): InitiativeType {
  return {
    id: row.id,
    citySlug: row.city_slug,
    cityName: row.city_name,
    slug: row.slug,
    name: row.name,
    description: row.description,
    status: row.status,
    fields: fields.map((field) => ({
      id: field.id,
      name: field.name,
      topicId: field.topic_id,
      sensitive: field.sensitive,
    })),
    steeringGroup: steering.map((member) => ({
      id: member.id,
      name: member.name,
      organisation: member.organisation,
    })),
    contactRetentionDays,
    viewerCanManage: viewer.canManage,
    viewerCanWorkQueue: viewer.canWorkQueue,
  };
}
