import { Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import type { GraphQLContext } from '../../core/graphql/loaders';
import { TopicType, toTopic, toTopics } from './dto/topic.type';
import { TopicService } from './topic.service';

@Resolver(() => TopicType)
export class TopicResolver {
  constructor(private readonly topicService: TopicService) {}

  @Access(AccessLevel.PUBLIC)
  @Query(() => [TopicType], {
    description: 'Topics in display order; action fields are children of their parent topic.',
  })
  topics(): Promise<TopicType[]> {
    return this.topicService.list().then(toTopics);
  }

  @ResolveField(() => TopicType, { nullable: true })
  parent(@Parent() topic: TopicType, @Context() ctx: GraphQLContext): Promise<TopicType | null> {
    if (!topic.parentId) return Promise.resolve(null);
    return ctx.loaders
      .get('topicById', (ids: readonly string[]) => this.topicService.byIds(ids))
      .load(topic.parentId)
      .then((parent) => (parent ? toTopic(parent) : null));
  }

  @ResolveField(() => [TopicType])
  children(@Parent() topic: TopicType, @Context() ctx: GraphQLContext): Promise<TopicType[]> {
    return ctx.loaders
      .get('topicChildren', (ids: readonly string[]) => this.topicService.childrenOf(ids))
      .load(topic.id)
      .then(toTopics);
  }
}
