import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { SUPPORT_PHASES, supportPhase } from '@wissensnetz/domain';
import { NetworkFiguresDocument, type NetworkFiguresQuery } from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { isOrganizer, useSession } from '../account/session';
import { NetworkInitiativeFigures } from '../initiatives/NetworkInitiativeFigures';
import { DashboardFigures } from './DashboardFigures';
import { FigureChart } from './FigureChart';
import { stateName } from './state-name';
import './statistics.css';

type Figures = NetworkFiguresQuery['networkFigures'];

/** `?jahrgang=2021` as a cohort, or null for the whole network. */
function cohortParam(value: string | null): number | null {
  const year = Number(value);
  return value && Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null;
}

/**
 * The network in numbers (`/netzwerk/zahlen`): cities, published practices and
 * conferences for everybody; organizers see the network office's figures below. The
 * cohort filter (`?jahrgang=`) narrows every figure to the cities of one joining year.
 */
export function NetworkFiguresPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const filterId = useId();
  const [params, setParams] = useSearchParams();
  const cohort = cohortParam(params.get('jahrgang'));
  useDocumentTitle(t('statistics.heading'));
  const [result, reexecute] = useQuery({
    query: NetworkFiguresDocument,
    variables: { cohort },
  });
  const figures = result.data?.networkFigures;

  const chooseCohort = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('jahrgang', value);
    else next.delete('jahrgang');
    setParams(next, { replace: true });
  };

  return (
    <div className="page statistics">
      <h1>{t('statistics.heading')}</h1>
      <p className="statistics__intro">{t('statistics.intro')}</p>
      <div className="statistics__filter">
        <label htmlFor={filterId}>{t('statistics.cohort')}</label>
        <select
          id={filterId}
          value={cohort ?? ''}
          data-testid="cohort-filter"
          onChange={(event) => chooseCohort(event.target.value)}
        >
          <option value="">{t('statistics.allCohorts')}</option>
          {(figures?.cohorts ?? (cohort ? [cohort] : [])).map((year) => (
            <option key={year} value={year}>
              {t('statistics.cohortOption', { year })}
            </option>
          ))}
        </select>
      </div>
      {result.error ? (
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : !figures ? (
        <Loading />
      ) : (
        <PublicFigures figures={figures} />
      )}
      {me && isOrganizer(me) ? <DashboardFigures cohort={cohort} /> : null}
      <NetworkInitiativeFigures organizer={!!me && isOrganizer(me)} />
    </div>
  );
}

function PublicFigures({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const perState = new Map<string, number>();
  for (const row of figures.citiesByState)
    perState.set(row.federalState, (perState.get(row.federalState) ?? 0) + row.cities);
  // Where each city stands in its support period follows from its cohort and today.
  const today = new Date();
  const perPhase = new Map(SUPPORT_PHASES.map((phase) => [phase, 0]));
  for (const row of figures.citiesByState) {
    const phase = supportPhase(row.cohort, today);
    perPhase.set(phase, (perPhase.get(phase) ?? 0) + row.cities);
  }
  const months = figures.practicesByMonth;
  return (
    <section aria-labelledby="public-figures-heading" className="statistics__section">
      <h2 id="public-figures-heading">{t('statistics.publicHeading')}</h2>
      <div className="statistics__grid">
        <FigureChart
          name="staedte-nach-bundesland"
          caption={t('statistics.citiesByState')}
          bars={[...perState].map(([state, cities]) => ({
            label: stateName(state, language),
            value: cities,
          }))}
          header={[
            t('statistics.col.state'),
            t('statistics.col.cohort'),
            t('statistics.col.cities'),
          ]}
          rows={figures.citiesByState.map((row) => [
            stateName(row.federalState, language),
            row.cohort,
            row.cities,
          ])}
        />
        <FigureChart
          name="staedte-nach-foerderphase"
          caption={t('statistics.citiesBySupportPhase')}
          bars={[...perPhase].map(([phase, cities]) => ({
            label: t(`supportPhase.${phase}`),
            value: cities,
          }))}
          header={[t('statistics.col.phase'), t('statistics.col.cities')]}
          rows={[...perPhase].map(([phase, cities]) => [t(`supportPhase.${phase}`), cities])}
        />
        <FigureChart
          name="praxis-nach-thema"
          caption={t('statistics.practicesByTopic')}
          bars={figures.practicesByTopic.map((row) => ({
            label: language === 'en' ? row.nameEn : row.name,
            value: row.practices,
          }))}
          header={[t('statistics.col.topic'), t('statistics.col.practices')]}
          rows={figures.practicesByTopic.map((row) => [
            language === 'en' ? row.nameEn : row.name,
            row.practices,
          ])}
        />
        <FigureChart
          name="praxis-nach-monat"
          caption={t('statistics.practicesByMonth')}
          vertical
          // The picture shows the last two years; the table has every month.
          bars={months.slice(-24).map((row) => ({ label: row.month, value: row.practices }))}
          header={[t('statistics.col.month'), t('statistics.col.practices')]}
          rows={months.map((row) => [row.month, row.practices])}
        />
        <FigureChart
          name="konferenzen-nach-art"
          caption={t('statistics.conferencesByKind')}
          bars={figures.conferencesByKind.map((row) => ({
            label: t(`conferences.kind.${row.kind}`),
            value: row.conferences,
            text: t('statistics.heldOf', { count: row.conferences, held: row.held }),
          }))}
          header={[
            t('statistics.col.kind'),
            t('statistics.col.conferences'),
            t('statistics.col.held'),
          ]}
          rows={figures.conferencesByKind.map((row) => [
            t(`conferences.kind.${row.kind}`),
            row.conferences,
            row.held,
          ])}
        />
      </div>
    </section>
  );
}
