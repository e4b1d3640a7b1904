import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { CityInitiativesDocument } from '../../generated/graphql';

/** The city page's links to its local initiatives (nothing when it has none). */
export function CityInitiatives({ citySlug }: { citySlug: string }) {
  const { t } = useTranslation();
  const [result] = useQuery({ query: CityInitiativesDocument, variables: { citySlug } });
  const initiatives = result.data?.cityInitiatives ?? [];
  if (initiatives.length === 0) return null;
  return (
    <section className="city__initiatives" aria-labelledby="city-initiatives">
      <h2 id="city-initiatives">{t('initiatives.cityLinkHeading')}</h2>
      <ul>
        {initiatives.map((initiative) => (
          <li key={initiative.id}>
            <Link to={`/${citySlug}/initiativen/${initiative.slug}`}>{initiative.name}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
