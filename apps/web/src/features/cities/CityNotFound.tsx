import { useTranslation } from 'react-i18next';
import { NotFoundSuggestions } from '../../ui/NotFoundPage';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

interface CityNotFoundProps {
  slug: string;
}

/** Shown when no member city has the slug (the server answers such addresses with HTTP 404). */
export function CityNotFound({ slug }: CityNotFoundProps) {
  const { t } = useTranslation();
  useDocumentTitle(t('cityNotFound.documentTitle'));
  return (
    <div className="page page--narrow not-found" data-testid="city-not-found">
      <p className="not-found__code" aria-hidden="true">
        404
      </p>
      <h1>{t('cityNotFound.heading')}</h1>
      <p>{t('cityNotFound.text', { slug })}</p>
      <NotFoundSuggestions />
    </div>
  );
}
