import { useCallback, useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useClient } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  AuditLogDocument,
  type AuditLogQuery,
  type AuditLogQueryVariables,
} from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { apiErrorCodes } from '../../ui/api-errors';
import { formatDateTime } from '../../ui/format';
import { EmailAddress } from '../../ui/EmailAddress';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { isOrganizer, useSession } from '../account/session';
import { NoAccess, SignInRequired } from '../account/SignInRequired';
import { useAllCities } from '../network/useAllCities';
import { isRole } from '../members/roles';
import { auditActionKey, detailEntries } from './audit-entry';
import { personName } from '../../ui/person-name';
import './audit.css';

const PAGE_SIZE = 20;

type Entry = AuditLogQuery['auditLog']['edges'][number]['node'];

export function AuditLogPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  useDocumentTitle(t('audit.heading'));
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired />;
  if (!isOrganizer(me)) return <NoAccess text={t('audit.noAccess')} />;
  return <AuditLog key={me.id} />;
}

type LogState =
  | { status: 'loading' }
  | { status: 'error'; forbidden: boolean; forQuery: string }
  | {
      status: 'done';
      /** The filter and attempt this answer is for; another one means "still loading". */
      forQuery: string;
      entries: Entry[];
      totalCount: number;
      endCursor: string | null;
      hasNextPage: boolean;
      loadingMore: boolean;
    };

