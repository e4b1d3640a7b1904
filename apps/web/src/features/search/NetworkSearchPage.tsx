import { useCallback, useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useClient } from 'urql';
import { useTranslation } from 'react-i18next';
import { NetworkSearchDocument, type NetworkSearchQuery } from '../../generated/graphql';
import { SearchFailure, isSearchUnavailable } from './SearchFailure';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { SearchHitItem } from './SearchHitItem';
import { SearchTabs } from './SearchTabs';
import { TAB_PARAM, kindsOfTab, type SearchTab } from './search-kinds';
import '../practices/practices.css';
import './search.css';

const PAGE_SIZE = 20;
const DEBOUNCE_MS = 250;
const MAX_QUERY_LENGTH = 200;

type Result = NetworkSearchQuery['search'];
type Load =
  | { status: 'loading' }
  | { status: 'error'; forKey: string; unavailable: boolean }
  | { status: 'done'; forKey: string; result: Result; loadingMore: boolean };

/** `/suche?q=…` (all kinds) and `&art=protokolle|konferenzen|staedte`: one ranked list. */
export function NetworkSearchPage({ tab, query }: { tab: SearchTab; query: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('networkSearch.documentTitle', { query }));
  const client = useClient();
  const inputId = useId();
  const [, setParams] = useSearchParams();
  const [text, setText] = useState(query);
  const [loaded, setLoaded] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const key = `${tab}|${query}|${attempt}`;

  const setQuery = useCallback(
    (next: string) => {
      const params = new URLSearchParams();
      if (next.trim()) params.set('q', next.trim());
      if (tab !== 'alle') params.set(TAB_PARAM, tab);
      setParams(params, { replace: true, preventScrollReset: true });
    },
    [setParams, tab],
  );

  useEffect(() => {
    if (text.trim() === query || !text.trim()) return;
    const timer = window.setTimeout(() => setQuery(text), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, query, setQuery]);

  const fetchPage = useCallback(
    (after: string | null) =>
      client
        .query(
          NetworkSearchDocument,
          { query, kinds: kindsOfTab(tab), first: PAGE_SIZE, after },
          { requestPolicy: 'network-only' },
        )
        .toPromise(),
    [client, query, tab],
  );

  useEffect(() => {
    let cancelled = false;
    void fetchPage(null).then((answer) => {
      if (cancelled) return;
      if (answer.error || !answer.data) {
        const unavailable = isSearchUnavailable(answer.error);
        setLoaded({ status: 'error', forKey: key, unavailable });
        return;
      }
      setLoaded({ status: 'done', forKey: key, result: answer.data.search, loadingMore: false });
    });
    return () => {
      cancelled = true;
    };
  }, [fetchPage, key]);

  const loadMore = async () => {
    if (loaded.status !== 'done' || !loaded.result.pageInfo.hasNextPage) return;
    setLoaded({ ...loaded, loadingMore: true });
    const answer = await fetchPage(loaded.result.pageInfo.endCursor ?? null);
    if (answer.error || !answer.data) {
      setLoaded({ ...loaded, loadingMore: false });
      setAnnouncement(t('search.loadMoreFailed'));
      return;
    }
    const next = answer.data.search;
    setLoaded({
      ...loaded,
      loadingMore: false,
      result: { ...next, edges: [...loaded.result.edges, ...next.edges] },
    });
    setAnnouncement(t('search.loadedMore', { count: next.edges.length }));
  };

  const pending = loaded.status === 'loading' || loaded.forKey !== key;
  const result = loaded.status === 'done' ? loaded.result : null;
  return (
    <div className="page search-page" data-testid="network-search-page">
      <h1>{t('networkSearch.heading')}</h1>
      <form
        className="search-form"
        role="search"
        aria-label={t('networkSearch.heading')}
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim()) setQuery(text);
        }}
      >
        <label htmlFor={inputId} className="search-form__label">
          {t('networkSearch.label')}
        </label>
        <div className="search-form__row">
          <input
            id={inputId}
            type="search"
            name="q"
            value={text}
            maxLength={MAX_QUERY_LENGTH}
            autoComplete="off"
            data-testid="network-search-input"
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" className="button">
            {t('headerSearch.submit')}
          </button>
        </div>
      </form>

      <SearchTabs current={tab} query={query} counts={result?.counts} />

      <p className="search-page__count" role="status" aria-live="polite" data-testid="search-count">
        {result ? t('networkSearch.result', { count: result.totalCount, query }) : ''}
      </p>

      <section aria-labelledby="network-results-heading" aria-busy={pending}>
        <h2 id="network-results-heading" className="visually-hidden">
          {t('search.resultsHeading')}
        </h2>
        {loaded.status === 'loading' ? (
          <p className="muted">{t('search.searching')}</p>
        ) : loaded.status === 'error' ? (
          <SearchFailure
            unavailable={loaded.unavailable}
            onRetry={() => setAttempt((n) => n + 1)}
          />
        ) : loaded.result.edges.length === 0 ? (
          <div className="search-empty" data-testid="search-empty">
            <h3>{t('search.emptyHeading')}</h3>
            <ul>
              <li>{t('search.tipSpelling')}</li>
              <li>{t('search.tipWords')}</li>
            </ul>
          </div>
        ) : (
          <>
            <ul className="search-hits" data-testid="network-search-results">
              {loaded.result.edges.map((edge) => (
                <SearchHitItem key={edge.cursor} hit={edge.node} />
              ))}
            </ul>
            <p className="load-more">
              {loaded.result.pageInfo.hasNextPage ? (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => void loadMore()}
                  disabled={loaded.loadingMore}
                >
                  {loaded.loadingMore
                    ? t('state.loading')
                    : t('search.loadMore', {
                        shown: loaded.result.edges.length,
                        total: loaded.result.totalCount,
                      })}
                </button>
              ) : (
                <span className="muted">{t('search.allShown')}</span>
              )}
            </p>
          </>
        )}
      </section>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
