import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { UpdateConferenceDocument } from '../../generated/graphql';
import { ErrorSummary, SuccessMessage, useFormErrors } from '../../ui/FormErrors';
import {
  CONFERENCE_FIELDS,
  CONFERENCE_FIELD_TEXTS,
  ConferenceFields,
  conferenceInput,
  missingConferenceValues,
  type ConferenceValues,
} from './ConferenceFields';
import type { ConferenceDetail } from './types';
import './conferences.css';

/** An instant as Berlin wall-clock time (`YYYY-MM-DDTHH:mm`), as the time fields take it. */
function berlinLocal(instant: string | null | undefined): string {
  if (!instant) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

function valuesOf(conference: ConferenceDetail): ConferenceValues {
  return {
    title: conference.title,
    description: conference.description,
    kind: conference.kind,
    region: conference.region ?? '',
    startsAt: conference.startsAtLocal,
    endsAt: conference.endsAtLocal,
    venue: conference.venue ?? '',
    onlineUrl: conference.onlineUrl ?? '',
    hostCitySlug: conference.hostCity?.slug ?? '',
    capacity: String(conference.capacity),
    registrationOpensAt: berlinLocal(conference.registrationOpensAt as string | null),
    registrationClosesAt: berlinLocal(conference.registrationClosesAt as string | null),
  };
}

/** Organizers change a conference after creating it: the create form's fields, filled in. */
export function ConferenceEditForm({
  conference,
  onChanged,
}: {
  conference: ConferenceDetail;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors(CONFERENCE_FIELDS, CONFERENCE_FIELD_TEXTS);
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState(() => valuesOf(conference));
  const [done, setDone] = useState('');
  const [{ fetching }, update] = useMutation(UpdateConferenceDocument);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing = missingConferenceValues(values);
    if (missing.length > 0) return form.showErrors(missing);
    form.clear();
    const answer = await update({ input: { id: conference.id, ...conferenceInput(values) } });
    if (answer.error) return form.showApiError(answer.error);
    setDone(t('conferences.edit.saved'));
    setOpen(false);
    onChanged();
  };

  return (
    <section className="card conference-section" aria-labelledby="conference-edit-heading">
      <h2 id="conference-edit-heading">{t('conferences.edit.heading')}</h2>
      {done ? <SuccessMessage>{done}</SuccessMessage> : null}
      {open ? (
        <form
          className="form"
          noValidate
          data-testid="conference-edit-form"
          onSubmit={(event) => void onSubmit(event)}
        >
          <ErrorSummary form={form} />
          <ConferenceFields form={form} values={values} onChange={setValues} />
          <div className="form__actions">
            <button type="submit" className="button" disabled={fetching}>
              {t('conferences.edit.submit')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                form.clear();
                setValues(valuesOf(conference));
                setOpen(false);
              }}
            >
              {t('conferences.edit.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setDone('');
            setValues(valuesOf(conference));
            setOpen(true);
          }}
        >
          {t('conferences.edit.open')}
        </button>
      )}
    </section>
  );
}
