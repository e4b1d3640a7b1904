import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useSession } from '../account/session';
import { signInPath } from '../account/return-path';

/** Unknown and not visible look the same: the API does not tell them apart, and neither do we. */
export function PracticeNotFound() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { pathname } = useLocation();
  useDocumentTitle(t('practice.notFound.documentTitle'));
  return (
    <div className="page page--narrow not-found" data-testid="practice-not-found">
      <h1>{t('practice.notFound.heading')}</h1>
      <p>{t('practice.notFound.text')}</p>
      <p className="form__actions">
        <Link to="/suche" className="button">
          {t('practice.notFound.search')}
        </Link>
        {me === null ? (
          <Link to={signInPath(pathname)} className="button button--secondary">
            {t('practice.notFound.signIn')}
          </Link>
        ) : null}
      </p>
    </div>
  );
}
