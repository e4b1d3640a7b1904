import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { NetworkDashboardDocument } from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { FigureChart } from './FigureChart';
import { stateName } from './state-name';
import './statistics.css';

/** The network office's figures (organizers): tandems, registrations, follow-ups, searches. */
export function DashboardFigures({ cohort }: { cohort: number | null }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [result, reexecute] = useQuery({
    query: NetworkDashboardDocument,
    variables: { cohort },
    requestPolicy: 'cache-and-network',
  });
  const dashboard = result.data?.networkDashboard;
  const duration = (halfYears: number): string =>
    t(`statistics.halfYears.${String(Math.min(halfYears, 4)) as '0' | '1' | '2' | '3' | '4'}`);
  return (
    <section aria-labelledby="dashboard-heading" className="statistics__section">
      <h2 id="dashboard-heading">{t('statistics.dashboardHeading')}</h2>
      {result.error ? (
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : !dashboard ? (
        <Loading />
      ) : (
        <div className="statistics__grid">
          <FigureChart
            name="tandems-nach-status"
            caption={t('statistics.tandemsByStatus')}
            bars={dashboard.tandemsByStatus.map((row) => ({
              label: t(`tandems.status.${row.status}`),
              value: row.tandems,
            }))}
            header={[
              t('statistics.col.status'),
              t('statistics.col.tandems'),
              t('statistics.col.averageDays'),
            ]}
            rows={dashboard.tandemsByStatus.map((row) => [
              t(`tandems.status.${row.status}`),
              row.tandems,
              row.averageDays ?? null,
            ])}
          />
          <FigureChart
            name="tandems-nach-dauer"
            caption={t('statistics.tandemDurations')}
            bars={dashboard.tandemDurations.map((row) => ({
              label: duration(row.halfYears),
              value: row.tandems,
            }))}
            header={[t('statistics.col.duration'), t('statistics.col.tandems')]}
            rows={dashboard.tandemDurations.map((row) => [duration(row.halfYears), row.tandems])}
          />
          <FigureChart
            name="anmeldungen-nach-bundesland"
            caption={t('statistics.registrationsByState')}
            bars={dashboard.registrationsByState.map((row) => ({
              label: stateName(row.federalState, language),
              value: row.participants,
              text: t('statistics.attendedOf', {
                count: row.participants,
                attended: row.attended,
              }),
            }))}
            header={[
              t('statistics.col.state'),
              t('statistics.col.registrations'),
              t('statistics.col.participants'),
              t('statistics.col.attended'),
            ]}
            rows={dashboard.registrationsByState.map((row) => [
              stateName(row.federalState, language),
              row.registrations,
              row.participants,
              row.attended,
            ])}
          />
          <FigureChart
            name="folgeaufgaben-nach-stadt"
            caption={t('statistics.followUpsByCity')}
            bars={dashboard.followUpsByCity.slice(0, 15).map((row) => ({
              label: row.cityName,
              value: row.open,
              text: t('statistics.overdueOf', { count: row.open, overdue: row.overdue }),
            }))}
            header={[
              t('statistics.col.city'),
              t('statistics.col.open'),
              t('statistics.col.overdue'),
            ]}
            rows={dashboard.followUpsByCity.map((row) => [row.cityName, row.open, row.overdue])}
          />
          <FigureChart
            name="suchen-ohne-treffer"
            caption={t('statistics.unfoundSearches')}
            bars={dashboard.unfoundSearches.slice(0, 15).map((row) => ({
              label: row.term,
              value: row.searches,
            }))}
            header={[
              t('statistics.col.term'),
              t('statistics.col.searches'),
              t('statistics.col.lastDay'),
            ]}
            rows={dashboard.unfoundSearches.map((row) => [row.term, row.searches, row.lastDay])}
          />
        </div>
      )}
    </section>
  );
}
