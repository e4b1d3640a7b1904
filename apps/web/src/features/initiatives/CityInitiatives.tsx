import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { CityInitiativesDocument } from '../../generated/graphql';
import { roleInCity, useSession } from '../account/session';

/** The city page's links to its local initiatives; coordinators also start and manage them. */
export function CityInitiatives({ citySlug }: { citySlug: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [result] = useQuery({ query: CityInitiativesDocument, variables: { citySlug } });
  const initiatives = result.data?.cityInitiatives ?? [];
  // A hint only: the API decides (coordinators of this city).
  const coordinator = roleInCity(me, citySlug) === 'COORDINATOR';
  if (initiatives.length === 0 && !coordinator) return null;
  return (
    <section className="city__initiatives" aria-labelledby="city-initiatives">
      <h2 id="city-initiatives">{t('initiatives.cityLinkHeading')}</h2>
      {initiatives.length > 0 ? (
        <ul>
          {initiatives.map((initiative) => (
            <li key={initiative.id}>
              <Link to={`/${citySlug}/initiativen/${initiative.slug}`}>{initiative.name}</Link>
              {coordinator ? (
                <>
                  {' '}
                  <Link
                    to={`/${citySlug}/initiativen/${initiative.slug}/verwalten`}
                    aria-label={t('initiatives.admin.manageNamed', { name: initiative.name })}
                  >
                    {t('initiatives.admin.manageLink')}
                  </Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {coordinator ? (
        <p>
          <Link to={`/${citySlug}/initiativen/neu`}>{t('initiatives.admin.newLink')}</Link>
        </p>
      ) : null}
    </section>
  );
}
