import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Content that arrives sooner than this shows without a loading message flashing first. */
export const LOADING_DELAY_MS = 300;

interface LoadingProps {
  label?: string;
}

/**
 * Polite live region, so screen readers hear that content is on its way. The region is
 * there at once but says something only after a moment: on a fast connection the page
 * comes first, and a region that exists before its text changes is announced reliably.
 */
export function Loading({ label }: LoadingProps) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setShown(true), LOADING_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, []);
  if (!shown) return <div role="status" aria-live="polite" data-testid="loading-pending" />;
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
