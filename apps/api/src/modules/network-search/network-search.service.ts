import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../core/tenancy/actor';
import { highlightToHtml } from '../../search/highlight';
import {
  HIGHLIGHT_START,
  SEARCH_INDEX,
  type FederatedHit,
  type FederatedQuery,
  type SearchIndex,
} from '../../search/search-index';
import { SearchKind } from '../../search/search-kind';
import { CityService } from '../cities/city.service';
import { UnfoundSearchService } from '../statistics/unfound-search.service';
import { toCity } from '../cities/dto/city.type';
import { ConferenceRecordService } from '../conferences/conference-record.service';
import { ConferenceService } from '../conferences/conference.service';
import { toConferenceRecord } from '../conferences/dto/conference-record.type';
import { toConference } from '../conferences/dto/conference.type';
import { toPractice } from '../practices/dto/practice.type';
import { PRACTICE_HIT_ATTRIBUTES, visibilityFilter } from '../practices/practice-search.service';
import { PracticeSearchService } from '../practices/practice-search.service';
import type { SearchConnection, SearchHitEdge, SearchHitValue } from './dto/search.types';
import { countsByKind, cursorAt, pageInfoFor, readSearchPage } from './search-page';

/** How one kind is searched: its index, what the caller may find there, what a hit shows. */
interface KindPart {
  kind: SearchKind;
  index: string;
  /** The caller's visibility in this index ('' when everything there is for the caller). */
  scope: string;
  highlight: string[];
  crop?: string[];
  retrieve: string[];
  weight?: number;
}

/** What a hit shows of each kind; the index names come from each feature's service. */
const SHOWN: Record<SearchKind, Omit<KindPart, 'scope' | 'index'>> = {
  [SearchKind.PRACTICE]: {
    kind: SearchKind.PRACTICE,
    highlight: ['title', 'summary'],
    retrieve: PRACTICE_HIT_ATTRIBUTES,
  },
  [SearchKind.RECORD]: {
    kind: SearchKind.RECORD,
    highlight: ['decisions'],
    crop: ['minutes'],
    // The engine crops and highlights only what it returns.
    retrieve: ['id', 'conferenceTitle', 'decisions', 'minutes'],
  },
  [SearchKind.CONFERENCE]: {
    kind: SearchKind.CONFERENCE,
    highlight: ['title'],
    crop: ['description'],
    retrieve: ['id', 'title', 'description'],
    // A conference's or a city's name is what people type to get there: it ranks a little
    // above a practice that only mentions it.
    weight: 1.1,
  },
  [SearchKind.CITY]: {
    kind: SearchKind.CITY,
    highlight: ['name'],
    crop: ['about'],
    retrieve: ['id', 'name', 'about'],
    weight: 1.1,
  },
};

const marked = (text: string | undefined): text is string =>
  text !== undefined && text.includes(HIGHLIGHT_START);

/**
 * The one search box: practices, conference records, conferences and cities in one
 * ranked list (the engine's federated multi-search), counted per kind for tabs.
 * Visibility per index as each feature's own search: practices by the caller's
 * visibility filter, sent twice (in the request and as the tenant token's rule);
 * records for network members only (the token does not even name their index for
 * anyone else); conferences and cities are public. Every hit is re-read from
 * PostgreSQL (row-level security for what can be hidden), so a stale document never
 * shows more than the row allows now.
 */
@Injectable()
export class NetworkSearchService {
  constructor(
    @Inject(SEARCH_INDEX) private readonly search: SearchIndex,
    private readonly practices: PracticeSearchService,
    private readonly records: ConferenceRecordService,
    private readonly conferences: ConferenceService,
    private readonly cities: CityService,
    private readonly unfound: UnfoundSearchService,
  ) {}

  private get indexes(): Record<SearchKind, string> {
    return {
      [SearchKind.PRACTICE]: this.practices.searchIndex,
      [SearchKind.RECORD]: this.records.searchIndex,
      [SearchKind.CONFERENCE]: this.conferences.searchIndex,
      [SearchKind.CITY]: this.cities.searchIndex,
    };
  }

  private kindOf(index: string): SearchKind | undefined {
    const indexes = this.indexes;
    return (Object.keys(indexes) as SearchKind[]).find((kind) => indexes[kind] === index);
  }

