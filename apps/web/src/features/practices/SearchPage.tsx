import { useCallback, useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { federalStateName } from '@wissensnetz/domain';
import {
  NetworkTopicsDocument,
  SearchPracticesDocument,
  type FacetFragment,
  type SearchPracticesQuery,
} from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { SearchFailure, isSearchUnavailable } from '../search/SearchFailure';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { TAB_PARAM } from '../search/search-kinds';
import { PracticeFeedLink } from './PracticeFeedLink';
import { TopicFollowBySlug } from '../follows/TopicFollowBySlug';
import { feedOfSearch } from './search-params';
import { PracticeList } from './PracticeList';
import {
  FACET_NAMES,
  MAX_QUERY_LENGTH,
  hasFilters,
  readSearchState,
  searchFilter,
  toggleValue,
  writeSearchState,
  type FacetName,
  type SearchState,
} from './search-params';
import './practices.css';

const PAGE_SIZE = 20;
/** Wait this long after the last key press before searching: fewer requests, no flicker. */
const DEBOUNCE_MS = 250;
/** Long facet lists (cities) show this many until the visitor asks for all. */
const FACET_PREVIEW = 8;

type Result = SearchPracticesQuery['searchPractices'];
type Hit = Result['hits'][number];

type SearchLoad =
  | { status: 'loading' }
  | { status: 'error'; forKey: string; unavailable: boolean }
  | {
      status: 'done';
      forKey: string;
      hits: Hit[];
      facets: Result['facets'];
      totalHits: number;
      tookMs: number;
      endCursor: string | null;
      hasNextPage: boolean;
      loadingMore: boolean;
    };

/** `tabs`: the results page's tabs by kind (this page is its practices tab). */
export function SearchPage({ tabs }: { tabs?: ReactNode }) {
  const { t } = useTranslation();
  useDocumentTitle(t('search.documentTitle'));
  const client = useClient();
  const inputId = useId();
  const hintId = useId();
  const [params, setParams] = useSearchParams();
  const state = readSearchState(params);
  const key = writeSearchState(state).toString();
  const [text, setText] = useState(state.query);
  const [loaded, setLoaded] = useState<SearchLoad>({ status: 'loading' });
  const [announcement, setAnnouncement] = useState('');
  const [attempt, setAttempt] = useState(0);

  const update = useCallback(
    (next: SearchState) => {
      const written = writeSearchState(next);
      // As the practices tab of the results page, a search text keeps to this tab.
      if (tabs && written.get('q')) written.set(TAB_PARAM, 'praxis');
      setParams(written, { replace: true, preventScrollReset: true });
    },
    [setParams, tabs],
  );

  // Typing updates the address after a pause; the address drives the search.
  useEffect(() => {
    if (text.trim() === state.query.trim()) return;
    const timer = window.setTimeout(() => update({ ...state, query: text }), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
    // `state` is rebuilt from the address on every render; its key stands for it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, key, update]);

  const fetchPage = useCallback(
    (after: string | null) => {
      const current = readSearchState(new URLSearchParams(key));
      return client
        .query(
          SearchPracticesDocument,
          {
            query: current.query,
            filter: searchFilter(current),
            first: PAGE_SIZE,
            after,
          },
          // New entries appear within seconds of publishing: never answer from the cache.
          { requestPolicy: 'network-only' },
        )
        .toPromise();
    },
    [client, key],
  );

  const loadKey = `${key}|${attempt}`;
  useEffect(() => {
    let cancelled = false;
    void fetchPage(null).then((result) => {
      if (cancelled) return;
      if (result.error || !result.data) {
        const unavailable = isSearchUnavailable(result.error);
        setLoaded({ status: 'error', forKey: loadKey, unavailable });
        return;
      }
      const found = result.data.searchPractices;
      setLoaded({
        status: 'done',
        forKey: loadKey,
        hits: found.hits,
        facets: found.facets,
        totalHits: found.totalHits,
        tookMs: found.tookMs,
        endCursor: found.pageInfo.endCursor ?? null,
        hasNextPage: found.pageInfo.hasNextPage,
        loadingMore: false,
      });
    });
    return () => {
      cancelled = true;
    };
  }, [fetchPage, loadKey]);

  const pending = loaded.status === 'loading' || loaded.forKey !== loadKey;

  const loadMore = async () => {
    if (loaded.status !== 'done' || !loaded.hasNextPage) return;
    setLoaded({ ...loaded, loadingMore: true });
    const result = await fetchPage(loaded.endCursor);
    if (result.error || !result.data) {
      setLoaded({ ...loaded, loadingMore: false });
      setAnnouncement(t('search.loadMoreFailed'));
      return;
    }
    const found = result.data.searchPractices;
    setLoaded({
      ...loaded,
      hits: [...loaded.hits, ...found.hits],
      endCursor: found.pageInfo.endCursor ?? null,
      hasNextPage: found.pageInfo.hasNextPage,
      loadingMore: false,
    });
    setAnnouncement(t('search.loadedMore', { count: found.hits.length }));
  };

  return (
    <div className="page search-page" data-testid="search-page">
      <h1>{t('search.heading')}</h1>
      <p className="lead">{t('search.intro')}</p>

      <form
        className="search-form"
        role="search"
        aria-label={t('search.heading')}
        onSubmit={(event) => {
          event.preventDefault();
          update({ ...state, query: text });
        }}
      >
        <label htmlFor={inputId} className="search-form__label">
          {t('search.label')}
        </label>
        <p id={hintId} className="field__hint">
          {t('search.hint')}
        </p>
        <div className="search-form__row">
          <input
            id={inputId}
            type="search"
            name="q"
            value={text}
            maxLength={MAX_QUERY_LENGTH}
            aria-describedby={hintId}
            autoComplete="off"
            data-testid="search-input"
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" className="button">
            {t('headerSearch.submit')}
          </button>
        </div>
      </form>

      {tabs}
      <PracticeFeedLink
        {...feedOfSearch(state, loaded.status === 'done' ? loaded.facets : null)}
        className="search-page__feed"
      />
      {state.topics.length === 1 ? <TopicFollowBySlug slug={state.topics[0]} /> : null}

      <p className="search-page__count" role="status" aria-live="polite" data-testid="search-count">
        {/* The previous count stays while the next search runs, so each keystroke is not announced. */}
        {loaded.status === 'done'
          ? t('search.result', { count: loaded.totalHits, ms: loaded.tookMs })
          : ''}
      </p>

      <div className="search-page__layout">
        <aside className="search-page__filters" aria-labelledby="filters-heading">
          <h2 id="filters-heading" className="search-page__filters-heading">
            {t('search.filters')}
          </h2>
          {FACET_NAMES.map((name) => (
            <FacetGroup
              key={name}
              name={name}
              counts={loaded.status === 'done' ? loaded.facets[name] : []}
              selected={state[name]}
              onToggle={(value) => update(toggleValue(state, name, value))}
            />
          ))}
          {hasFilters(state) ? (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() =>
                update({
                  ...state,
                  topics: [],
                  federalStates: [],
                  cities: [],
                  joinedYears: [],
                  kinds: [],
                })
              }
            >
              {t('search.resetFilters')}
            </button>
          ) : null}
        </aside>

        <section
          className="search-page__results"
          aria-labelledby="results-heading"
          aria-busy={pending}
        >
          <h2 id="results-heading" className="visually-hidden">
            {t('search.resultsHeading')}
          </h2>
          {loaded.status === 'loading' ? (
            <p className="muted">{t('search.searching')}</p>
          ) : loaded.status === 'error' ? (
            <SearchFailure
              unavailable={loaded.unavailable}
              onRetry={() => setAttempt((n) => n + 1)}
            />
          ) : loaded.hits.length === 0 ? (
            <div className="search-empty" data-testid="search-empty">
              <h3>{t('search.emptyHeading')}</h3>
              <p>{t('search.emptyTips')}</p>
              <ul>
                <li>{t('search.tipSpelling')}</li>
                <li>{t('search.tipWords')}</li>
                {hasFilters(state) ? <li>{t('search.tipFilters')}</li> : null}
              </ul>
            </div>
          ) : (
            <>
              <PracticeList
                items={loaded.hits.map((hit) => ({
                  practice: hit.practice,
                  titleHtml: hit.titleHtml,
                  summaryHtml: hit.summaryHtml,
                }))}
                testId="search-results"
              />
              <p className="load-more">
                {loaded.hasNextPage ? (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => void loadMore()}
                    disabled={loaded.loadingMore}
                  >
                    {loaded.loadingMore
                      ? t('state.loading')
                      : t('search.loadMore', {
                          shown: loaded.hits.length,
                          total: loaded.totalHits,
                        })}
                  </button>
                ) : (
                  <span className="muted">{t('search.allShown')}</span>
                )}
              </p>
            </>
          )}
        </section>
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}

interface FacetGroupProps {
  name: FacetName;
  counts: readonly FacetFragment[];
  selected: readonly string[];
  onToggle: (value: string) => void;
}

function FacetGroup({ name, counts, selected, onToggle }: FacetGroupProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [showAll, setShowAll] = useState(false);
  const idPrefix = useId();
  // The facet's labels are the German names; topics are named in the reader's language.
  const [topics] = useQuery({ query: NetworkTopicsDocument, pause: name !== 'topics' });
  const topicNames = useMemo(
    () => new Map((topics.data?.topics ?? []).map((topic) => [topic.slug, topic])),
    [topics.data],
  );

  // A chosen value stays listed (count 0) even when the other filters leave no match for it,
  // so it can always be unticked.
  const options: FacetFragment[] = [...counts];
  for (const value of selected) {
    if (!options.some((option) => option.value === value)) {
      options.push({ value, label: value, count: 0 });
    }
  }
  if (options.length === 0) return null;

  const label = (option: FacetFragment): string => {
    if (name === 'federalStates') return federalStateName(option.value, language);
    if (name === 'kinds' && ['CITY', 'DISTRICT', 'COMMUNITY'].includes(option.value)) {
      return t(`cityKind.${option.value as 'CITY' | 'DISTRICT' | 'COMMUNITY'}`);
    }
    const topic = name === 'topics' ? topicNames.get(option.value) : undefined;
    if (topic) return language === 'en' ? topic.nameEn : topic.name;
    return option.label;
  };
  const long = options.length > FACET_PREVIEW + 2;
  const shown =
    long && !showAll
      ? options.filter((option, index) => index < FACET_PREVIEW || selected.includes(option.value))
      : options;

  return (
    <fieldset className="facet" data-facet={name}>
      <legend className="facet__legend">{t(`search.facet.${name}`)}</legend>
      <ul className="facet__list">
        {shown.map((option) => {
          const id = `${idPrefix}-${option.value}`;
          return (
            <li key={option.value} className="facet__option">
              <input
                id={id}
                type="checkbox"
                value={option.value}
                checked={selected.includes(option.value)}
                onChange={() => onToggle(option.value)}
              />
              <label htmlFor={id}>
                {/* City names are German proper names. */}
                <span lang={name === 'cities' ? 'de' : undefined}>{label(option)}</span>{' '}
                <span className="facet__count">
                  <span aria-hidden="true">({option.count})</span>
                  <span className="visually-hidden">
                    {t('search.facetCount', { count: option.count })}
                  </span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {long ? (
        <button
          type="button"
          className="link-button facet__more"
          aria-expanded={showAll}
          onClick={() => setShowAll((value) => !value)}
        >
          {showAll ? t('search.showFewer') : t('search.showAll', { count: options.length })}
        </button>
      ) : null}
    </fieldset>
  );
}
