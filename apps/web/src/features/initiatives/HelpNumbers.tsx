import { useTranslation } from 'react-i18next';
import './initiatives.css';

/**
 * Shown first when a resident chooses a sensitive action field (domestic violence): the
 * national help numbers as phone links, and the warning not to name persons at risk.
 */
export function HelpNumbers({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <section className="help-numbers" aria-labelledby={id} data-testid="help-numbers">
      <h3 id={id}>{t('initiatives.help.heading')}</h3>
      <p>{t('initiatives.help.intro')}</p>
      <ul>
        <li>
          <a href="tel:110">{t('initiatives.help.emergency')}</a>
        </li>
        <li>
          <a href="tel:116016">{t('initiatives.help.women')}</a>
        </li>
        <li>
          <a href="tel:08001239900">{t('initiatives.help.men')}</a>
        </li>
      </ul>
      <p className="help-numbers__warning">
        <strong>{t('initiatives.help.warning')}</strong>
      </p>
    </section>
  );
}
