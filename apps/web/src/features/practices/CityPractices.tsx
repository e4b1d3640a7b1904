import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { CityPracticesDocument, type PracticeStatus } from '../../generated/graphql';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { roleInCity, useSession } from '../account/session';
import { PracticeList } from './PracticeList';
import { PracticeStatusTabs } from './PracticeStatusTabs';
import './practices.css';

const PAGE_SIZE = 10;

/**
 * The city page's "Praxisbeispiele": visitors and other cities see the published ones; the
 * city's members switch between drafts, in review, published and archived (tabs with counts).
 */
export function CityPractices({ citySlug }: { citySlug: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [first, setFirst] = useState(PAGE_SIZE);
  const [tab, setTab] = useState<PracticeStatus>('PUBLISHED');
  const prefix = useId();
  const member = roleInCity(me, citySlug) !== null;
  const status: PracticeStatus = member ? tab : 'PUBLISHED';
  const [result, reexecute] = useQuery({
    query: CityPracticesDocument,
    variables: { first, filter: { citySlug, status } },
    // Drafts depend on who is signed in; a sign-in must not show the anonymous list.
    requestPolicy: 'cache-and-network',
  });
  const connection = result.data?.practices;
  const items = (connection?.edges ?? []).map((edge) => ({ practice: edge.node }));

  return (
    <section
      className="city__practices"
      aria-labelledby="city-practices"
      data-testid="city-practices"
    >
      <div className="section-head">
        <h2 id="city-practices">{t('city.practices')}</h2>
        {member ? (
          <Link
            to={`/praxis/neu?stadt=${encodeURIComponent(citySlug)}`}
            className="button"
            data-testid="new-practice"
          >
            {t('city.newPractice')}
          </Link>
        ) : null}
      </div>
      {member ? (
        <PracticeStatusTabs
          citySlug={citySlug}
          selected={tab}
          prefix={prefix}
          onSelect={(next) => {
            setTab(next);
            setFirst(PAGE_SIZE);
          }}
        />
      ) : null}
      <div
        role={member ? 'tabpanel' : undefined}
        id={`${prefix}-panel`}
        aria-labelledby={member ? `${prefix}-tab-${tab}` : undefined}
      >
        {result.error && !connection ? (
          <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        ) : !connection ? (
          <Loading />
        ) : items.length === 0 ? (
          <p className="empty">
            {member ? t(`city.practicesEmptyTab.${status}`) : t('city.practicesEmpty')}
          </p>
        ) : (
          <>
            <PracticeList items={items} showCity={false} showStatus testId="city-practice-list" />
            {connection.pageInfo.hasNextPage ? (
              <p className="load-more">
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={result.fetching}
                  onClick={() => setFirst((n) => n + PAGE_SIZE)}
                >
                  {t('city.practicesLoadMore', {
                    shown: connection.edges.length,
                    total: connection.totalCount,
                  })}
                </button>
              </p>
            ) : null}
          </>
        )}
      </div>
    </section>
  );
}
