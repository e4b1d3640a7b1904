import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { TopicEntity } from '../topic.entity';

/** A theme of the network's shared work; action fields are children of their theme. */
@ObjectType('Topic')
export class TopicType {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field({ description: 'German name' })
  name!: string;

  @Field()
  nameEn!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true })
  descriptionEn!: string | null;

  /** For the parent field's loader; not in the schema. */
  parentId!: string | null;
}

export function toTopic(topic: TopicEntity): TopicType {
  return {
    id: topic.id,
    slug: topic.slug,
    name: topic.name,
    nameEn: topic.nameEn,
    description: topic.description,
    descriptionEn: topic.descriptionEn,
    parentId: topic.parentId,
  };
}

export const toTopics = (topics: readonly TopicEntity[]): TopicType[] => topics.map(toTopic);
