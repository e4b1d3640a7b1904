import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OtherCitiesInFieldsQuery } from '../../generated/graphql';
import './measures.css';

/** "Was andere Städte in diesem Handlungsfeld tun": measures and practices on the same topic. */
export function OtherCitiesSection({
  fields,
}: {
  fields: OtherCitiesInFieldsQuery['otherCitiesInFields'];
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="others-heading" className="others" data-testid="other-cities">
      <h2 id="others-heading">{t('initiatives.measures.others.heading')}</h2>
      <p>{t('initiatives.measures.others.intro')}</p>
      {fields.map((field) => (
        <section key={field.fieldId} aria-labelledby={`others-${field.fieldId}`} className="card">
          <h3 id={`others-${field.fieldId}`}>
            {field.fieldName}
            {field.topicName && field.topicName !== field.fieldName ? ` (${field.topicName})` : ''}
          </h3>
          {!field.topicName ? (
            <p>{t('initiatives.measures.others.noTopic')}</p>
          ) : field.measures.length === 0 && field.practices.length === 0 ? (
            <p>{t('initiatives.measures.others.empty')}</p>
          ) : (
            <>
              {field.measures.length > 0 ? (
                <>
                  <h4>{t('initiatives.measures.others.measures')}</h4>
                  <ul className="others__list">
                    {field.measures.map((measure) => (
                      <li key={measure.id}>
                        <Link to={`/${measure.citySlug}/initiativen/${measure.initiativeSlug}`}>
                          {t('initiatives.measures.others.measure', {
                            city: measure.cityName,
                            title: measure.title,
                            status: t(`initiatives.measures.status.${measure.status}`),
                          })}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {field.practices.length > 0 ? (
                <>
                  <h4>{t('initiatives.measures.others.practices')}</h4>
                  <ul className="others__list">
                    {field.practices.map((practice) => (
                      <li key={practice.practiceId}>
                        <Link to={`/praxis/${practice.practiceId}`}>
                          {practice.cityName}: {practice.title}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          )}
        </section>
      ))}
    </section>
  );
}
