import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { CityTandemsDocument } from '../../generated/graphql';
import { partnerOf, tandemPath } from './tandem-format';
import './tandems.css';

/**
 * "Tandempartner: Bitburg" on a city's page, on both cities' pages. Says nothing while
 * loading or when the city has no tandem: the line is a pointer, not content of its own.
 */
export function CityTandems({ citySlug }: { citySlug: string }) {
  const { t } = useTranslation();
  const [result] = useQuery({
    query: CityTandemsDocument,
    variables: { slug: citySlug },
    requestPolicy: 'cache-and-network',
  });
  const tandems = result.data?.city?.tandems ?? [];
  if (tandems.length === 0) return null;

  return (
    <p className="city__tandems" data-testid="city-tandems">
      <span className="city__tandems-label">
        {t('tandems.cityPartners', { count: tandems.length })}
      </span>{' '}
      {tandems.map((tandem, index) => {
        const partner = partnerOf(tandem, citySlug);
        return (
          <span key={tandem.id} data-testid="city-tandem" data-status={tandem.status}>
            {index > 0 ? ', ' : null}
            <Link to={`/${partner.slug}`}>{partner.name}</Link> (
            <Link to={tandemPath(citySlug, tandem.id)}>
              {t(`tandems.cityTandemLink.${tandem.status}`)}
              <span className="visually-hidden">
                {' '}
                {t('tandems.cityTandemWith', { partner: partner.name })}
              </span>
            </Link>
            )
          </span>
        );
      })}
    </p>
  );
}
