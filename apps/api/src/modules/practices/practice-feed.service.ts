import { Inject, Injectable } from '@nestjs/common';
import { practiceFeedPath, type PracticeFeedScope } from '@wissensnetz/domain';
import { createHash } from 'node:crypto';
import { feedUpdated, toAtom, type AtomFeed } from '../../core/export/atom';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { ANONYMOUS } from '../../core/tenancy/actor';
import { CityService } from '../cities/city.service';
import { TopicService } from '../topics/topic.service';
import { PracticeService } from './practice.service';
import { PracticeException } from './practice.exception';

/** How many entries a feed holds: feed readers keep what they saw. */
export const FEED_ENTRIES = 50;

export interface FeedFile {
  body: string;
  etag: string;
  lastModified: Date;
}

/**
 * Atom feeds of published practices, always as the anonymous visitor, whoever asks: a
 * feed is public and cached, so it holds exactly what row-level security shows someone
 * without an account (published, visibility PUBLIC) — even a signed-in reader's cookie
 * adds nothing. Authors are cities; contact persons never appear.
 */
@Injectable()
export class PracticeFeedService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly practices: PracticeService,
    private readonly cities: CityService,
    private readonly topics: TopicService,
  ) {}

  async feed(scope: PracticeFeedScope): Promise<FeedFile> {
    const base = this.config.publicUrl ?? `http://localhost:${this.config.port}`;
    const { title, page, filter } = await this.describe(scope);
    const found = await this.practices.newestPublished(ANONYMOUS, filter, FEED_ENTRIES);
    const cities = await this.cities.byIds([...new Set(found.map((row) => row.practice.cityId))]);
    const cityName = new Map(
      cities.flatMap((city) => (city ? [[city.id, city.name] as const] : [])),
    );
    const self = `${base}${practiceFeedPath(scope)}`;
    const feed: AtomFeed = {
      id: self,
      title,
      subtitle: 'Veröffentlichte Praxisbeispiele aus dem Netzwerk Engagierte Stadt',
      self,
      page: `${base}${page}`,
      author: 'Wissensnetz Engagierte Stadt',
      lang: 'de',
      entries: found.map(({ practice, topics }) => ({
        id: `${base}/praxis/${practice.id}`,
        title: practice.title,
        link: `${base}/praxis/${practice.id}`,
        updated: practice.updatedAt,
        published: practice.publishedAt,
        author: cityName.get(practice.cityId) ?? 'Wissensnetz',
        summary: practice.summary,
        categories: topics.map((topic) => ({ term: topic.slug, label: topic.name })),
      })),
    };
    const body = toAtom(feed);
    return {
      body,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      lastModified: feedUpdated(feed),
    };
  }

  /** Title, page and filter of a scope; an unknown topic or city is NOT_FOUND (an empty feed would look like a quiet one). */
  private async describe(scope: PracticeFeedScope): Promise<{
    title: string;
    page: string;
    filter: { cityId?: string; topicId?: string };
  }> {
    switch (scope.kind) {
      case 'all':
        return { title: 'Wissensnetz: neue Praxisbeispiele', page: '/suche', filter: {} };
      case 'topic': {
        const topic = (await this.topics.list()).find((candidate) => candidate.slug === scope.slug);
        if (!topic) throw PracticeException.notFound('topic');
        return {
          title: `Wissensnetz: Praxisbeispiele zum Thema ${topic.name}`,
          page: `/suche?${new URLSearchParams({ thema: topic.slug }).toString()}`,
          filter: { topicId: topic.id },
        };
      }
      case 'city': {
        const city = await this.cities.requireBySlug(scope.slug, 'city');
        return {
          title: `Wissensnetz: Praxisbeispiele aus ${city.name}`,
          page: `/${city.slug}`,
          filter: { cityId: city.id },
        };
      }
      default: {
        const unhandled: never = scope;
        throw new Error(`unhandled feed scope ${JSON.stringify(unhandled)}`);
      }
    }
  }
}
