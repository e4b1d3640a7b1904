import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/** On the account page: where to see what one follows and how often e-mail comes. */
export function FollowingSection() {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="following-heading">
      <h2 id="following-heading">{t('follows.heading')}</h2>
      <p>{t('follows.settingsLink')}</p>
      <p>
        <Link to="/konto/folge-ich">{t('follows.accountLink')}</Link> ·{' '}
        <Link to="/benachrichtigungen">{t('notifications.heading')}</Link>
      </p>
    </section>
  );
}
