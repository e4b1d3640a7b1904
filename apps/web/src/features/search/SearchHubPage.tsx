import { useSearchParams } from 'react-router';
import { SearchPage } from '../practices/SearchPage';
import { NetworkSearchPage } from './NetworkSearchPage';
import { SearchTabs } from './SearchTabs';
import { readTab } from './search-kinds';

/**
 * `/suche`: with a search text, one ranked list over every kind (tabs by kind in
 * `?art=`); the practices tab, and the page without a text, is the practice search
 * with its facets (browsing the library needs no word).
 */
export function SearchHubPage() {
  const [params] = useSearchParams();
  const tab = readTab(params);
  const query = (params.get('q') ?? '').trim().slice(0, 200);
  if (tab === 'praxis' || query === '') {
    return <SearchPage tabs={<SearchTabs current="praxis" query={query} />} />;
  }
  return <NetworkSearchPage tab={tab} query={query} />;
}
