import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { CityPracticesDocument } from '../../generated/graphql';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { roleInCity, useSession } from '../account/session';
import { PracticeList } from './PracticeList';
import './practices.css';

const PAGE_SIZE = 10;

/** The city page's "Praxisbeispiele": published ones, plus drafts for the city's members. */
export function CityPractices({ citySlug }: { citySlug: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [first, setFirst] = useState(PAGE_SIZE);
  const [result, reexecute] = useQuery({
    query: CityPracticesDocument,
    variables: { first, filter: { citySlug } },
    // Drafts depend on who is signed in; a sign-in must not show the anonymous list.
    requestPolicy: 'cache-and-network',
  });
  const member = roleInCity(me, citySlug) !== null;
  const connection = result.data?.practices;
  const items = (connection?.edges ?? [])
    // Archived entries are history, not practice to copy.
    .filter((edge) => edge.node.status !== 'ARCHIVED')
    .map((edge) => ({ practice: edge.node }));

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
      {result.error && !connection ? (
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : !connection ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty">{t('city.practicesEmpty')}</p>
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
    </section>
  );
}
