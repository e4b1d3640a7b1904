import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { FeedbackForm } from './FeedbackForm';
import { DemoNotice, OperatorContact, useOperator } from './OperatorDetails';
import './legal.css';

export function ContactPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('legal.contact.heading'));
  const { operator, status } = useOperator();
  return (
    <div className="page page--narrow legal" data-testid="contact-page">
      <h1>{t('legal.contact.heading')}</h1>
      {operator ? (
        <>
          <DemoNotice operator={operator} />
          <section aria-labelledby="contact-operator">
            <h2 id="contact-operator">{t('legal.contact.operator')}</h2>
            <OperatorContact operator={operator} />
          </section>
          <section aria-labelledby="contact-privacy">
            <h2 id="contact-privacy">{t('legal.contact.privacy')}</h2>
            <p>
              {operator.dpoName}
              <br />
              {operator.dpoContact}
            </p>
            <p>
              <Link to="/datenschutz">{t('legal.footer.privacy')}</Link>
            </p>
          </section>
          <section aria-labelledby="contact-feedback">
            <h2 id="contact-feedback">{t('legal.contact.feedback')}</h2>
            <p>{t('legal.contact.feedbackIntro')}</p>
            <FeedbackForm headingLevel={3} />
          </section>
        </>
      ) : (
        status
      )}
    </div>
  );
}
