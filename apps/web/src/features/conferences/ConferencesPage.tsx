import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  ConferenceListDocument,
  SearchRecordsDocument,
  type ConferenceKind,
  type ConferenceSummaryFragment,
  type NetworkRegion,
} from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { RecordsFeedLink } from './RecordsFeedLink';
import { isOrganizer, useSession } from '../account/session';
import { berlinMonth, parseMonth } from './calendar-month';
import {
  CONFERENCE_KINDS,
  CONFERENCE_PAGE_SIZE,
  REGIONS,
  conferencePath,
  formatLocalRange,
} from './conference-format';
import { ConferenceCalendar } from './ConferenceCalendar';
import { ConferencePlace } from './ConferencePlace';
import './conferences.css';

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

const VIEWS = ['liste', 'monat'] as const;
const TIMES = ['kommend', 'vergangen'] as const;

/**
 * `/konferenzen`: a list (upcoming and past) or a month (`ansicht=monat&monat=YYYY-MM`),
 * filtered by kind, region and (list) time; everything is kept in the URL.
 */
export function ConferencesPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const kind = pick<ConferenceKind>(params.get('art'), CONFERENCE_KINDS);
  const region = pick<NetworkRegion>(params.get('region'), REGIONS);
  const view = pick(params.get('ansicht'), VIEWS) ?? 'liste';
  const time = pick(params.get('zeit'), TIMES);
  const month = parseMonth(params.get('monat')) ?? parseMonth(berlinMonth())!;
  useDocumentTitle(t('conferences.heading'));

  const href = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    return `?${next.toString()}`;
  };

  const setFilter = (name: 'art' | 'region' | 'zeit', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <div className="page" data-testid="conferences-page">
      <h1>{t('conferences.heading')}</h1>
      <p className="lead">{t('conferences.intro')}</p>
      <RecordsFeedLink />
      {isOrganizer(me) ? (
        <p>
          <Link className="button" to="/netzwerk/konferenzen/neu">
            {t('conferences.create')}
          </Link>
        </p>
      ) : null}

      <form
        className="card conference-filters"
        aria-label={t('conferences.filters')}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field">
          <label htmlFor="conference-kind">{t('conferences.kindLabel')}</label>
          <select
            id="conference-kind"
            value={kind ?? ''}
            onChange={(event) => setFilter('art', event.target.value)}
          >
            <option value="">{t('conferences.allKinds')}</option>
            {CONFERENCE_KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`conferences.kind.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="conference-region">{t('conferences.regionLabel')}</label>
          <select
            id="conference-region"
            value={region ?? ''}
            onChange={(event) => setFilter('region', event.target.value)}
          >
            <option value="">{t('conferences.allRegions')}</option>
            {REGIONS.map((value) => (
              <option key={value} value={value}>
                {t(`conferences.region.${value}`)}
              </option>
            ))}
          </select>
        </div>
        {view === 'liste' ? (
          <div className="field">
            <label htmlFor="conference-time">{t('conferences.time.label')}</label>
            <select
              id="conference-time"
              value={time ?? ''}
              onChange={(event) => setFilter('zeit', event.target.value)}
            >
              <option value="">{t('conferences.time.all')}</option>
              {TIMES.map((value) => (
                <option key={value} value={value}>
                  {t(`conferences.time.${value}`)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </form>

      <nav className="view-switch" aria-label={t('conferences.view.label')}>
        {VIEWS.map((value) => (
          <Link
            key={value}
            className={value === view ? 'button' : 'button button--secondary'}
            aria-current={value === view ? 'page' : undefined}
            to={href({ ansicht: value === 'liste' ? null : value })}
          >
            {t(`conferences.view.${value}`)}
          </Link>
        ))}
      </nav>

      {view === 'monat' ? (
        <ConferenceCalendar
          year={month.year}
          month={month.month}
          kind={kind}
          region={region}
          monthHref={(value) => href({ ansicht: 'monat', monat: value })}
        />
      ) : (
        <>
          {time !== 'vergangen' ? <ConferenceSection upcoming kind={kind} region={region} /> : null}
          {time !== 'kommend' ? (
            <ConferenceSection upcoming={false} kind={kind} region={region} />
          ) : null}
        </>
      )}

      {me ? <RecordSearch /> : null}
    </div>
  );
}

function ConferenceSection({
  upcoming,
  kind,
  region,
}: {
  upcoming: boolean;
  kind: ConferenceKind | null;
  region: NetworkRegion | null;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [result, reexecute] = useQuery({
    query: ConferenceListDocument,
    variables: { first: CONFERENCE_PAGE_SIZE, filter: { upcoming, kind, region } },
    requestPolicy: 'cache-and-network',
  });
  const nodes = result.data?.conferences.edges.map((edge) => edge.node) ?? [];
  // Past ones newest first; upcoming ones soonest first.
  const shown = upcoming ? nodes : [...nodes].reverse();
  return (
    <section
      className="conference-section"
      aria-labelledby={headingId}
      data-testid={upcoming ? 'conferences-upcoming' : 'conferences-past'}
    >
      <h2 id={headingId}>{upcoming ? t('conferences.upcoming') : t('conferences.past')}</h2>
      {result.fetching && !result.data ? (
        <Loading />
      ) : result.error && !result.data ? (
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : shown.length === 0 ? (
        <p className="empty">{t('conferences.none')}</p>
      ) : (
        <ul className="conference-list">
          {shown.map((conference) => (
            <ConferenceItem key={conference.id} conference={conference} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ConferenceItem({ conference }: { conference: ConferenceSummaryFragment }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const ended = conference.status === 'HELD' || conference.status === 'CANCELLED';
  return (
    <li className="card conference-item" data-testid="conference-item">
      <h3>
        <Link to={conferencePath(conference.id)} lang="de">
          {conference.title}
        </Link>
      </h3>
      <p className="muted">
        {t(`conferences.kind.${conference.kind}`)}
        {conference.region ? ` · ${t(`conferences.region.${conference.region}`)}` : ''}
      </p>
      <dl className="facts conference-item__meta">
        <div className="facts__row">
          <dt>{t('conferences.when')}</dt>
          <dd>{formatLocalRange(conference.startsAtLocal, conference.endsAtLocal, language)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('conferences.where')}</dt>
          <dd>
            <ConferencePlace conference={conference} />
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('conferences.statusLabel')}</dt>
          <dd>
            <span className="pill">{t(`conferences.status.${conference.status}`)}</span>
          </dd>
        </div>
        {ended ? null : (
          <div className="facts__row">
            <dt>{t('conferences.freePlaces')}</dt>
            <dd>
              {t('conferences.freeOf', {
                free: conference.freePlaces,
                capacity: conference.capacity,
              })}
            </dd>
          </div>
        )}
      </dl>
    </li>
  );
}

function RecordSearch() {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [query, setQuery] = useState('');
  const [result, reexecute] = useQuery({
    query: SearchRecordsDocument,
    variables: { query, first: 20 },
    pause: query === '',
    requestPolicy: 'network-only',
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = input.trim();
    // The same words again: ask again, new records may have been indexed meanwhile.
    if (text === query && text !== '') reexecute({ requestPolicy: 'network-only' });
    else setQuery(text);
  };
  const hits = result.data?.searchRecords ?? [];
  return (
    <section className="card conference-section" aria-labelledby="record-search">
      <h2 id="record-search">{t('conferences.recordSearch.heading')}</h2>
      <form role="search" className="search-form" onSubmit={onSubmit}>
        <label htmlFor="record-search-field" className="search-form__label">
          {t('conferences.recordSearch.label')}
        </label>
        <div className="search-form__row">
          <input
            id="record-search-field"
            type="search"
            value={input}
            onChange={(event) => setInput(event.target.value)}
          />
          <button type="submit" className="button">
            {t('conferences.recordSearch.submit')}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {query === '' ? null : result.fetching ? (
          t('state.loading')
        ) : result.error ? (
          <p className="notice notice--error">{t('errors.SEARCH_UNAVAILABLE')}</p>
        ) : hits.length === 0 ? (
          <p className="empty">{t('conferences.recordSearch.none', { query })}</p>
        ) : (
          <p>{t('conferences.recordSearch.count', { count: hits.length })}</p>
        )}
      </div>
      {hits.length > 0 ? (
        <ul className="link-list" data-testid="record-hits">
          {hits.map((hit) => (
            <li key={hit.record.id} className="record-search__hit" data-testid="record-hit">
              <Link to={conferencePath(hit.record.conference.id)}>{hit.conferenceTitle}</Link>
              {/* snippetHtml: escaped text with <mark> only (API contract). */}
              <p dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
