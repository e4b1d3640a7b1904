import { useTranslation } from 'react-i18next';
import type { CityProfileDetailsFragment } from '../../generated/graphql';
import './cities.css';

/** The city's public contact: the person its coordinators chose to publish, address, website. */
export function CityContact({ details }: { details: CityProfileDetailsFragment }) {
  const { t } = useTranslation();
  const hasContact =
    details.contactName || details.contactEmail || details.contactPhone || details.address;
  if (!hasContact && !details.website) return null;
  return (
    <section className="city__contact" aria-labelledby="city-contact" data-testid="city-contact">
      <h2 id="city-contact">{t('cityProfile.contact')}</h2>
      {details.contactName ? (
        <p>
          <strong>{details.contactName}</strong>
          {details.contactRole ? <>, {details.contactRole}</> : null}
        </p>
      ) : null}
      <dl className="facts">
        {details.contactEmail ? (
          <div className="facts__row">
            <dt>{t('cityProfile.email')}</dt>
            <dd>
              <a href={`mailto:${details.contactEmail}`}>{details.contactEmail}</a>
            </dd>
          </div>
        ) : null}
        {details.contactPhone ? (
          <div className="facts__row">
            <dt>{t('cityProfile.phone')}</dt>
            <dd>
              <a href={`tel:${details.contactPhone.replace(/[^+0-9]/g, '')}`}>
                {details.contactPhone}
              </a>
            </dd>
          </div>
        ) : null}
        {details.address ? (
          <div className="facts__row">
            <dt>{t('cityProfile.address')}</dt>
            <dd className="city__address">{details.address}</dd>
          </div>
        ) : null}
        {details.website ? (
          <div className="facts__row">
            <dt>{t('cityProfile.website')}</dt>
            <dd>
              <a
                href={details.website}
                rel="noopener noreferrer"
                target="_blank"
                data-testid="city-website"
              >
                {details.website.replace(/^https?:\/\//, '')}
                <span className="visually-hidden"> ({t('cityProfile.newWindow')})</span>
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