  async searchAll(
    actor: Actor,
    query: string,
    kinds: readonly SearchKind[] | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<SearchConnection> {
    const started = performance.now();
    const page = readSearchPage(query, kinds, first, after);
    const parts = this.partsFor(actor);
    const toQuery = (part: KindPart): FederatedQuery => ({
      index: part.index,
      query: page.query,
      filter: part.scope || undefined,
      highlight: part.highlight,
      crop: part.crop,
      retrieve: part.retrieve,
      weight: part.weight,
    });
    const response = await this.search.federatedSearch(
      {
        queries: parts.filter((part) => page.kinds.includes(part.kind)).map(toQuery),
        counted: parts.map(toQuery),
        offset: page.offset,
        limit: page.limit,
      },
      Object.fromEntries(parts.map((part) => [part.index, part.scope])),
    );
    // Nothing in any kind the caller may search: the network office should hear of it.
    if (page.offset === 0 && parts.every((part) => !response.counts[part.index]))
      this.unfound.record(actor, page.query);
    const found = await this.reread(actor, response.hits);
    const edges: SearchHitEdge[] = response.hits.flatMap((hit, position) => {
      const node = found(hit);
      return node ? [{ cursor: cursorAt(page.offset + position), node }] : [];
    });
    const counts: Partial<Record<SearchKind, number>> = {};
    for (const part of parts) counts[part.kind] = response.counts[part.index] ?? 0;
    return {
      edges,
      pageInfo: pageInfoFor(page, response.hits.length, response.total),
      totalCount: page.kinds.reduce((sum, kind) => sum + (counts[kind] ?? 0), 0),
      counts: countsByKind(counts),
      tookMs: Math.round(performance.now() - started),
    };
  }

  /** The kinds this caller may search, each with its scope. */
  private partsFor(actor: Actor): KindPart[] {
    const part = (kind: SearchKind, scope: string): KindPart => ({
      ...SHOWN[kind],
      index: this.indexes[kind],
      scope,
    });
    const parts = [part(SearchKind.PRACTICE, visibilityFilter(actor))];
    // Members of the network find every final record; anyone else the public ones.
    parts.push(part(SearchKind.RECORD, this.records.searchScope(actor)));
    parts.push(part(SearchKind.CONFERENCE, ''), part(SearchKind.CITY, ''));
    return parts;
  }

  /** Reads the hits' rows, one statement per kind; returns each hit's API value (or none). */
  private async reread(
    actor: Actor,
    hits: FederatedHit[],
  ): Promise<(hit: FederatedHit) => SearchHitValue | null> {
    const ids = (kind: SearchKind) =>
      hits.filter((hit) => this.kindOf(hit.index) === kind).map((hit) => hit.document.id);
    const byId = <T extends { id: string }>(rows: Array<T | null>) =>
      new Map(rows.filter((row): row is T => row !== null).map((row) => [row.id, row]));
    const recordIds = ids(SearchKind.RECORD);
    const [practices, records, conferences, cities] = await Promise.all([
      this.practices.visibleByIds(actor, ids(SearchKind.PRACTICE)).then(byId),
      recordIds.length
        ? this.records.finalByIds(actor, recordIds).then(byId)
        : Promise.resolve(new Map()),
      this.conferences.byIds(actor, ids(SearchKind.CONFERENCE)).then(byId),
      this.cities.byIds(ids(SearchKind.CITY)).then(byId),
    ]);
    return (hit) => {
      const { document, highlighted } = hit;
      const text = (attribute: string) => String(document[attribute] ?? '');
      switch (this.kindOf(hit.index)) {
        case SearchKind.PRACTICE: {
          const practice = practices.get(document.id);
          return practice
            ? {
                kind: SearchKind.PRACTICE,
                practice: toPractice(practice),
                titleHtml: highlightToHtml(highlighted.title ?? text('title')),
                summaryHtml: highlightToHtml(highlighted.summary ?? text('summary')),
              }
            : null;
        }
        case SearchKind.RECORD: {
          const record = records.get(document.id);
          if (!record) return null;
          // The decisions when the words are there, else the passage of the minutes that has them.
          const snippet = marked(highlighted.decisions)
            ? highlighted.decisions
            : marked(highlighted.minutes)
              ? highlighted.minutes
              : record.decisions;
          return {
            kind: SearchKind.RECORD,
            record: toConferenceRecord(record),
            conferenceTitle: text('conferenceTitle'),
            snippetHtml: highlightToHtml(snippet),
          };
        }
        case SearchKind.CONFERENCE: {
          const conference = conferences.get(document.id);
          return conference
            ? {
                kind: SearchKind.CONFERENCE,
                conference: toConference(conference),
                titleHtml: highlightToHtml(highlighted.title ?? conference.title),
                snippetHtml: highlightToHtml(highlighted.description ?? ''),
              }
            : null;
        }
        case SearchKind.CITY: {
          const city = cities.get(document.id);
          return city
            ? {
                kind: SearchKind.CITY,
                city: toCity(city),
                nameHtml: highlightToHtml(highlighted.name ?? city.name),
                snippetHtml: highlightToHtml(highlighted.about ?? ''),
              }
            : null;
        }
        default:
          return null;
      }
    };
  }
}
