import { useState } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { UpdateConferenceStatusDocument, type ConferenceStatus } from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorSummary, SuccessMessage, useFormErrors } from '../../ui/FormErrors';
import { formatDateTime } from '../../ui/format';
import { ScrollRegion } from '../../ui/ScrollRegion';
import type { ConferenceDetail } from './types';
import { WaitlistActions } from './WaitlistActions';
import './conferences.css';

const NEXT: Record<ConferenceStatus, ConferenceStatus[]> = {
  PLANNED: ['OPEN', 'CANCELLED'],
  OPEN: ['CLOSED', 'CANCELLED'],
  CLOSED: ['HELD', 'CANCELLED'],
  HELD: [],
  CANCELLED: [],
};
const NO_FIELDS: readonly string[] = [];

/** Organizers move a conference through its states; cancelling asks first. */
export function ConferenceStatusActions({
  conference,
  onChanged,
}: {
  conference: ConferenceDetail;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors(NO_FIELDS);
  const [done, setDone] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [{ fetching }, update] = useMutation(UpdateConferenceStatusDocument);
  const next = NEXT[conference.status];

  const change = async (status: ConferenceStatus) => {
    form.clear();
    const answer = await update({ input: { id: conference.id, status } });
    setConfirming(false);
    if (answer.error) return form.showApiError(answer.error);
    setDone(t(`conferences.statusAction.done.${status}`));
    onChanged();
  };

  if (next.length === 0 && !done) return null;
  return (
    <section className="card conference-section" aria-labelledby="conference-status-actions">
      <h2 id="conference-status-actions">{t('conferences.statusAction.heading')}</h2>
      <ErrorSummary form={form} />
      {done ? <SuccessMessage>{done}</SuccessMessage> : null}
      <div className="row-actions">
        {next.map((status) => (
          <button
            key={status}
            type="button"
            className={status === 'CANCELLED' ? 'button button--danger' : 'button'}
            disabled={fetching}
            onClick={() => (status === 'CANCELLED' ? setConfirming(true) : void change(status))}
          >
            {t(`conferences.statusAction.${status}`)}
          </button>
        ))}
      </div>
      {confirming ? (
        <ConfirmDialog
          title={t('conferences.statusAction.cancelTitle')}
          confirmLabel={t('conferences.statusAction.CANCELLED')}
          busy={fetching}
          onConfirm={() => void change('CANCELLED')}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('conferences.statusAction.cancelText', { title: conference.title })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

/** Every city's registration: confirmed first, then the waitlist in its order. */
export function RegistrationsOverview({
  conference,
  onChanged,
}: {
  conference: ConferenceDetail;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const form = useFormErrors(NO_FIELDS);
  const [done, setDone] = useState('');
  const order = { CONFIRMED: 0, WAITLISTED: 1, CANCELLED: 2 } as const;
  const rows = [...conference.registrations].sort(
    (a, b) =>
      order[a.status] - order[b.status] ||
      (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0) ||
      a.createdAt.localeCompare(b.createdAt),
  );
  const waiting = rows.filter((row) => row.status === 'WAITLISTED').length;
  const onDone = (text: string) => {
    form.clear();
    setDone(text);
    onChanged();
  };
  return (
    <section
      className="card conference-section"
      aria-labelledby="conference-registrations"
      data-testid="registrations-overview"
    >
      <h2 id="conference-registrations">{t('conferences.overview.heading')}</h2>
      <ErrorSummary form={form} />
      {done ? <SuccessMessage>{done}</SuccessMessage> : null}
      <p>
        {t('conferences.overview.summary', {
          confirmed: conference.confirmedParticipants,
          count: conference.capacity,
        })}{' '}
        <a href={`/export/conferences/${conference.id}/registrations.csv`} download>
          {t('conferences.overview.csv')}
        </a>
      </p>
      {rows.length === 0 ? (
        <p className="empty">{t('conferences.overview.none')}</p>
      ) : (
        <ScrollRegion label={t('conferences.overview.heading')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('conferences.overview.city')}</th>
                <th scope="col">{t('conferences.overview.count')}</th>
                <th scope="col">{t('conferences.overview.status')}</th>
                <th scope="col">{t('conferences.overview.participants')}</th>
                <th scope="col">{t('conferences.overview.registeredAt')}</th>
                {waiting > 0 ? <th scope="col">{t('conferences.overview.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((registration) => (
                <tr key={registration.id} data-testid="registration-row">
                  <th scope="row">
                    {registration.city.name}
                    {registration.splitRest ? ` (${t('conferences.overview.rest')})` : ''}
                  </th>
                  <td>{registration.participantCount}</td>
                  <td>
                    {registration.status === 'WAITLISTED'
                      ? t('conferences.overview.waitlist', {
                          position: registration.waitlistPosition ?? 0,
                        })
                      : t(`conferences.registrationStatus.${registration.status}`)}
                  </td>
                  <td>
                    <ul className="table__sub">
                      {registration.participants.map((person, index) => (
                        <li key={index}>
                          {person.name} ({person.email}){person.role ? `, ${person.role}` : ''}
                          {person.needs ? ` – ${person.needs}` : ''}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>{formatDateTime(registration.createdAt, language)}</td>
                  {waiting > 0 ? (
                    <td>
                      {registration.status === 'WAITLISTED' ? (
                        <WaitlistActions
                          registration={registration}
                          first={registration.waitlistPosition === 1}
                          last={registration.waitlistPosition === waiting}
                          onDone={onDone}
                          onError={(error) => {
                            setDone('');
                            form.showApiError(error);
                          }}
                        />
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
