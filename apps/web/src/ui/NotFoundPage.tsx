import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from './useDocumentTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.documentTitle'));
  return (
    <div className="page page--narrow not-found" data-testid="not-found">
      <h1>{t('notFound.heading')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/" className="button">
          {t('notFound.back')}
        </Link>
      </p>
    </div>
  );
}
