import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n';
import { numberLocale } from '../../i18n';
import { formatDay } from '../../ui/format';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import check from './accessibility-check.json';
import { FeedbackForm } from './FeedbackForm';
import { DemoNotice, OperatorContact, useOperator } from './OperatorDetails';
import './legal.css';

/** Schlichtungsstelle nach § 16 BGG: its published contact (Bundesbehörden; Länder have their own). */
const SCHLICHTUNGSSTELLE = {
  name: 'Schlichtungsstelle nach dem Behindertengleichstellungsgesetz bei dem Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen',
  address: ['Mauerstraße 53', '10117 Berlin'],
  phone: '+49 30 18 527-2805',
  email: 'info@schlichtungsstelle-bgg.de',
  url: 'https://www.schlichtungsstelle-bgg.de',
};

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
      <section aria-labelledby="a11y-feedback">
        <h2 id="a11y-feedback">{t('legal.accessibility.feedbackHeading')}</h2>
        <p>{t('legal.accessibility.feedbackText')}</p>
        {operator ? <OperatorContact operator={operator} /> : status}
        <FeedbackForm headingLevel={3} />
      </section>
      <section aria-labelledby="a11y-enforcement">
        <h2 id="a11y-enforcement">{t('legal.accessibility.enforcementHeading')}</h2>
        <p>{t('legal.accessibility.enforcementText')}</p>
        <p className="legal-contact__name">{SCHLICHTUNGSSTELLE.name}</p>
        <address className="legal-address">
          {SCHLICHTUNGSSTELLE.address.map((line) => (
            <span key={line}>
              {line}
              <br />
            </span>
          ))}
        </address>
        <dl className="legal-facts">
          <dt>{t('legal.phone')}</dt>
          <dd>{SCHLICHTUNGSSTELLE.phone}</dd>
          <dt>{t('legal.email')}</dt>
          <dd>
            <a href={`mailto:${SCHLICHTUNGSSTELLE.email}`}>{SCHLICHTUNGSSTELLE.email}</a>
          </dd>
          <dt>{t('legal.web')}</dt>
          <dd>
            <a href={SCHLICHTUNGSSTELLE.url}>{SCHLICHTUNGSSTELLE.url}</a>
          </dd>
        </dl>
      </section>
    </div>
  );
}
