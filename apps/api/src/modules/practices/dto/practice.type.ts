import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../core/graphql/pagination';
import type { PracticeEntity } from '../practice.entity';
import { PracticeStatus, PracticeVisibility } from './practice-enums';

@ObjectType('PracticeLink')
export class PracticeLinkType {
  @Field()
  label!: string;

  @Field()
  url!: string;
}

/**
 * What the API shows of a practice. Whoever may see the practice (row-level security
 * decides) may see every field here, the contact person included: the city publishes it
 * with the entry. Who created or last changed it is not shown.
 */
@ObjectType('Practice')
export class PracticeType {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  summary!: string;

  @Field({ description: 'Markdown' })
  body!: string;

  @Field(() => PracticeStatus)
  status!: PracticeStatus;

  @Field(() => PracticeVisibility)
  visibility!: PracticeVisibility;

  @Field(() => [String])
  tags!: string[];

  @Field(() => String, { nullable: true })
  contactName!: string | null;

  @Field(() => String, { nullable: true })
  contactEmail!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD)' })
  periodFrom!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD)' })
  periodTo!: string | null;

  @Field(() => String, { nullable: true })
  outcomes!: string | null;

  @Field(() => String, { nullable: true })
  resourcesNeeded!: string | null;

  @Field(() => String, { nullable: true })
  partners!: string | null;

  @Field(() => [PracticeLinkType])
  links!: PracticeLinkType[];

  @Field(() => Int, { description: 'Number of the current revision; send it back when saving' })
  revision!: number;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why a coordinator sent it back to draft; cleared when it is submitted again or published',
  })
  reviewComment!: string | null;

  @Field(() => Date, { nullable: true })
  reviewCommentAt!: Date | null;

  /** The owning city, for `city` and the viewerCan* fields; not in the schema. */
  cityId!: string;
}

@ObjectType('PracticeConnection')
export class PracticeConnection extends ConnectionType(PracticeType, 'Practice') {}

/** The API shape of a practice, field by field (a new column is not shown until added here). */
export function toPractice(practice: PracticeEntity): PracticeType {
  return {
    id: practice.id,
    cityId: practice.cityId,
    title: practice.title,
    summary: practice.summary,
    body: practice.body,
    status: practice.status,
    reviewComment: practice.reviewComment,
    reviewCommentAt: practice.reviewCommentAt,
    visibility: practice.visibility,
    tags: practice.tags,
    contactName: practice.contactName,
    contactEmail: practice.contactEmail,
    periodFrom: practice.periodFrom,
    periodTo: practice.periodTo,
    outcomes: practice.outcomes,
    resourcesNeeded: practice.resourcesNeeded,
    partners: practice.partners,
    links: (practice.links ?? []).map((link) => ({ label: link.label, url: link.url })),
    revision: practice.revision,
    createdAt: practice.createdAt,
    updatedAt: practice.updatedAt,
    publishedAt: practice.publishedAt,
  };
}

export const toPractices = (practices: readonly PracticeEntity[]): PracticeType[] =>
  practices.map(toPractice);
