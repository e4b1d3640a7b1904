import { useEffect, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { federalStateName } from '@wissensnetz/domain';
import {
  NetworkFederalStatesDocument,
  NetworkPracticeCountDocument,
} from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { useSession } from '../account/session';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { PracticeFeedLink } from '../practices/PracticeFeedLink';
import { CityFilter, parseKind, type CityFilterValue } from './CityFilter';
import { loadNetworkMap } from './map/load-network-map';
import { NetworkMapSection } from './map/NetworkMapSection';
import { useMapTandems } from './map/useMapTandems';
import { useAllCities, type NetworkCity } from './useAllCities';
import './network.css';

interface StateGroup {
  code: string;
  name: string;
  /** Member count as the API reports it for the whole state. */
  total: number;
  cities: NetworkCity[];
}

function groupByState(
  cities: NetworkCity[],
  counts: ReadonlyArray<{ code: string; cityCount: number }>,
  language: 'de' | 'en',
): StateGroup[] {
  const groups = new Map<string, StateGroup>();
  for (const { code, cityCount } of counts) {
    groups.set(code, {
      code,
      name: federalStateName(code, language),
      total: cityCount,
      cities: [],
    });
  }
  for (const city of cities) {
    let group = groups.get(city.federalState);
    if (!group) {
      group = {
        code: city.federalState,
        name: federalStateName(city.federalState, language),
        total: 0,
        cities: [],
      };
      groups.set(city.federalState, group);
    }
    group.cities.push(city);
  }
  const collator = new Intl.Collator(language);
  for (const group of groups.values()) {
    group.total = Math.max(group.total, group.cities.length);
    group.cities.sort((a, b) => collator.compare(a.name, b.name));
  }
  return [...groups.values()].sort((a, b) => collator.compare(a.name, b.name));
}

/** The cohort is `?jahrgang=2024`; `?jahr=` is what older links say. */
const COHORT_PARAM = 'jahrgang';

function readFilter(params: URLSearchParams): CityFilterValue {
  const year = Number(params.get(COHORT_PARAM) ?? params.get('jahr'));
  return {
    joinedYear: Number.isInteger(year) && year > 0 ? year : null,
    kind: parseKind(params.get('art')),
  };
}

export function NetworkPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(null, t('network.documentTitle'));
  useEffect(() => {
    void loadNetworkMap();
  }, []);

  const cities = useAllCities();
  const tandems = useMapTandems();
  const [states, reexecuteStates] = useQuery({ query: NetworkFederalStatesDocument });
  const { me } = useSession();
  // Who is signed in changes what may be seen: always asked again, the cached count shown meanwhile.
  const [count] = useQuery({
    query: NetworkPracticeCountDocument,
    requestPolicy: 'cache-and-network',
  });
  const practiceCount = count.data?.searchPractices.totalHits;
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const filterActive = filter.joinedYear !== null || filter.kind !== null;

  const allCities = cities.status === 'done' ? cities.cities : null;
  const groups = useMemo(
    () =>
      allCities && states.data ? groupByState(allCities, states.data.federalStates, language) : [],
    [allCities, states.data, language],
  );
  const years = useMemo(
    () => [...new Set((allCities ?? []).map((city) => city.joinedYear))].sort((a, b) => b - a),
    [allCities],
  );

  const matches = (city: NetworkCity): boolean =>
    (filter.joinedYear === null || city.joinedYear === filter.joinedYear) &&
    (filter.kind === null || city.kind === filter.kind);

  const onFilterChange = (value: CityFilterValue) => {
    const next = new URLSearchParams(params);
    next.delete('jahr');
    if (value.joinedYear === null) next.delete(COHORT_PARAM);
    else next.set(COHORT_PARAM, String(value.joinedYear));
    if (value.kind === null) next.delete('art');
    else next.set('art', value.kind);
    setParams(next, { replace: true, preventScrollReset: true });
  };

  const failed = cities.status === 'error' || states.error !== undefined;
  const ready = cities.status === 'done' && states.data !== undefined;
  const visibleGroups = groups
    .map((group) => ({ ...group, shown: group.cities.filter(matches) }))
    .filter((group) => group.shown.length > 0);
  const shownCount = visibleGroups.reduce((sum, group) => sum + group.shown.length, 0);

  return (
    <div className="page network">
      <section className="hero" aria-labelledby="network-heading">
        <h1 id="network-heading">{t('network.heading')}</h1>
        <p className="hero__intro">{t('network.intro')}</p>
        <nav aria-label={t('network.accessLabel')}>
          <ul className="access-links">
            <li>
              <Link to="/leichte-sprache" data-testid="easy-read-link">
                {t('network.easyRead')}
              </Link>
            </li>
            <li>
              <Link to="/gebaerdensprache" data-testid="sign-language-link">
                {t('network.signLanguage')}
              </Link>
            </li>
          </ul>
        </nav>
        {ready ? (
          <p className="hero__summary">
            {t('network.summary', { count: cities.totalCount, states: groups.length })}
          </p>
        ) : null}
        <p>
          <Link to="/netzwerk/zahlen" data-testid="figures-link">
            {t('statistics.startLink')}
          </Link>
        </p>
      </section>

      <section className="search-teaser card" aria-labelledby="search-teaser-heading">
        <h2 id="search-teaser-heading">{t('network.searchHeading')}</h2>
        <PracticeFeedLink scope={{ kind: 'all' }} />
        {practiceCount === undefined || me ? (
          <p data-testid="practice-count">
            {practiceCount === undefined
              ? t('network.searchText')
              : t('network.searchTextCount', { count: practiceCount })}
          </p>
        ) : (
          <>
            <p>{t('network.searchText')}</p>
            <p data-testid="practice-count">{t('network.publicCount', { count: practiceCount })}</p>
          </>
        )}
        <p>
          <Link to="/suche" className="button" data-testid="search-link">
            {t('network.searchLink')}
          </Link>
        </p>
      </section>

      {failed ? (
        <ErrorState
          onRetry={() => {
            cities.reload();
            reexecuteStates({ requestPolicy: 'network-only' });
          }}
        />
      ) : !ready ? (
        <Loading label={t('state.loadingCities')} />
      ) : groups.length === 0 ? (
        <p className="empty">{t('network.empty')}</p>
      ) : (
        <>
          <CityFilter value={filter} years={years} onChange={onFilterChange} />
          <p className="filter__result" role="status" aria-live="polite">
            {filterActive ? t('network.filter.result', { count: shownCount }) : ''}
          </p>
          <NetworkMapSection
            cities={allCities!.filter(matches)}
            cohorts={years}
            tandems={tandems}
          />
          <section aria-labelledby="members-heading" className="members">
            <h2 id="members-heading">{t('network.membersHeading')}</h2>
            {visibleGroups.length === 0 ? (
              <p className="empty">{t('network.filter.empty')}</p>
            ) : null}
            <div className="state-grid">
              {visibleGroups.map((group) => (
                <section
                  key={group.code}
                  className="state-card"
                  aria-labelledby={`state-${group.code}`}
                  data-state={group.code}
                >
                  <h3 id={`state-${group.code}`} className="state-card__heading">
                    <span className="state-card__name">{group.name}</span>{' '}
                    <span className="state-card__count" data-testid="state-count">
                      {filterActive
                        ? t('network.stateCountFiltered', {
                            shown: group.shown.length,
                            total: group.total,
                          })
                        : t('network.stateCount', { count: group.total })}
                    </span>
                  </h3>
                  <ul className="city-list">
                    {group.shown.map((city) => (
                      <li key={city.id} className="city-list__item">
                        <Link to={`/${city.slug}`} className="city-list__link">
                          {city.name}
                        </Link>
                        <span className="city-list__meta">
                          {t(`cityKind.${city.kind}`)} ·{' '}
                          {t('network.memberSince', { year: city.joinedYear })}
                        </span>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          </section>
        </>
      )}
    </div>
  );
}
