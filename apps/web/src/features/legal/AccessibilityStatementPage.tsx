import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n';
import { numberLocale } from '../../i18n';
import { formatDay } from '../../ui/format';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import check from './accessibility-check.json';
import { FeedbackForm } from './FeedbackForm';
import { DemoNotice, OperatorContact, useOperator, type Operator } from './OperatorDetails';
import './legal.css';

const LIMITATIONS = [
  'map',
  'pdf',
  'markdown',
  'live',
  'states',
  'assistiveTechnology',
  'signLanguage',
] as const;

type CheckedRole = 'anonymous' | 'member' | 'coordinator' | 'organizer';

/** "a, b and c" in the page's language. */
function listOf(items: string[], language: Language): string {
  return new Intl.ListFormat(numberLocale(language), { type: 'conjunction' }).format(items);
}

/** Erklärung zur Barrierefreiheit nach § 12b BGG / BITV 2.0 (Anlage 2). */
export function AccessibilityStatementPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('legal.accessibility.heading'));
  const { operator, status } = useOperator();
  const language = i18n.language as Language;
  const checkedOn = formatDay(check.checkedOn, language);
  return (
    <div className="page page--narrow legal" data-testid="accessibility-page">
      <h1>{t('legal.accessibility.heading')}</h1>
      {operator ? <DemoNotice operator={operator} /> : null}
      <p>{t('legal.accessibility.intro', { operator: operator?.name ?? '' })}</p>
      <section aria-labelledby="a11y-status">
        <h2 id="a11y-status">{t('legal.accessibility.statusHeading')}</h2>
        <p data-testid="conformance-status">{t('legal.accessibility.statusText')}</p>
        <h3>{t('legal.accessibility.limitationsHeading')}</h3>
        <ul>
          {LIMITATIONS.map((key) => (
            <li key={key}>{t(`legal.accessibility.limitations.${key}`)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="a11y-check">
        <h2 id="a11y-check">{t('legal.accessibility.checkHeading')}</h2>
        <p data-testid="last-check">
          {t('legal.accessibility.checkText', {
            date: checkedOn,
            tool: check.tool,
            browser: check.browser,
            routes: check.routes,
            roles: listOf(
              check.roles.map((role) => t(`legal.accessibility.roles.${role as CheckedRole}`)),
              language,
            ),
            widths: listOf(check.widths.map(String), language),
            languages: listOf(
              check.languages.map((code) => t(`legal.accessibility.languages.${code as Language}`)),
              language,
            ),
            checks: check.checks,
          })}{' '}
          <strong data-testid="last-check-result">
            {t('legal.accessibility.checkResult', { count: check.seriousOrCritical })}
          </strong>
        </p>
        <p>{t('legal.accessibility.checkLimits')}</p>
      </section>
      <section aria-labelledby="a11y-feedback" id="feedback">
        <h2 id="a11y-feedback">{t('legal.accessibility.feedbackHeading')}</h2>
        <p>{t('legal.accessibility.feedbackText')}</p>
        {operator ? <OperatorContact operator={operator} /> : status}
        <FeedbackForm headingLevel={3} />
      </section>
      <section aria-labelledby="a11y-enforcement">
        <h2 id="a11y-enforcement">{t('legal.accessibility.enforcementHeading')}</h2>
        <p>{t('legal.accessibility.enforcementText')}</p>
        {operator ? <EnforcementBody body={operator.enforcementBody} /> : status}
      </section>
    </div>
  );
}

/** The Schlichtungsstelle from the deployment's configuration (ENFORCEMENT_BODY_*). */
function EnforcementBody({ body }: { body: Operator['enforcementBody'] }) {
  const { t } = useTranslation();
  return (
    <div data-testid="enforcement-body">
      <p className="legal-contact__name">{body.name}</p>
      {body.addressLines.length > 0 ? (
        <address className="legal-address">
          {body.addressLines.map((line) => (
            <span key={line}>
              {line}
              <br />
            </span>
          ))}
        </address>
      ) : null}
      <dl className="legal-facts">
        {body.phone ? (
          <>
            <dt>{t('legal.phone')}</dt>
            <dd>{body.phone}</dd>
          </>
        ) : null}
        {body.email ? (
          <>
            <dt>{t('legal.email')}</dt>
            <dd>
              <a href={`mailto:${body.email}`}>{body.email}</a>
            </dd>
          </>
        ) : null}
        {body.url ? (
          <>
            <dt>{t('legal.web')}</dt>
            <dd>
              <a href={body.url}>{body.url}</a>
            </dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
