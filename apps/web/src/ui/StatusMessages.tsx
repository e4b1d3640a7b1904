import { useTranslation } from 'react-i18next';

interface LoadingProps {
  label?: string;
}

/** Polite live region, so screen readers hear that content is on its way. */
export function Loading({ label }: LoadingProps) {
  const { t } = useTranslation();
  return (
    <div className="status status--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('state.loading')}</span>
    </div>
  );
}

interface ErrorStateProps {
  onRetry?: () => void;
}

export function ErrorState({ onRetry }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <div className="status status--error" role="alert">
      <h2 className="status__title">{t('state.errorTitle')}</h2>
      <p>{t('state.errorText')}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('state.retry')}
        </button>
      ) : null}
    </div>
  );
}
