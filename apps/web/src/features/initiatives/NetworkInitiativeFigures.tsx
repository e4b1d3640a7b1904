import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import {
  NetworkMeasureFiguresDocument,
  NetworkMeasureTotalsDocument,
} from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { ScrollRegion } from '../../ui/ScrollRegion';
import './measures.css';

/**
 * The network learns: the totals of local initiatives for everybody; for organizers per
 * topic how many cities run initiatives and how many measures are planned, running, done.
 */
export function NetworkInitiativeFigures({ organizer }: { organizer: boolean }) {
  const { t } = useTranslation();
  const [totals] = useQuery({ query: NetworkMeasureTotalsDocument });
  const [figures] = useQuery({ query: NetworkMeasureFiguresDocument, pause: !organizer });
  const sum = totals.data?.networkMeasureTotals;
  const rows = figures.data?.networkMeasureFigures ?? [];
  const english = currentLanguage() === 'en';
  return (
    <section
      aria-labelledby="initiative-figures-heading"
      className="measures__section"
      data-testid="network-initiative-figures"
    >
      <h2 id="initiative-figures-heading">{t('initiatives.measures.network.heading')}</h2>
      {sum ? (
        <p data-testid="initiative-totals">
          {sum.initiatives === 0
            ? t('initiatives.measures.network.empty')
            : t('initiatives.measures.network.totals', {
                cities: sum.cities,
                measures: sum.measures,
                done: sum.done,
              })}
        </p>
      ) : null}
      {organizer && rows.length > 0 ? (
        <>
          <p>{t('initiatives.measures.network.intro')}</p>
          <ScrollRegion
            className="measures__table"
            label={t('initiatives.measures.network.heading')}
          >
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('initiatives.measures.network.topic')}</th>
                  <th scope="col">{t('initiatives.measures.network.cities')}</th>
                  <th scope="col">{t('initiatives.measures.network.initiatives')}</th>
                  <th scope="col">{t('initiatives.measures.status.PLANNED')}</th>
                  <th scope="col">{t('initiatives.measures.status.RUNNING')}</th>
                  <th scope="col">{t('initiatives.measures.status.DONE')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.topicId ?? 'own'}>
                    <th scope="row">
                      {(english ? row.topicNameEn : row.topicName) ??
                        t('initiatives.measures.network.ownFields')}
                    </th>
                    <td>{row.cities}</td>
                    <td>{row.initiatives}</td>
                    <td>{row.planned}</td>
                    <td>{row.running}</td>
                    <td>{row.done}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      ) : null}
    </section>
  );
}
