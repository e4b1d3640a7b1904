import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';

@InputType('AccessibilityFeedbackInput')
export class AccessibilityFeedbackInput {
  @Field({ description: 'What is not accessible, or which content is needed accessibly' })
  message!: string;
  @Field(() => String, { nullable: true, description: 'The page concerned (address or name)' })
  page?: string | null;
  @Field(() => String, { nullable: true, description: 'Optional, for the answer' })
  name?: string | null;
  @Field(() => String, { nullable: true, description: 'Optional, for the answer' })
  email?: string | null;
  @Field(() => String, { nullable: true, description: '"de" (default) or "en"' })
  locale?: string | null;
}

@ObjectType('AccessibilityFeedbackReceipt', {
  description: 'What the sender is told: the reference and by when they get an answer',
})
export class AccessibilityFeedbackReceipt {
  @Field(() => ID)
  reference!: string;
  @Field()
  receivedAt!: Date;
  @Field({ description: 'Answer due by (date, Europe/Berlin): four weeks after receipt' })
  dueOn!: string;
}

@ObjectType('AccessibilityFeedback', { description: 'Feedback on accessibility (organizers only)' })
export class AccessibilityFeedbackType {
  @Field(() => ID)
  id!: string;
  @Field()
  message!: string;
  @Field(() => String, { nullable: true })
  page!: string | null;
  @Field(() => String, { nullable: true })
  senderName!: string | null;
  @Field(() => String, { nullable: true })
  senderEmail!: string | null;
  @Field()
  locale!: string;
  @Field()
  receivedAt!: Date;
  @Field()
  dueOn!: string;
}
