import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TandemStatus, TandemSummaryFragment } from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { isOrganizer, useSession } from '../account/session';
import { NoAccess, SignInRequired } from '../account/SignInRequired';
import { ProposeTandemForm } from './ProposeTandemForm';
import { AcceptanceState, TandemStatusPill } from './TandemParts';
import { formatDay } from '../../ui/format';
import { TANDEM_STATUSES, tandemPath } from './tandem-format';
import { useAllTandems } from './useAllTandems';
import './tandems.css';

/** The organizers' board: every tandem by status, and the form to propose a new one. */
export function TandemBoardPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  useDocumentTitle(t('tandems.board.heading'));
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired />;
  if (!isOrganizer(me)) return <NoAccess text={t('tandems.board.noAccess')} />;
  return <TandemBoard key={me.id} />;
}

function TandemBoard() {
  const { t } = useTranslation();
  const board = useAllTandems();
  const cohortId = useId();
  const [params, setParams] = useSearchParams();
  const cohort = Number(params.get('jahrgang')) || null;
  const all = board.status === 'done' ? board.tandems : [];
  const cohorts = [...new Set(all.flatMap((t) => [t.newCity.cohort, t.partnerCity.cohort]))].sort(
    (a, b) => b - a,
  );
  const inCohort = (tandem: TandemSummaryFragment) =>
    cohort === null || tandem.newCity.cohort === cohort || tandem.partnerCity.cohort === cohort;
  const onCohort = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('jahrgang', value);
    else next.delete('jahrgang');
    setParams(next, { replace: true, preventScrollReset: true });
  };

  return (
    <div className="page tandem-board" data-testid="tandem-board">
      <h1>{t('tandems.board.heading')}</h1>
      <p className="lead">{t('tandems.board.intro')}</p>

      <ProposeTandemForm onProposed={board.reload} />

      {board.status === 'loading' ? (
        <Loading />
      ) : board.status === 'error' ? (
        <ErrorState onRetry={board.reload} />
      ) : (
        <>
          <div className="field tandem-board__cohort">
            <label htmlFor={cohortId}>{t('supportPhase.boardCohort')}</label>
            <select
              id={cohortId}
              name="jahrgang"
              value={cohort ?? ''}
              onChange={(event) => onCohort(event.target.value)}
            >
              <option value="">{t('network.filter.all')}</option>
              {cohorts.map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
            </select>
          </div>
          {TANDEM_STATUSES.map((status) => (
            <StatusGroup
              key={status}
              status={status}
              tandems={board.tandems.filter(
                (tandem) => tandem.status === status && inCohort(tandem),
              )}
            />
          ))}
        </>
      )}
    </div>
  );
}

function StatusGroup({
  status,
  tandems,
}: {
  status: TandemStatus;
  tandems: TandemSummaryFragment[];
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = `tandems-${status.toLowerCase()}`;
  const caption = t('tandems.board.caption', { status: t(`tandems.statusGroup.${status}`) });

  return (
    <section
      className="card tandem-group"
      aria-labelledby={headingId}
      data-testid={`tandem-group-${status}`}
    >
      <h2 id={headingId}>
        {t(`tandems.statusGroup.${status}`)} <span className="muted">({tandems.length})</span>
      </h2>
      {tandems.length === 0 ? (
        <p className="empty">{t(`tandems.board.empty.${status}`)}</p>
      ) : (
        <ScrollRegion label={caption}>
          <table className="table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tandems.newCity')}</th>
                <th scope="col">{t('tandems.partnerCity')}</th>
                <th scope="col">{t('tandems.period')}</th>
                <th scope="col">{t('tandems.state')}</th>
              </tr>
            </thead>
            <tbody>
              {tandems.map((tandem) => (
                <tr key={tandem.id} data-testid="tandem-row">
                  <th scope="row">
                    <Link to={tandemPath(tandem.newCity.slug, tandem.id)}>
                      {tandem.newCity.name}
                      <span className="visually-hidden">
                        {' '}
                        {t('tandems.board.withPartner', { partner: tandem.partnerCity.name })}
                      </span>
                    </Link>
                  </th>
                  <td>
                    <Link to={`/${tandem.partnerCity.slug}`}>{tandem.partnerCity.name}</Link>
                  </td>
                  <td className="nowrap">
                    {formatDay(tandem.startsOn, language)} –{' '}
                    {formatDay(tandem.plannedEndOn, language)}
                  </td>
                  <td>
                    <TandemStatusPill status={tandem.status} />
                    <AcceptanceState tandem={tandem} compact />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
