import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/** An action field as its coordinators manage it: with who sees contact details. */
@ObjectType('ManagedInitiativeField')
export class ManagedInitiativeFieldType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => ID, { nullable: true })
  topicId!: string | null;

  @Field()
  sensitive!: boolean;

  @Field(() => Int, { description: 'Suggestions in this field: with any it cannot be removed' })
  suggestionCount!: number;

  @Field(() => [ID], {
    description: 'The members of the city named to see contact details of this field',
  })
  contactPersonIds!: string[];
}

/** A steering-group member as coordinators manage them: with the linked account. */
@ObjectType('ManagedSteeringMember')
export class ManagedSteeringMemberType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  organisation!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The member account of the city (works the queue), if linked',
  })
  personId!: string | null;
}

/** What only the city's coordinators see of an initiative: the settings behind the page. */
@ObjectType('InitiativeManagement')
export class InitiativeManagementType {
  @Field(() => ID)
  initiativeId!: string;

  @Field(() => [ManagedInitiativeFieldType])
  fields!: ManagedInitiativeFieldType[];

  @Field(() => [ManagedSteeringMemberType])
  steeringGroup!: ManagedSteeringMemberType[];
}
