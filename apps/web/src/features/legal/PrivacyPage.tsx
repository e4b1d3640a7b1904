import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ProcessingActivitiesDocument } from '../../generated/graphql';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { DemoNotice, OperatorContact, PostalAddress, useOperator } from './OperatorDetails';
import './legal.css';

/** The privacy policy, made from the register of processing activities the features keep. */
export function PrivacyPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('legal.privacy.heading'));
  const { operator, status } = useOperator();
  const [register, reexecute] = useQuery({ query: ProcessingActivitiesDocument });
  const lang = i18n.language === 'en' ? 'en' : 'de';
  return (
    <div className="page page--narrow legal" data-testid="privacy-page">
      <h1>{t('legal.privacy.heading')}</h1>
      {operator ? (
        <>
          <DemoNotice operator={operator} />
          <section aria-labelledby="privacy-controller">
            <h2 id="privacy-controller">{t('legal.privacy.controller')}</h2>
            <OperatorContact operator={operator} />
            <h3>{t('legal.privacy.dpo')}</h3>
            <p>
              {operator.dpoName}
              <br />
              {operator.dpoContact}
            </p>
          </section>
          <section aria-labelledby="privacy-cookies">
            <h2 id="privacy-cookies">{t('legal.privacy.cookiesHeading')}</h2>
            <p>{t('legal.privacy.cookiesText')}</p>
            <p>{t('legal.privacy.thirdParties')}</p>
          </section>
          <section aria-labelledby="privacy-activities">
            <h2 id="privacy-activities">{t('legal.privacy.activities')}</h2>
            <p>{t('legal.privacy.activitiesIntro')}</p>
            {register.data ? (
              register.data.processingActivities.map((activity) => (
                <article
                  key={activity.key}
                  className="legal-activity"
                  aria-labelledby={`activity-${activity.key}`}
                >
                  <h3 id={`activity-${activity.key}`}>{activity.name[lang]}</h3>
                  <dl className="legal-facts">
                    <dt>{t('legal.privacy.purpose')}</dt>
                    <dd>{activity.purpose[lang]}</dd>
                    <dt>{t('legal.privacy.legalBasis')}</dt>
                    <dd>
                      {activity.legalBasisText[lang]}
                      {activity.legalBasisNote ? ` – ${activity.legalBasisNote[lang]}` : ''}
                    </dd>
                    <dt>{t('legal.privacy.data')}</dt>
                    <dd>{activity.dataCategories[lang]}</dd>
                    <dt>{t('legal.privacy.subjects')}</dt>
                    <dd>{activity.dataSubjects[lang]}</dd>
                    <dt>{t('legal.privacy.recipients')}</dt>
                    <dd>{activity.recipients[lang]}</dd>
                    <dt>{t('legal.privacy.retention')}</dt>
                    <dd>{activity.retention[lang]}</dd>
                  </dl>
                </article>
              ))
            ) : register.error ? (
              <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
            ) : (
              <Loading />
            )}
            <p>
              {t('legal.privacy.export')}{' '}
              <a href="/export/processing-activities.json" download>
                {t('legal.privacy.exportJson')}
              </a>
              {' · '}
              <a href="/export/processing-activities.csv" download>
                {t('legal.privacy.exportCsv')}
              </a>
            </p>
          </section>
          <section aria-labelledby="privacy-rights">
            <h2 id="privacy-rights">{t('legal.privacy.rightsHeading')}</h2>
            <p>{t('legal.privacy.rightsText')}</p>
            <h3>{t('legal.privacy.authority')}</h3>
            <p>{operator.supervisoryAuthorityName}</p>
            <PostalAddress lines={operator.supervisoryAuthorityAddressLines} />
            <p>
              <a href={operator.supervisoryAuthorityUrl}>{operator.supervisoryAuthorityUrl}</a>
            </p>
          </section>
        </>
      ) : (
        status
      )}
    </div>
  );
}
