import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { DemoNotice, OperatorContact, useOperator } from './OperatorDetails';
import './legal.css';

/** Anbieterkennzeichnung nach § 5 DDG (and § 18 MStV), from the deployment's configuration. */
export function ImpressumPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('legal.impressum.heading'));
  const { operator, status } = useOperator();
  return (
    <div className="page page--narrow legal" data-testid="impressum-page">
      <h1>{t('legal.impressum.heading')}</h1>
      {operator ? (
        <>
          <DemoNotice operator={operator} />
          <section aria-labelledby="impressum-provider">
            <h2 id="impressum-provider">{t('legal.impressum.provider')}</h2>
            <OperatorContact operator={operator} />
            <dl className="legal-facts">
              {operator.legalForm ? (
                <>
                  <dt>{t('legal.impressum.legalForm')}</dt>
                  <dd>{operator.legalForm}</dd>
                </>
              ) : null}
              <dt>{t('legal.impressum.representative')}</dt>
              <dd>{operator.representative}</dd>
              {operator.register ? (
                <>
                  <dt>{t('legal.impressum.register')}</dt>
                  <dd>{operator.register}</dd>
                </>
              ) : null}
              {operator.vatId ? (
                <>
                  <dt>{t('legal.impressum.vatId')}</dt>
                  <dd>{operator.vatId}</dd>
                </>
              ) : null}
              <dt>{t('legal.impressum.contentResponsible')}</dt>
              <dd>{operator.contentResponsible ?? operator.representative}</dd>
            </dl>
          </section>
          <section aria-labelledby="impressum-content">
            <h2 id="impressum-content">{t('legal.impressum.contentHeading')}</h2>
            <p>{t('legal.impressum.contentText')}</p>
          </section>
          <section aria-labelledby="impressum-dispute">
            <h2 id="impressum-dispute">{t('legal.impressum.disputeHeading')}</h2>
            <p>{t('legal.impressum.disputeText')}</p>
          </section>
        </>
      ) : (
        status
      )}
    </div>
  );
}
