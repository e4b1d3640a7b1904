import { formatSessionTime } from '@wissensnetz/domain';
import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  AddAgendaSessionDocument,
  RemoveAgendaSessionDocument,
  UpdateAgendaSessionDocument,
  type AgendaFormat,
} from '../../generated/graphql';
import type { ErrorTextKey } from '../../ui/api-errors';
import {
  ErrorSummary,
  SelectField,
  SuccessMessage,
  TextField,
  useFormErrors,
} from '../../ui/FormErrors';
import type { ConferenceDetail } from './types';
import { DateTimeField } from './DateTimeField';
import { currentLanguage } from '../../i18n';
import { formatLocalTime } from './conference-format';
import './conferences.css';

const FIELDS = ['title', 'format', 'startsAt', 'endsAt', 'room', 'speakers'] as const;
type Field = (typeof FIELDS)[number];
const FORMATS: AgendaFormat[] = ['TALK', 'WORKSHOP', 'PANEL', 'WORLD_CAFE', 'BREAK', 'OTHER'];
const FIELD_TEXTS = { title: 'errors.CONFERENCE_TITLE' } as const;

type Session = ConferenceDetail['agenda'][number];

/** Organizers add, change and remove agenda sessions; clashes come back on the right field. */
export function AgendaEditor({
  conference,
  onChanged,
}: {
  conference: ConferenceDetail;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors(FIELDS, FIELD_TEXTS);
  const day = conference.startsAtLocal.slice(0, 10);
  const [title, setTitle] = useState('');
  const [format, setFormat] = useState<AgendaFormat>('TALK');
  const [startsAt, setStartsAt] = useState(`${day}T${formatLocalTime(conference.startsAtLocal)}`);
  const [endsAt, setEndsAt] = useState('');
  const [room, setRoom] = useState('');
  const [speakers, setSpeakers] = useState('');
  const [done, setDone] = useState('');
  const [editing, setEditing] = useState<Session | null>(null);
  const [{ fetching: adding }, add] = useMutation(AddAgendaSessionDocument);
  const [{ fetching: saving }, update] = useMutation(UpdateAgendaSessionDocument);
  const language = currentLanguage();
  const formRef = useRef<HTMLFormElement>(null);

  const fill = (session: Session | null) => {
    form.clear();
    setDone('');
    setEditing(session);
    setTitle(session?.title ?? '');
    setFormat(session?.format ?? 'TALK');
    setStartsAt(session?.startsAtLocal ?? `${day}T${formatLocalTime(conference.startsAtLocal)}`);
    setEndsAt(session?.endsAtLocal ?? '');
    setRoom(session?.room ?? '');
    setSpeakers(session?.speakers ?? '');
    // Keyboard and screen-reader users land in the form that now holds the session.
    if (session) requestAnimationFrame(() => formRef.current?.querySelector('input')?.focus());
  };
  const [{ fetching: removing }, remove] = useMutation(RemoveAgendaSessionDocument);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing: Array<{ field: Field; key: ErrorTextKey }> = [];
    if (!title.trim()) missing.push({ field: 'title', key: 'errors.REQUIRED_TITLE' });
    if (!startsAt) missing.push({ field: 'startsAt', key: 'errors.CONFERENCE_TIME_REQUIRED' });
    if (!endsAt) missing.push({ field: 'endsAt', key: 'errors.CONFERENCE_TIME_REQUIRED' });
    if (missing.length > 0) return form.showErrors(missing);
    form.clear();
    const values = {
      title: title.trim(),
      format,
      startsAt,
      endsAt,
      room: room.trim(),
      speakers: speakers.trim(),
    };
    const answer = editing
      ? await update({ input: { id: editing.id, ...values } })
      : await add({ input: { conferenceId: conference.id, ...values } });
    if (answer.error) return form.showApiError(answer.error);
    setDone(t(editing ? 'conferences.agenda.updated' : 'conferences.agenda.added', values));
    setEditing(null);
    setTitle('');
    setSpeakers('');
    onChanged();
  };

  const onRemove = async (id: string, sessionTitle: string) => {
    const answer = await remove({ id });
    if (answer.error) return form.showApiError(answer.error);
    setDone(t('conferences.agenda.removed', { title: sessionTitle }));
    onChanged();
  };

  return (
    <div className="conference-section" data-testid="agenda-editor">
      <h3>{t('conferences.agenda.edit')}</h3>
      {done ? <SuccessMessage>{done}</SuccessMessage> : null}
      {conference.agenda.length > 0 ? (
        <ul className="link-list">
          {conference.agenda.map((session) => (
            <li key={session.id}>
              {formatSessionTime(session.startsAtLocal, session.endsAtLocal, language)}{' '}
              {session.title}{' '}
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={`${t('conferences.agenda.editSession')}: ${session.title}`}
                onClick={() => fill(session)}
              >
                {t('conferences.agenda.editSession')}
              </button>{' '}
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={removing}
                // A name of its own: a visually hidden ": title" inside reads "Entfernen : title".
                aria-label={`${t('conferences.agenda.remove')}: ${session.title}`}
                onClick={() => void onRemove(session.id, session.title)}
              >
                {t('conferences.agenda.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        ref={formRef}
        className="form"
        noValidate
        aria-label={
          editing
            ? t('conferences.agenda.editingSession', { title: editing.title })
            : t('conferences.agenda.add')
        }
        onSubmit={(event) => void onSubmit(event)}
      >
        {editing ? (
          <h4>{t('conferences.agenda.editingSession', { title: editing.title })}</h4>
        ) : null}
        <ErrorSummary form={form} />
        <TextField
          form={form}
          name="title"
          label={t('conferences.agenda.title')}
          value={title}
          onChange={setTitle}
        />
        <SelectField
          form={form}
          name="format"
          label={t('conferences.agenda.format')}
          value={format}
          onChange={(value) => setFormat(value as AgendaFormat)}
          options={FORMATS.map((value) => ({
            value,
            label: t(`conferences.format.${value}`),
          }))}
        />
        <DateTimeField
          form={form}
          name="startsAt"
          label={t('conferences.agenda.startsAt')}
          value={startsAt}
          onChange={setStartsAt}
        />
        <DateTimeField
          form={form}
          name="endsAt"
          label={t('conferences.agenda.endsAt')}
          value={endsAt}
          onChange={setEndsAt}
        />
        <TextField
          form={form}
          name="room"
          label={t('conferences.agenda.room')}
          required={false}
          value={room}
          onChange={setRoom}
        />
        <TextField
          form={form}
          name="speakers"
          label={t('conferences.agenda.speakers')}
          required={false}
          value={speakers}
          onChange={setSpeakers}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={adding || saving}>
            {editing ? t('conferences.agenda.saveSession') : t('conferences.agenda.add')}
          </button>
          {editing ? (
            <button type="button" className="button button--secondary" onClick={() => fill(null)}>
              {t('conferences.agenda.cancelEdit')}
            </button>
          ) : null}
        </div>
      </form>
    </div>
  );
}
