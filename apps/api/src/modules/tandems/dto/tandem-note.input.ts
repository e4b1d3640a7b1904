import { Field, ID, InputType } from '@nestjs/graphql';
import { TandemNoteKind } from './tandem-enums';

@InputType()
export class AddTandemNoteInput {
  @Field(() => ID)
  tandemId!: string;

  @Field(() => TandemNoteKind)
  kind!: TandemNoteKind;

  @Field({ description: 'Markdown' })
  body!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; required for visits' })
  visitDate?: string | null;

  @Field(() => String, { nullable: true })
  place?: string | null;
}

@InputType()
export class UpdateTandemNoteInput {
  @Field(() => ID)
  id!: string;

  @Field()
  body!: string;

  @Field(() => String, { nullable: true })
  visitDate?: string | null;

  @Field(() => String, { nullable: true })
  place?: string | null;
}
