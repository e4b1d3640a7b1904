import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  ConfirmWaitlistedRegistrationDocument,
  MoveWaitlistedRegistrationDocument,
  type WaitlistDirection,
} from '../../generated/graphql';
import type { ApiErrorLike } from '../../ui/api-errors';
import './conferences.css';

/**
 * An organizer's hand on one waiting registration: one place up or down, or confirmed
 * now out of line (the API refuses beyond the capacity). Each is audited by the API.
 */
export function WaitlistActions({
  registration,
  first,
  last,
  onDone,
  onError,
}: {
  registration: { id: string; city: { name: string } };
  first: boolean;
  last: boolean;
  onDone: (text: string) => void;
  onError: (error: ApiErrorLike) => void;
}) {
  const { t } = useTranslation();
  const city = registration.city.name;
  const [{ fetching: moving }, move] = useMutation(MoveWaitlistedRegistrationDocument);
  const [{ fetching: confirming }, confirm] = useMutation(ConfirmWaitlistedRegistrationDocument);
  const busy = moving || confirming;

  const onMove = async (direction: WaitlistDirection) => {
    const answer = await move({ id: registration.id, direction });
    if (answer.error) return onError(answer.error);
    onDone(t('conferences.overview.moved'));
  };
  const onConfirm = async () => {
    const answer = await confirm({ id: registration.id });
    if (answer.error) return onError(answer.error);
    onDone(t('conferences.overview.confirmedNow', { city }));
  };

  return (
    <div className="waitlist-actions">
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={busy || first}
        aria-label={t('conferences.overview.moveUp', { city })}
        onClick={() => void onMove('UP')}
      >
        ↑
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={busy || last}
        aria-label={t('conferences.overview.moveDown', { city })}
        onClick={() => void onMove('DOWN')}
      >
        ↓
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={busy}
        onClick={() => void onConfirm()}
      >
        {t('conferences.overview.confirmNow', { city })}
      </button>
    </div>
  );
}
