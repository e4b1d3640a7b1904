import { Meilisearch } from 'meilisearch';
import type { SearchIndex } from './search-index';

export class MeiliSearchIndex implements SearchIndex {
  private readonly client: Meilisearch;

  constructor(url: string, apiKey: string) {
    this.client = new Meilisearch({ host: url, apiKey: apiKey || undefined });
  }

  async ping(): Promise<void> {
    const health = await this.client.health();
    if (health.status !== 'available') throw new Error(`Meilisearch status is ${health.status}`);
  }

  async version(): Promise<string> {
    return (await this.client.getVersion()).pkgVersion;
  }
}
