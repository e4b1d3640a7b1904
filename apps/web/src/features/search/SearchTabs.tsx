import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { NetworkSearchDocument, type SearchKind } from '../../generated/graphql';
import { SEARCH_TABS, kindsOfTab, tabHref, type SearchTab } from './search-kinds';
import './search.css';

export type KindCounts = ReadonlyArray<{ kind: SearchKind; count: number }>;

interface SearchTabsProps {
  current: SearchTab;
  query: string;
  /** The counts when the page has them; otherwise the tabs ask for them (one small request). */
  counts?: KindCounts;
}

/**
 * Tabs of the results page, by kind: links (each tab is an address, `?art=`), the
 * current one marked with aria-current, each with its number of matches.
 */
export function SearchTabs({ current, query, counts }: SearchTabsProps) {
  const { t } = useTranslation();
  const text = query.trim();
  const [own] = useQuery({
    query: NetworkSearchDocument,
    variables: { query: text, first: 1 },
    pause: counts !== undefined || text === '',
    requestPolicy: 'cache-and-network',
  });
  const known = counts ?? own.data?.search.counts;
  const countOf = (tab: SearchTab): number | undefined => {
    if (!known) return undefined;
    const kinds = kindsOfTab(tab);
    return known
      .filter((entry) => kinds === null || kinds.includes(entry.kind))
      .reduce((sum, entry) => sum + entry.count, 0);
  };
  return (
    <nav className="search-tabs" aria-label={t('networkSearch.tabsLabel')}>
      <ul className="search-tabs__list">
        {SEARCH_TABS.map((tab) => {
          const count = text ? countOf(tab) : undefined;
          return (
            <li key={tab}>
              <Link
                to={tabHref(tab, text)}
                className="search-tabs__link"
                aria-current={tab === current ? 'page' : undefined}
                replace
                preventScrollReset
                data-testid={`search-tab-${tab}`}
              >
                {t(`networkSearch.tab.${tab}`)}
                {count !== undefined ? (
                  <>
                    {' '}
                    <span aria-hidden="true">({count})</span>
                    <span className="visually-hidden">
                      {t('networkSearch.tabCount', { count })}
                    </span>
                  </>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
