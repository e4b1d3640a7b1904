import { Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import type { GraphQLContext } from '../../core/graphql/loaders';
import { TopicEntity } from './topic.entity';
import { TopicService } from './topic.service';

@Resolver(() => TopicEntity)
export class TopicResolver {
  constructor(private readonly topicService: TopicService) {}

  @Access(AccessLevel.PUBLIC)
  @Query(() => [TopicEntity], {
    description: 'Topics in display order; action fields are children of their parent topic.',
  })
  topics(): Promise<TopicEntity[]> {
    return this.topicService.list();
  }

  @ResolveField(() => TopicEntity, { nullable: true })
  parent(
    @Parent() topic: TopicEntity,
    @Context() ctx: GraphQLContext,
  ): Promise<TopicEntity | null> {
    if (!topic.parentId) return Promise.resolve(null);
    return ctx.loaders
      .get('topicById', (ids: readonly string[]) => this.topicService.byIds(ids))
      .load(topic.parentId);
  }

  @ResolveField(() => [TopicEntity])
  children(@Parent() topic: TopicEntity, @Context() ctx: GraphQLContext): Promise<TopicEntity[]> {
    return ctx.loaders
      .get('topicChildren', (ids: readonly string[]) => this.topicService.childrenOf(ids))
      .load(topic.id);
  }
}
