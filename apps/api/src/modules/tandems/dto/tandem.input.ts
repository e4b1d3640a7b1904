import { Field, InputType } from '@nestjs/graphql';
import { TandemStatus } from './tandem-enums';

@InputType()
export class ProposeTandemInput {
  @Field()
  newCitySlug!: string;

  @Field()
  partnerCitySlug!: string;

  @Field(() => String, { nullable: true })
  goals?: string | null;
}

@InputType()
export class TandemFilter {
  @Field(() => String, { nullable: true })
  citySlug?: string | null;

  @Field(() => TandemStatus, { nullable: true })
  status?: TandemStatus | null;
}
