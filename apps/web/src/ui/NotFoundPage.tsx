import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from './useDocumentTitle';

/** Any address the app has no page for (the server answers it with HTTP 404 too). */
export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.documentTitle'));
  return (
    <div className="page page--narrow not-found" data-testid="not-found">
      <h1>{t('notFound.heading')}</h1>
      <p>{t('notFound.text')}</p>
      <NotFoundSuggestions />
    </div>
  );
}

/** Where to go from an address that leads nowhere: shared by every not-found page. */
export function NotFoundSuggestions() {
  const { t } = useTranslation();
  return (
    <>
      <h2 id="not-found-next">{t('notFound.suggestions')}</h2>
      <nav aria-labelledby="not-found-next">
        <ul>
          <li>
            <Link to="/">{t('notFound.back')}</Link>
          </li>
          <li>
            <Link to="/suche">{t('notFound.search')}</Link>
          </li>
          <li>
            <Link to="/themen">{t('notFound.topics')}</Link>
          </li>
          <li>
            <Link to="/konferenzen">{t('notFound.conferences')}</Link>
          </li>
        </ul>
      </nav>
    </>
  );
}
