import { Field, ID, InputType } from '@nestjs/graphql';

@InputType('DeleteMyAccountInput')
export class DeleteMyAccountInput {
  @Field({ description: 'The current password, to confirm' })
  password!: string;
}

@InputType('EraseAccountInput')
export class EraseAccountInput {
  @Field(() => ID, { description: 'The account to erase' })
  userId!: string;

  @Field({ description: 'Why (e.g. the erasure request it carries out); kept in the audit log' })
  reason!: string;
}
