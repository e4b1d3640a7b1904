import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './conferences.css';

/**
 * A waitlist outcome or rule, told as what it is: not a success. Warning colours, an
 * icon and a word say it, so it does not rest on colour alone.
 */
export function WaitlistNotice({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <p className="notice notice--warning" role="status" data-testid="waitlist-notice">
      <span className="notice__icon" aria-hidden="true">
        ⚠
      </span>{' '}
      <strong>{t('conferences.registration.waitlistedLabel')}:</strong> {children}
    </p>
  );
}

/**
 * The offer when not all participants fit and nobody waits: take the free places for
 * the first ones and queue the rest, or queue everyone together. The API decides again
 * under the conference lock; a stale offer comes back as SEATS_TAKEN.
 */
export function RegistrationOffer({
  free,
  participants,
  split,
  onChange,
}: {
  free: number;
  participants: number;
  split: boolean;
  onChange: (split: boolean) => void;
}) {
  const { t } = useTranslation();
  const waiting = participants - free;
  return (
    <fieldset className="registration-offer" data-testid="registration-offer">
      <legend>{t('conferences.registration.offerLegend', { count: free })}</legend>
      <div className="radio">
        <input
          type="radio"
          id="offer-split"
          name="registration-offer"
          checked={split}
          onChange={() => onChange(true)}
          aria-describedby="offer-split-hint"
        />
        <label htmlFor="offer-split">
          {t('conferences.registration.offerSplit', { confirmed: free, waiting })}
        </label>
      </div>
      <p className="field__hint" id="offer-split-hint">
        {t('conferences.registration.offerSplitHint', { confirmed: free })}
      </p>
      <div className="radio">
        <input
          type="radio"
          id="offer-whole"
          name="registration-offer"
          checked={!split}
          onChange={() => onChange(false)}
        />
        <label htmlFor="offer-whole">
          {t('conferences.registration.offerWhole', { count: participants })}
        </label>
      </div>
    </fieldset>
  );
}
