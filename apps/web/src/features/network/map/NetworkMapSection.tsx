import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { federalStateName } from '@wissensnetz/domain';
import type { CityKind } from '../../../generated/graphql';
import { loadedNetworkMap, loadNetworkMap } from './load-network-map';
import { currentLanguage } from '../../../i18n';
import { Loading } from '../../../ui/StatusMessages';
import { phaseLabel } from '../cohort-label';
import { legendEntries, symbolPath, type ColourMode } from './map-style';
import type { MapCity, MapTandem } from './types';
import './network-map.css';

// The map and its borders load only here, in a chunk of their own.
const LazyNetworkMap = lazy(loadNetworkMap);

interface NetworkMapSectionProps {
  /** The cities to show (the page's cohort/kind filter applied). */
  cities: MapCity[];
  /** Every cohort of the network, so a filter does not change the colours. */
  cohorts: number[];
  /** The tandem pairs the visitor may see (asked for with the cities: no second round trip). */
  tandems: MapTandem[];
}

export function NetworkMapSection({ cities, cohorts, tandems }: NetworkMapSectionProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const tableId = useId();
  const [mode, setMode] = useState<ColourMode>('cohort');
  const legend = useMemo(() => legendEntries(mode, cohorts), [mode, cohorts]);
  // Already there (the page asked for it as it mounted): no fallback, no second commit.
  const Loaded = loadedNetworkMap()?.default;
  const unplaced = cities.filter((city) => city.latitude === null || city.longitude === null);

  return (
    <section className="network-map" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('networkMap.heading')}</h2>
      <p>{t('networkMap.intro')}</p>
      <fieldset className="network-map__mode">
        <legend>{t('networkMap.colourBy')}</legend>
        {(['cohort', 'kind'] as const).map((value) => (
          <label key={value} className="network-map__mode-option">
            <input
              type="radio"
              name="map-colour"
              value={value}
              checked={mode === value}
              onChange={() => setMode(value)}
            />{' '}
            {value === 'cohort' ? t('networkMap.byCohort') : t('networkMap.byKind')}
          </label>
        ))}
      </fieldset>
      <a href={`#${tableId}`} className="network-map__skip">
        {t('networkMap.skip')}
      </a>
      <figure className="network-map__figure" aria-labelledby={headingId}>
        {Loaded ? (
          <Loaded cities={cities} tandems={tandems} mode={mode} legend={legend} />
        ) : (
          <Suspense fallback={<Loading label={t('networkMap.loading')} />}>
            <LazyNetworkMap cities={cities} tandems={tandems} mode={mode} legend={legend} />
          </Suspense>
        )}
        <figcaption className="network-map__legend" data-testid="map-legend">
          <h3 className="network-map__legend-heading">{t('networkMap.legend')}</h3>
          <ul>
            {legend.map((entry) => (
              <li key={entry.key} data-key={entry.key}>
                <svg viewBox="-12 -12 24 24" width="20" height="20" aria-hidden="true">
                  <path
                    d={symbolPath(entry.shape, 8)}
                    fill={entry.colour}
                    className="network-map__symbol"
                  />
                </svg>
                {mode === 'kind'
                  ? t(`cityKind.${entry.key as CityKind}`)
                  : t('supportPhase.cohort', { year: entry.key })}
              </li>
            ))}
            {(['active', 'concluded', 'proposed'] as const).map((status) => (
              <li key={status}>
                <svg viewBox="0 0 32 12" width="32" height="12" aria-hidden="true">
                  <path
                    d="M2,6L30,6"
                    className={`network-map__tandem network-map__tandem--${status}`}
                  />
                </svg>
                {t(
                  status === 'active'
                    ? 'networkMap.tandemActive'
                    : status === 'concluded'
                      ? 'networkMap.tandemConcluded'
                      : 'networkMap.tandemProposed',
                )}
              </li>
            ))}
          </ul>
          {unplaced.length > 0 ? (
            <p>{t('networkMap.noPosition', { count: unplaced.length })}</p>
          ) : null}
        </figcaption>
      </figure>
      <MapTable id={tableId} cities={cities} tandems={tandems} language={language} />
    </section>
  );
}

interface MapTableProps {
  id: string;
  cities: MapCity[];
  tandems: MapTandem[];
  language: 'de' | 'en';
}

/** The text alternative: the map's data by federal state, the same cities and partners. */
function MapTable({ id, cities, tandems, language }: MapTableProps) {
  const { t } = useTranslation();
  const collator = new Intl.Collator(language);
  const names = new Map(cities.map((city) => [city.id, city.name]));
  const partners = (cityId: string) =>
    tandems
      .flatMap((tandem) =>
        tandem.newCityId === cityId
          ? [tandem.partnerCityId]
          : tandem.partnerCityId === cityId
            ? [tandem.newCityId]
            : [],
      )
      .flatMap((partnerId) => (names.has(partnerId) ? [names.get(partnerId)!] : []))
      .sort(collator.compare);
  const states = [...new Set(cities.map((city) => city.federalState))]
    .map((code) => ({ code, name: federalStateName(code, language) }))
    .sort((a, b) => collator.compare(a.name, b.name));

  return (
    <details className="network-map__table" id={id} data-testid="map-table">
      <summary>{t('networkMap.tableSummary')}</summary>
      {states.map((state) => (
        <div key={state.code} className="table-wrap">
          <table className="table">
            <caption>{t('networkMap.tableCaption', { state: state.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('networkMap.colCity')}</th>
                <th scope="col">{t('networkMap.colKind')}</th>
                <th scope="col">{t('networkMap.colCohort')}</th>
                <th scope="col">{t('networkMap.colPhase')}</th>
                <th scope="col">{t('networkMap.colPartner')}</th>
              </tr>
            </thead>
            <tbody>
              {cities
                .filter((city) => city.federalState === state.code)
                .sort((a, b) => collator.compare(a.name, b.name))
                .map((city) => {
                  const partnerNames = partners(city.id);
                  return (
                    <tr key={city.id} data-testid="map-table-row" data-slug={city.slug}>
                      <th scope="row">
                        <Link to={`/${city.slug}`}>{city.name}</Link>
                      </th>
                      <td>{t(`cityKind.${city.kind}`)}</td>
                      <td>{city.cohort}</td>
                      <td>{phaseLabel(t, city.cohort, city.supportPhase)}</td>
                      <td>
                        {partnerNames.length > 0
                          ? partnerNames.join(', ')
                          : t('networkMap.noPartner')}
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </div>
      ))}
    </details>
  );
}