function AuditLog() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const client = useClient();
  const cityFilterId = useId();
  const cities = useAllCities();
  const [params, setParams] = useSearchParams();
  const citySlug = params.get('stadt') ?? '';
  const [loaded, setState] = useState<LogState>({ status: 'loading' });
  const [announcement, setAnnouncement] = useState('');
  const [attempt, setAttempt] = useState(0);

  const fetchPage = useCallback(
    (after: string | null) => {
      const variables: AuditLogQueryVariables = {
        first: PAGE_SIZE,
        after,
        filter: citySlug ? { citySlug } : null,
      };
      // The log grows with every action elsewhere: never answer from the cache.
      return client
        .query(AuditLogDocument, variables, { requestPolicy: 'network-only' })
        .toPromise();
    },
    [client, citySlug],
  );

  const queryKey = `${citySlug}|${attempt}`;
  const state: LogState =
    loaded.status !== 'loading' && loaded.forQuery === queryKey ? loaded : { status: 'loading' };

  useEffect(() => {
    let cancelled = false;
    void fetchPage(null).then((result) => {
      if (cancelled) return;
      if (result.error || !result.data) {
        setState({
          status: 'error',
          forbidden: apiErrorCodes(result.error).includes('FORBIDDEN'),
          forQuery: queryKey,
        });
        return;
      }
      const log = result.data.auditLog;
      setState({
        status: 'done',
        forQuery: queryKey,
        entries: log.edges.map((edge) => edge.node),
        totalCount: log.totalCount,
        endCursor: log.pageInfo.endCursor ?? null,
        hasNextPage: log.pageInfo.hasNextPage,
        loadingMore: false,
      });
    });
    return () => {
      cancelled = true;
    };
  }, [fetchPage, queryKey]);

  const loadMore = async () => {
    if (state.status !== 'done' || !state.hasNextPage) return;
    setState({ ...state, loadingMore: true });
    const result = await fetchPage(state.endCursor);
    if (result.error || !result.data) {
      setState({ ...state, loadingMore: false });
      setAnnouncement(t('audit.loadMoreFailed'));
      return;
    }
    const log = result.data.auditLog;
    const added = log.edges.map((edge) => edge.node);
    setState({
      status: 'done',
      forQuery: state.forQuery,
      entries: [...state.entries, ...added],
      totalCount: log.totalCount,
      endCursor: log.pageInfo.endCursor ?? null,
      hasNextPage: log.pageInfo.hasNextPage,
      loadingMore: false,
    });
    setAnnouncement(t('audit.loadedMore', { count: added.length }));
  };

  const cityOptions =
    cities.status === 'done'
      ? [...cities.cities].sort((a, b) => a.name.localeCompare(b.name, 'de'))
      : [];

  if (state.status === 'error' && state.forbidden) return <NoAccess text={t('audit.noAccess')} />;

  return (
    <div className="page audit-page" data-testid="audit-page">
      <h1>{t('audit.heading')}</h1>
      <p className="lead">{t('audit.intro')}</p>

      <form className="filter" role="search" onSubmit={(event) => event.preventDefault()}>
        <fieldset>
          <legend>{t('audit.filterLegend')}</legend>
          <div className="filter__fields">
            <div className="field">
              <label htmlFor={cityFilterId}>{t('audit.city')}</label>
              <select
                id={cityFilterId}
                value={citySlug}
                data-testid="audit-city-filter"
                onChange={(event) => {
                  const next = new URLSearchParams(params);
                  if (event.target.value) next.set('stadt', event.target.value);
                  else next.delete('stadt');
                  setParams(next, { replace: true, preventScrollReset: true });
                }}
              >
                <option value="">{t('audit.allCities')}</option>
                {cityOptions.map((city) => (
                  <option key={city.slug} value={city.slug}>
                    {city.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </fieldset>
      </form>

      <p className="filter__result" role="status">
        {state.status === 'done' ? t('audit.count', { count: state.totalCount }) : ''}
      </p>

      {state.status === 'loading' ? (
        <Loading />
      ) : state.status === 'error' ? (
        <ErrorState onRetry={() => setAttempt((n) => n + 1)} />
      ) : state.entries.length === 0 ? (
        <p className="empty">{t('audit.empty')}</p>
      ) : (
        <>
          <ScrollRegion className="card" label={t('audit.caption')}>
            <table className="table" data-testid="audit-table">
              <caption className="visually-hidden">{t('audit.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.time')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.city')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.target')}</th>
                </tr>
              </thead>
              <tbody>
                {state.entries.map((entry) => (
                  <tr
                    key={entry.id}
                    data-testid="audit-row"
                    data-action={entry.action}
                    data-city={entry.city?.slug ?? ''}
                  >
                    <td className="nowrap">{formatDateTime(entry.createdAt, language)}</td>
                    <td>{t(auditActionKey(entry.action), { defaultValue: entry.action })}</td>
                    <td>{entry.city?.name ?? '–'}</td>
                    <td>
                      {entry.actor ? (
                        <>
                          {personName(t, entry.actor)}
                          {entry.actorEmail ? (
                            <span className="table__sub">
                              <EmailAddress address={entry.actorEmail} />
                            </span>
                          ) : null}
                        </>
                      ) : entry.actorPseudonym ? (
                        t('audit.pseudonym', { pseudonym: entry.actorPseudonym })
                      ) : (
                        '–'
                      )}
                    </td>
                    <td>
                      <span data-testid="audit-target">
                        {entry.target ? <EmailAddress address={entry.target} /> : '–'}
                      </span>
                      <Details details={entry.details} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <p className="load-more">
            {state.hasNextPage ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void loadMore()}
                disabled={state.loadingMore}
              >
                {state.loadingMore
                  ? t('state.loading')
                  : t('audit.loadMore', { shown: state.entries.length, total: state.totalCount })}
              </button>
            ) : (
              <span className="muted">{t('audit.allShown')}</span>
            )}
          </p>
        </>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}

function Details({ details }: { details: string }) {
  const { t } = useTranslation();
  const detailValue = (value: string): string =>
    value === 'true'
      ? t('audit.detail.yes')
      : value === 'false'
        ? t('audit.detail.no')
        : isRole(value)
          ? t(`role.${value}`)
          : value;
  const entries = detailEntries(details);
  if (entries.length === 0) return null;
  return (
    <dl className="details">
      {entries.map(([key, value]) => (
        <div key={key} className="details__row">
          <dt>{t(`audit.detail.${key}`, { defaultValue: key })}</dt>
          <dd>{detailValue(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
