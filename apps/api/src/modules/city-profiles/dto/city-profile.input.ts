import { Field, InputType, Int } from '@nestjs/graphql';

/** The whole editable profile as the editor shows it (a save replaces every field). */
@InputType()
export class UpdateCityProfileInput {
  @Field()
  citySlug!: string;

  @Field(() => Int, {
    description: 'The revision the editor started from (0 before the first save)',
  })
  expectedRevision!: number;

  @Field({ description: 'Markdown' })
  about!: string;

  @Field(() => [String], { description: 'Slugs of network topics, at most 10' })
  focusTopicSlugs!: string[];

  @Field(() => String, { nullable: true })
  contactName?: string | null;

  @Field(() => String, { nullable: true })
  contactRole?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The city's public contact address: shown on the city page",
  })
  contactEmail?: string | null;

  @Field(() => String, { nullable: true, description: 'Public, shown on the city page' })
  contactPhone?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal address, several lines' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'http or https URL' })
  website?: string | null;

  @Field({ description: '#rrggbb' })
  brandColor!: string;
}
