import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  AddFollowUpActionDocument,
  FinalizeConferenceRecordDocument,
  SaveConferenceRecordDocument,
  type ConferenceRecordPartsFragment,
  type LinkedPracticeFragment,
} from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import type { ErrorTextKey } from '../../ui/api-errors';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import {
  ErrorSummary,
  SelectField,
  SuccessMessage,
  TextAreaField,
  TextField,
  useFormErrors,
} from '../../ui/FormErrors';
import { formatDateTime, formatDay } from '../../ui/format';
import { ConflictNotice } from '../../ui/ConflictNotice';
import { MarkdownField } from '../../ui/MarkdownField';
import { isOrganizer, useSession } from '../account/session';
import { useAllCities } from '../network/useAllCities';
import type { ConferenceDetail } from './types';
import { LinkedPracticesField } from './LinkedPracticesField';
import { practiceIdsToSave } from './record-practices';
import { RecordPublishToggle } from './RecordPublishToggle';
import './conferences.css';

type RecordParts = ConferenceRecordPartsFragment;

/**
 * The records of a conference: the final ones for network members, the public final ones
 * for anyone else (the API returns only those); organizers also write and publish them.
 */
export function ConferenceRecords({
  conference,
  onChanged,
}: {
  conference: ConferenceDetail;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { me } = useSession();
  const organizer = isOrganizer(me);
  const main = conference.records.find((record) => record.agendaSessionId === null);
  const visible = organizer
    ? conference.records
    : conference.records.filter((record) => record.status === 'FINAL');
  return (
    <section
      className="card conference-section"
      aria-labelledby="conference-records"
      data-testid="conference-records"
    >
      <h2 id="conference-records">{t('conferences.records.heading')}</h2>
      {visible.length === 0 ? <p className="empty">{t('conferences.records.none')}</p> : null}
      {visible.map((record) => (
        <RecordView key={record.id} record={record} conference={conference}>
          {organizer ? <RecordPublishToggle record={record} onChanged={onChanged} /> : null}
        </RecordView>
      ))}
      {organizer ? (
        // One editor per conference: it must keep its state (and its message) when the
        // first save gives the record an id.
        <RecordEditor conference={conference} record={main} onChanged={onChanged} />
      ) : null}
      {organizer && main ? <FollowUpForm record={main} onChanged={onChanged} /> : null}
    </section>
  );
}

function RecordView({
  record,
  conference,
  children,
}: {
  record: RecordParts;
  conference: ConferenceDetail;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const session = conference.agenda.find((item) => item.id === record.agendaSessionId);
  return (
    <article className="conference-section" data-testid="record" id={`protokoll-${record.id}`}>
      <h3>
        {session ? session.title : t('conferences.records.whole')}{' '}
        <span className="pill">{t(`conferences.records.status.${record.status}`)}</span>
        {record.public ? (
          <>
            {' '}
            <span className="pill">{t('conferences.records.public')}</span>
          </>
        ) : null}
      </h3>
      {record.public && children ? (
        <p className="muted">{t('conferences.records.publicNotice')}</p>
      ) : null}
      {children}
      {record.finalizedAt ? (
        <p className="muted">
          {t('conferences.records.finalizedAt', {
            date: formatDateTime(record.finalizedAt, language),
          })}
        </p>
      ) : null}
      {record.minutesHtml.trim() ? (
        <>
          <h4>{t('conferences.records.minutes')}</h4>
          {/* The API's sanitized rendering of the Markdown. */}
          <div className="prose" dangerouslySetInnerHTML={{ __html: record.minutesHtml }} />
        </>
      ) : null}
      {record.decisions.trim() ? (
        <>
          <h4>{t('conferences.records.decisions')}</h4>
          <p className="pre-line" data-testid="record-decisions">
            {record.decisions}
          </p>
        </>
      ) : null}
      {record.outcomes.trim() ? (
        <>
          <h4>{t('conferences.records.outcomes')}</h4>
          <p className="pre-line" data-testid="record-outcomes">
            {record.outcomes}
          </p>
        </>
      ) : null}
      {record.linkedPractices.length > 0 ? (
        <>
          <h4>{t('conferences.records.practices')}</h4>
          <ul data-testid="record-practices">
            {record.linkedPractices.map((practice) => (
              <li key={practice.id}>
                <Link to={`/praxis/${practice.id}`}>{practice.title}</Link>{' '}
                <span className="muted">({practice.city.name})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {record.followUpActions.length > 0 ? (
        <>
          <h4>{t('conferences.records.actions')}</h4>
          <ul data-testid="record-actions">
            {record.followUpActions.map((action) => (
              <li key={action.id}>
                {action.what}
                {action.responsibleCity ? ` – ${action.responsibleCity.name}` : ''}
                {action.dueOn
                  ? ` – ${t('conferences.followUps.due', { date: formatDay(action.dueOn, language) })}`
                  : ''}{' '}
                <span className="pill">{t(`conferences.followUps.status.${action.status}`)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}

const RECORD_FIELDS = ['minutes', 'decisions', 'outcomes', 'practiceIds'] as const;
const RECORD_TEXTS = {
  minutes: 'errors.CONFERENCE_TEXT',
  decisions: 'errors.CONFERENCE_TEXT',
  outcomes: 'errors.CONFERENCE_TEXT',
} as const;

function RecordEditor({
  conference,
  record,
  onChanged,
}: {
  conference: ConferenceDetail;
  record: RecordParts | undefined;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors(RECORD_FIELDS, RECORD_TEXTS);
  const [minutes, setMinutes] = useState(record?.minutes ?? '');
  const [decisions, setDecisions] = useState(record?.decisions ?? '');
  const [outcomes, setOutcomes] = useState(record?.outcomes ?? '');
  const [practices, setPractices] = useState<LinkedPracticeFragment[]>(
    record?.linkedPractices ?? [],
  );
  // The links as last saved, to send the list only when it changed (see practiceIdsToSave).
  const [savedPractices, setSavedPractices] = useState<LinkedPracticeFragment[]>(
    record?.linkedPractices ?? [],
  );
  const practiceIds = practiceIdsToSave(practices, savedPractices);
  const [done, setDone] = useState('');
  const [confirming, setConfirming] = useState(false);
  // The revision this form started from; a newer one saved elsewhere is a conflict.
  const [revision, setRevision] = useState(record?.revision);
  const [conflict, setConflict] = useState<{ current: number } | null>(null);
  const [{ fetching: saving }, save] = useMutation(SaveConferenceRecordDocument);
  const [{ fetching: finalizing }, finalize] = useMutation(FinalizeConferenceRecordDocument);
  const busy = saving || finalizing;

  const saveRecord = async (overwrite?: number): Promise<RecordParts | null> => {
    form.clear();
    setDone('');
    const sent = practices;
    const answer = await save({
      input: {
        conferenceId: conference.id,
        minutes,
        decisions,
        outcomes,
        practiceIds,
        expectedRevision: overwrite ?? revision,
      },
    });
    if (answer.error || !answer.data) {
      const stale = answer.error?.graphQLErrors.find(
        (error) => error.extensions?.reason === 'STALE_REVISION',
      );
      if (stale) {
        const params = stale.extensions?.params as { current?: string | number } | undefined;
        setConflict({ current: Number(params?.current ?? (revision ?? 0) + 1) });
      } else if (answer.error) form.showApiError(answer.error);
      return null;
    }
    const saved = answer.data.saveConferenceRecord;
    setConflict(null);
    setRevision(saved.revision);
    // Show what the API kept, unless the organizer changed the links while it saved.
    setPractices((current) =>
      practiceIdsToSave(current, sent) === undefined ? saved.linkedPractices : current,
    );
    setSavedPractices(saved.linkedPractices);
    return saved;
  };

  const submit = async (overwrite?: number) => {
    const saved = await saveRecord(overwrite);
    if (!saved) return;
    // A final record stays final when it is saved again (the API logs the change).
    setDone(
      t(saved.status === 'FINAL' ? 'conferences.records.savedFinal' : 'conferences.records.saved'),
    );
    onChanged();
  };

  const onFinalize = async () => {
    const saved = await saveRecord();
    if (!saved) return setConfirming(false);
    const answer = await finalize({ id: saved.id });
    setConfirming(false);
    if (answer.error) return form.showApiError(answer.error);
    if (answer.data) setRevision(answer.data.finalizeConferenceRecord.revision);
    setDone(t('conferences.records.finalized'));
    onChanged();
  };

  const final = record?.status === 'FINAL';
  return (
    <form
      className="form conference-section"
      noValidate
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        void submit();
      }}
      aria-labelledby="record-editor"
      data-testid="record-editor"
    >
      <h3 id="record-editor">{t('conferences.records.editor')}</h3>
      {final ? <p className="notice">{t('conferences.records.finalNotice')}</p> : null}
      {conflict ? (
        <ConflictNotice
          key={conflict.current}
          level={4}
          title={t('conferences.records.staleTitle')}
          text={t('conferences.records.staleText', { current: conflict.current })}
          reloadLabel={t('conferences.records.staleShow')}
          onReload={onChanged}
          overwriteLabel={t('conferences.records.staleOverwrite')}
          onOverwrite={() => void submit(conflict.current)}
          busy={busy}
          testId="record-conflict"
        />
      ) : null}
      <ErrorSummary form={form} />
      {done ? <SuccessMessage>{done}</SuccessMessage> : null}
      <MarkdownField
        form={form}
        name="minutes"
        label={t('conferences.records.minutes')}
        hint={t('editor.bodyHint')}
        tabsLabel={t('conferences.records.minutesTabs')}
        rows={10}
        topHeading={5}
        value={minutes}
        onChange={setMinutes}
      />
      <TextAreaField
        form={form}
        name="decisions"
        label={t('conferences.records.decisions')}
        value={decisions}
        onChange={setDecisions}
      />
      <TextAreaField
        form={form}
        name="outcomes"
        label={t('conferences.records.outcomes')}
        value={outcomes}
        onChange={setOutcomes}
      />
      <LinkedPracticesField
        id={form.fieldId('practiceIds')}
        error={form.fieldError('practiceIds')}
        linked={practices}
        unsaved={practiceIds !== undefined}
        onChange={setPractices}
      />
      <div className="form__actions">
        <button type="submit" className="button button--secondary" disabled={busy}>
          {final ? t('conferences.records.saveFinal') : t('conferences.records.saveDraft')}
        </button>
        {final ? null : (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => setConfirming(true)}
          >
            {t('conferences.records.finalize')}
          </button>
        )}
      </div>
      {confirming ? (
        <ConfirmDialog
          title={t('conferences.records.finalizeTitle')}
          confirmLabel={t('conferences.records.finalize')}
          tone="primary"
          busy={busy}
          onConfirm={() => void onFinalize()}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('conferences.records.finalizeText')}</p>
        </ConfirmDialog>
      ) : null}
    </form>
  );
}

const ACTION_FIELDS = ['what', 'responsibleCitySlug', 'dueOn'] as const;
const ACTION_TEXTS = {
  what: 'errors.CONFERENCE_TEXT',
  responsibleCitySlug: 'errors.UNKNOWN_CITY',
  dueOn: 'errors.CONFERENCE_DATE',
} as const;

function FollowUpForm({ record, onChanged }: { record: RecordParts; onChanged: () => void }) {
  const { t } = useTranslation();
  const form = useFormErrors(ACTION_FIELDS, ACTION_TEXTS);
  const cities = useAllCities();
  const [what, setWhat] = useState('');
  const [city, setCity] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [done, setDone] = useState('');
  const [{ fetching }, add] = useMutation(AddFollowUpActionDocument);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!what.trim()) {
      const key: ErrorTextKey = 'errors.CONFERENCE_WHAT';
      return form.showErrors([{ field: 'what', key }]);
    }
    form.clear();
    const answer = await add({
      input: {
        recordId: record.id,
        what: what.trim(),
        responsibleCitySlug: city || null,
        dueOn: dueOn || null,
      },
    });
    if (answer.error) return form.showApiError(answer.error);
    setDone(t('conferences.followUps.added'));
    setWhat('');
    onChanged();
  };

  return (
    <form
      className="form conference-section"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      aria-labelledby="follow-up-form"
    >
      <h3 id="follow-up-form">{t('conferences.followUps.add')}</h3>
      <ErrorSummary form={form} />
      {done ? <SuccessMessage>{done}</SuccessMessage> : null}
      <TextField
        form={form}
        name="what"
        label={t('conferences.followUps.what')}
        value={what}
        onChange={setWhat}
      />
      <SelectField
        form={form}
        name="responsibleCitySlug"
        label={t('conferences.followUps.city')}
        value={city}
        onChange={setCity}
        options={[
          { value: '', label: t('conferences.followUps.noCity') },
          ...(cities.status === 'done'
            ? cities.cities.map((item) => ({ value: item.slug, label: item.name }))
            : []),
        ]}
      />
      <TextField
        form={form}
        name="dueOn"
        type="date"
        required={false}
        label={t('conferences.followUps.dueOn')}
        value={dueOn}
        onChange={setDueOn}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={fetching}>
          {t('conferences.followUps.submit')}
        </button>
      </div>
    </form>
  );
}
