import { useTranslation } from 'react-i18next';
import { apiErrorCodes, apiErrorReasons, type ApiErrorLike } from '../../ui/api-errors';
import { ErrorState } from '../../ui/StatusMessages';

/** The search engine (not the request) failed: worth its own message and a retry. */
export function isSearchUnavailable(error: ApiErrorLike | undefined): boolean {
  return (
    apiErrorReasons(error).includes('SEARCH_UNAVAILABLE') ||
    apiErrorCodes(error).includes('SERVICE_UNAVAILABLE')
  );
}

/** What a search page shows when its request failed, with a button to try again. */
export function SearchFailure({
  unavailable,
  onRetry,
}: {
  unavailable: boolean;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  if (!unavailable) return <ErrorState onRetry={onRetry} />;
  return (
    <div className="status status--error" role="alert" data-testid="search-unavailable">
      <h3 className="status__title">{t('search.unavailableHeading')}</h3>
      <p>{t('search.unavailableText')}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('state.retry')}
      </button>
    </div>
  );
}
