import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { byKeys, fromCachedList } from '../../core/graphql/loaders';
import { TtlCache } from '../../core/graphql/ttl-cache';
import { TopicEntity } from './topic.entity';
import { byDisplayOrder, inDisplayOrder } from './topic-order';

@Injectable()
export class TopicService {
  /** The taxonomy is small and curated rarely; every practice list and search labels with it. */
  private readonly all = new TtlCache(30_000, () =>
    this.db.getRepository(TopicEntity).find({ order: { position: 'ASC', slug: 'ASC' } }),
  );

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** All topics: each parent in display order, directly followed by its children. */
  async list(): Promise<TopicEntity[]> {
    return inDisplayOrder(await this.all.get());
  }

  /** Ids for slugs; unknown slugs are left out (the caller decides what that means). */
  async idsBySlugs(slugs: readonly string[]): Promise<Map<string, string>> {
    if (slugs.length === 0) return new Map();
    const wanted = new Set(slugs);
    const rows = (await this.all.get()).filter((topic) => wanted.has(topic.slug));
    return new Map(rows.map((row) => [row.slug, row.id]));
  }

  /** From the cached taxonomy; only ids it does not know yet cost a query. */
  async byIds(ids: readonly string[]): Promise<Array<TopicEntity | null>> {
    return fromCachedList(await this.all.get(), ids, (missing) =>
      this.db.getRepository(TopicEntity).findBy({ id: In(missing) }),
    );
  }

  /**
   * Each owner's topics from (owner, topic) links, in display order (position, then
   * slug); one lookup for all owners. For the topics of practices (loader and search).
   */
  async ofLinks(
    owners: readonly string[],
    links: ReadonlyArray<{ owner: string; topicId: string }>,
  ): Promise<TopicEntity[][]> {
    const topics = await this.byIds([...new Set(links.map((link) => link.topicId))]);
    const byId = new Map(
      topics
        .filter((topic): topic is TopicEntity => topic !== null)
        .map((topic) => [topic.id, topic]),
    );
    return byKeys(
      owners,
      [...links],
      (link) => link.owner,
      (found) =>
        found
          .map((link) => byId.get(link.topicId))
          .filter((topic): topic is TopicEntity => topic !== undefined)
          .sort(byDisplayOrder),
    );
  }

  async childrenOf(parentIds: readonly string[]): Promise<TopicEntity[][]> {
    const rows = await this.db
      .getRepository(TopicEntity)
      .find({ where: { parentId: In([...parentIds]) }, order: { position: 'ASC', slug: 'ASC' } });
    return byKeys(
      parentIds,
      rows,
      (row) => row.parentId as string,
      (found) => found,
    );
  }

  /** Focus topics per city, for the City.focusTopics loader: two statements for any number of cities. */
  async focusTopicsOfCities(cityIds: readonly string[]): Promise<TopicEntity[][]> {
    const links: Array<{ city_id: string; topic_id: string }> = await this.db.query(
      'SELECT city_id, topic_id FROM city_focus_topic WHERE city_id = ANY($1::uuid[])',
      [[...cityIds]],
    );
    const topicIds = [...new Set(links.map((link) => link.topic_id))];
    const topics = topicIds.length
      ? await this.db.getRepository(TopicEntity).find({
          where: { id: In(topicIds) },
          order: { position: 'ASC', slug: 'ASC' },
        })
      : [];
    const rank = new Map(topics.map((topic, index) => [topic.id, index]));
    const byId = new Map(topics.map((topic) => [topic.id, topic]));
    return byKeys(
      cityIds,
      links,
      (link) => link.city_id,
      (found) =>
        found
          .map((link) => byId.get(link.topic_id))
          .filter((topic): topic is TopicEntity => topic !== undefined)
          .sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0)),
    );
  }
}
