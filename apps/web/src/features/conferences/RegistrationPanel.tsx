import { useMemo, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { CancelRegistrationDocument, RegisterForConferenceDocument } from '../../generated/graphql';
import { apiErrorReasons, type ErrorTextKey } from '../../ui/api-errors';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorSummary, SuccessMessage, TextField, useFormErrors } from '../../ui/FormErrors';
import type { SessionUser } from '../account/session';
import { RegistrationOffer, WaitlistNotice } from './RegistrationOffer';
import type { ConferenceDetail } from './types';
import './conferences.css';

interface Row {
  key: number;
  name: string;
  email: string;
  role: string;
  needs: string;
}

const PARTS = ['name', 'email', 'role', 'needs'] as const;
const FIELD_TEXTS = {
  name: 'errors.CONFERENCE_PARTICIPANT_NAME',
  email: 'errors.INVALID_EMAIL',
  participants: 'errors.CONFERENCE_PARTICIPANTS',
} as const;

let nextKey = 1;
const emptyRow = (): Row => ({ key: nextKey++, name: '', email: '', role: '', needs: '' });

/** A city coordinator registers participants, then sees the city's status and may cancel. */
export function RegistrationPanel({
  conference,
  me,
  onChanged,
}: {
  conference: ConferenceDetail;
  me: SessionUser;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const cities = me.memberships
    .filter((membership) => membership.role === 'COORDINATOR')
    .map((membership) => membership.city);
  const [citySlug, setCitySlug] = useState(me.actingCity?.slug ?? cities[0]?.slug ?? '');
  const city = cities.find((item) => item.slug === citySlug) ?? cities[0];
  const [rows, setRows] = useState<Row[]>(() => [emptyRow()]);
  const fields = useMemo(
    () => [
      'participants',
      ...rows.flatMap((_, index) => PARTS.map((part) => `participants.${index}.${part}`)),
    ],
    [rows],
  );
  const form = useFormErrors<string>(fields, FIELD_TEXTS);
  const [done, setDone] = useState<{ text: string; waitlist: boolean } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [split, setSplit] = useState(true);
  const [{ fetching: registering }, register] = useMutation(RegisterForConferenceDocument);
  const [{ fetching: cancelling }, cancel] = useMutation(CancelRegistrationDocument);

  if (!city) return null;
  // A split registration is two: the confirmed part and its waiting rest.
  const mine = conference.registrations.filter(
    (registration) => registration.city.slug === city.slug && registration.status !== 'CANCELLED',
  );
  const free = conference.freePlaces;
  const offer = free > 0 && free < rows.length;

  const update = (index: number, part: (typeof PARTS)[number], value: string) =>
    setRows((list) => list.map((row, i) => (i === index ? { ...row, [part]: value } : row)));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing: Array<{ field: string; key: ErrorTextKey }> = [];
    rows.forEach((row, index) => {
      if (!row.name.trim()) {
        missing.push({
          field: `participants.${index}.name`,
          key: 'errors.CONFERENCE_PARTICIPANT_NAME',
        });
      }
      if (!row.email.trim()) {
        missing.push({ field: `participants.${index}.email`, key: 'errors.REQUIRED_EMAIL' });
      }
    });
    if (missing.length > 0) return form.showErrors(missing);
    form.clear();
    setDone(null);
    const answer = await register({
      input: {
        conferenceId: conference.id,
        citySlug: city.slug,
        minConfirmed: offer && split ? free : null,
        participants: rows.map((row) => ({
          name: row.name.trim(),
          email: row.email.trim(),
          role: row.role.trim(),
          needs: row.needs.trim(),
        })),
      },
    });
    if (answer.error) {
      // A stale offer: show the places as they are now, the rows stay filled in.
      if (apiErrorReasons(answer.error).includes('SEATS_TAKEN')) onChanged();
      return form.showApiError(answer.error);
    }
    const registration = answer.data?.registerForConference;
    if (registration?.status === 'WAITLISTED') {
      setDone({
        waitlist: true,
        text: t('conferences.registration.waitlisted', {
          position: registration.waitlistPosition ?? 0,
        }),
      });
    } else if (registration && registration.participantCount < rows.length) {
      setDone({
        waitlist: true,
        text: t('conferences.registration.split', {
          confirmed: registration.participantCount,
          waiting: rows.length - registration.participantCount,
        }),
      });
    } else {
      setDone({ waitlist: false, text: t('conferences.registration.confirmed') });
    }
    setRows([emptyRow()]);
    onChanged();
  };

  const onCancel = async () => {
    if (!confirming) return;
    const answer = await cancel({ id: confirming });
    setConfirming(null);
    if (answer.error) return form.showApiError(answer.error);
    setDone({ waitlist: false, text: t('conferences.registration.cancelled') });
    onChanged();
  };

  return (
    <section
      className="card conference-section"
      aria-labelledby="conference-registration"
      data-testid="registration-panel"
    >
      <h2 id="conference-registration">
        {t('conferences.registration.heading', { city: city.name })}
      </h2>
      {cities.length > 1 ? (
        <div className="field">
          <label htmlFor="registration-city">{t('conferences.registration.city')}</label>
          <select
            id="registration-city"
            value={city.slug}
            onChange={(event) => setCitySlug(event.target.value)}
          >
            {cities.map((item) => (
              <option key={item.slug} value={item.slug}>
                {item.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <ErrorSummary form={form} />
      {done?.waitlist ? <WaitlistNotice>{done.text}</WaitlistNotice> : null}
      {done && !done.waitlist ? <SuccessMessage>{done.text}</SuccessMessage> : null}

      {mine.length > 0 ? (
        <div data-testid="registration-status">
          {mine.map((current) => (
            <div key={current.id} className="registration-own">
              <p>
                {current.status === 'CONFIRMED'
                  ? t('conferences.registration.statusConfirmed', {
                      count: current.participantCount,
                    })
                  : t(
                      current.splitRest
                        ? 'conferences.registration.statusRest'
                        : 'conferences.registration.statusWaitlisted',
                      { position: current.waitlistPosition ?? 0, count: current.participantCount },
                    )}
              </p>
              {current.participants.length > 0 ? (
                <ul>
                  {current.participants.map((person, index) => (
                    <li key={index}>
                      {person.name} ({person.email}){person.role ? `, ${person.role}` : ''}
                    </li>
                  ))}
                </ul>
              ) : null}
              <button
                type="button"
                className="button button--danger"
                onClick={() => setConfirming(current.id)}
              >
                {t('conferences.registration.cancel')}
              </button>
            </div>
          ))}
        </div>
      ) : conference.status !== 'OPEN' ? (
        <p className="notice">{t('conferences.registration.notOpen')}</p>
      ) : (
        <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
          {conference.waitlistedRegistrations > 0 ? (
            <WaitlistNotice>{t('conferences.registration.hintWaiting')}</WaitlistNotice>
          ) : free > 0 ? (
            <p className="field__hint">{t('conferences.registration.hint', { count: free })}</p>
          ) : (
            <WaitlistNotice>{t('conferences.registration.hintFull')}</WaitlistNotice>
          )}
          {rows.map((row, index) => (
            <fieldset key={row.key} className="participant-row" data-testid="participant-row">
              <legend>{t('conferences.registration.participant', { number: index + 1 })}</legend>
              <TextField
                form={form}
                name={`participants.${index}.name`}
                label={t('conferences.registration.name')}
                value={row.name}
                autoComplete="off"
                onChange={(value) => update(index, 'name', value)}
              />
              <TextField
                form={form}
                name={`participants.${index}.email`}
                type="email"
                label={t('conferences.registration.email')}
                value={row.email}
                autoComplete="off"
                onChange={(value) => update(index, 'email', value)}
              />
              <TextField
                form={form}
                name={`participants.${index}.role`}
                label={t('conferences.registration.role')}
                required={false}
                value={row.role}
                onChange={(value) => update(index, 'role', value)}
              />
              <TextField
                form={form}
                name={`participants.${index}.needs`}
                label={t('conferences.registration.needs')}
                hint={t('conferences.registration.needsHint')}
                required={false}
                value={row.needs}
                onChange={(value) => update(index, 'needs', value)}
              />
              {rows.length > 1 ? (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => setRows((list) => list.filter((_, i) => i !== index))}
                >
                  {t('conferences.registration.removeRow', { number: index + 1 })}
                </button>
              ) : null}
            </fieldset>
          ))}
          {offer ? (
            <RegistrationOffer
              free={free}
              participants={rows.length}
              split={split}
              onChange={setSplit}
            />
          ) : null}
          <div className="form__actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setRows((list) => [...list, emptyRow()])}
            >
              {t('conferences.registration.addRow')}
            </button>
            <button type="submit" className="button" disabled={registering}>
              {t('conferences.registration.submit')}
            </button>
          </div>
        </form>
      )}

      {confirming ? (
        <ConfirmDialog
          title={t('conferences.registration.cancelTitle')}
          confirmLabel={t('conferences.registration.cancel')}
          busy={cancelling}
          onConfirm={() => void onCancel()}
          onCancel={() => setConfirming(null)}
        >
          <p>{t('conferences.registration.cancelText', { city: city.name })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
