import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { signInPath } from './return-path';

/** Shown instead of a page that needs an account; sign-in brings the visitor back here. */
export function SignInRequired() {
  const { t } = useTranslation();
  const location = useLocation();
  useDocumentTitle(t('auth.signInRequired.heading'));
  return (
    <div className="page page--narrow" data-testid="sign-in-required">
      <h1>{t('auth.signInRequired.heading')}</h1>
      <p>{t('auth.signInRequired.text')}</p>
      <p>
        <Link className="button" to={signInPath(location.pathname + location.search)}>
          {t('auth.signIn')}
        </Link>
      </p>
    </div>
  );
}

/** Signed in, but this page is for other roles. */
export function NoAccess({ text }: { text: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.noAccess.heading'));
  return (
    <div className="page page--narrow" data-testid="no-access">
      <h1>{t('auth.noAccess.heading')}</h1>
      <p>{text}</p>
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </div>
  );
}
