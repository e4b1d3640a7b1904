import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

interface CityNotFoundProps {
  slug: string;
}

/** Shown when the API answers `city: null`: the SPA still returns 200, so the page has to say it clearly. */
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
      <p>
        <Link to="/" className="button">
          {t('cityNotFound.back')}
        </Link>
      </p>
    </div>
  );
}
