import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import './easy-read.css';

/** The Schlichtungsstelle nach § 16 BGG (federal bodies; the statement names the states' ones). */
const MEDIATION_URL = 'https://www.schlichtungsstelle-bgg.de/';

/** One sentence a line: Leichte Sprache puts every statement on its own line. */
function Lines({ text }: { text: string }) {
  return (
    <>
      {text.split('\n').map((line) => (
        <p key={line}>{line}</p>
      ))}
    </>
  );
}

function List({ text }: { text: string }) {
  return (
    <ul>
      {text.split('\n').map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

const SECTIONS = [
  'what',
  'who',
  'navigate',
  'accessibility',
  'limits',
  'report',
  'mediation',
  'signLanguage',
] as const;

/**
 * What the platform is, how to find one's way and the essentials of the accessibility
 * statement (BITV 2.0 § 4), in Leichte Sprache (German) or Easy Read (English).
 */
export function EasyReadPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('easyRead.documentTitle'));
  return (
    <div className="page page--narrow easy-read" data-testid="easy-read-page">
      <h1>{t('easyRead.heading')}</h1>
      <Lines text={t('easyRead.intro')} />
      <nav aria-labelledby="easy-read-contents">
        <h2 id="easy-read-contents">{t('easyRead.contentsLabel')}</h2>
        <ul>
          {SECTIONS.map((id) => (
            <li key={id}>
              <a href={`#easy-read-${id}`}>{t(`easyRead.${id}.heading`)}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="easy-read-what-heading" id="easy-read-what">
        <h2 id="easy-read-what-heading">{t('easyRead.what.heading')}</h2>
        <Lines text={t('easyRead.what.text')} />
        <p>{t('easyRead.what.listIntro')}</p>
        <List text={t('easyRead.what.list')} />
      </section>

      <section aria-labelledby="easy-read-who-heading" id="easy-read-who">
        <h2 id="easy-read-who-heading">{t('easyRead.who.heading')}</h2>
        <Lines text={t('easyRead.who.text')} />
      </section>

      <section aria-labelledby="easy-read-navigate-heading" id="easy-read-navigate">
        <h2 id="easy-read-navigate-heading">{t('easyRead.navigate.heading')}</h2>
        <Lines text={t('easyRead.navigate.text')} />
        <List text={t('easyRead.navigate.list')} />
        <Lines text={t('easyRead.navigate.keyboard')} />
      </section>

      <section aria-labelledby="easy-read-accessibility-heading" id="easy-read-accessibility">
        <h2 id="easy-read-accessibility-heading">{t('easyRead.accessibility.heading')}</h2>
        <Lines text={t('easyRead.accessibility.text')} />
        <p>
          <Link to="/barrierefreiheit">{t('easyRead.accessibility.link')}</Link>
        </p>
      </section>

      <section aria-labelledby="easy-read-limits-heading" id="easy-read-limits">
        <h2 id="easy-read-limits-heading">{t('easyRead.limits.heading')}</h2>
        <Lines text={t('easyRead.limits.text')} />
        <List text={t('easyRead.limits.list')} />
      </section>

      <section aria-labelledby="easy-read-report-heading" id="easy-read-report">
        <h2 id="easy-read-report-heading">{t('easyRead.report.heading')}</h2>
        <Lines text={t('easyRead.report.text')} />
        <ul className="easy-read__links">
          <li>
            <Link to="/barrierefreiheit#feedback">{t('easyRead.report.formLink')}</Link>
          </li>
          <li>
            <Link to="/kontakt">{t('easyRead.report.contactLink')}</Link>
          </li>
        </ul>
      </section>

      <section aria-labelledby="easy-read-mediation-heading" id="easy-read-mediation">
        <h2 id="easy-read-mediation-heading">{t('easyRead.mediation.heading')}</h2>
        <Lines text={t('easyRead.mediation.text')} />
        <p>
          <a href={MEDIATION_URL} rel="noopener noreferrer">
            {t('easyRead.mediation.link')}
          </a>
        </p>
      </section>

      <section aria-labelledby="easy-read-signLanguage-heading" id="easy-read-signLanguage">
        <h2 id="easy-read-signLanguage-heading">{t('easyRead.signLanguage.heading')}</h2>
        <Lines text={t('easyRead.signLanguage.text')} />
        <p>
          <Link to="/gebaerdensprache">{t('easyRead.signLanguage.link')}</Link>
        </p>
      </section>
    </div>
  );
}
