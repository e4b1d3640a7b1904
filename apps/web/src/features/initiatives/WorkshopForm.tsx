import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import {
  RecordWorkshopDocument,
  UpdateWorkshopDocument,
  type InitiativePartsFragment,
  type WorkshopPartsFragment,
} from '../../generated/graphql';
import type { ErrorTextKey } from '../../ui/api-errors';
import {
  ErrorSummary,
  SelectField,
  SuccessMessage,
  TextField,
  useFormErrors,
} from '../../ui/FormErrors';
import { MarkdownField } from '../../ui/MarkdownField';

const FIELDS = ['fieldId', 'title', 'heldOn', 'participants', 'outcomes'] as const;
type Field = (typeof FIELDS)[number];

/** Today in Berlin as YYYY-MM-DD: a workshop is recorded after it was held. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format();

function validDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const day = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
  return day.toISOString().slice(0, 10) === value && value >= '2000-01-01' && value <= today();
}

/** Record a workshop (no `workshop`) or edit one; the action field is chosen once. */
export function WorkshopForm({
  initiative,
  workshop,
  onSaved,
}: {
  initiative: InitiativePartsFragment;
  workshop?: WorkshopPartsFragment;
  onSaved: (saved: WorkshopPartsFragment) => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors(FIELDS);
  const [fieldId, setFieldId] = useState(workshop?.fieldId ?? initiative.fields[0]?.id ?? '');
  const [title, setTitle] = useState(workshop?.title ?? '');
  const [heldOn, setHeldOn] = useState(workshop?.heldOn ?? '');
  const [participants, setParticipants] = useState(String(workshop?.participants ?? ''));
  const [outcomes, setOutcomes] = useState(workshop?.outcomes ?? '');
  const [saved, setSaved] = useState(false);
  const [{ fetching: recording }, record] = useMutation(RecordWorkshopDocument);
  const [{ fetching: updating }, update] = useMutation(UpdateWorkshopDocument);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const problems: Array<{ field: Field; key: ErrorTextKey }> = [];
    if (!title.trim()) problems.push({ field: 'title', key: 'errors.WORKSHOP_TITLE_MISSING' });
    if (!validDay(heldOn.trim()))
      problems.push({ field: 'heldOn', key: 'errors.WORKSHOP_DATE_INVALID' });
    const count = participants.trim();
    if (!/^\d{1,6}$/.test(count) || Number(count) > 100_000)
      problems.push({ field: 'participants', key: 'errors.WORKSHOP_PARTICIPANTS_INVALID' });
    if (problems.length > 0) return form.showErrors(problems);
    const values = {
      title,
      heldOn: heldOn.trim(),
      participants: Number(count),
      outcomes,
    };
    if (workshop) {
      const result = await update({ input: { id: workshop.id, ...values } });
      if (result.error || !result.data) return form.showApiError(result.error!);
      form.clear();
      setSaved(true);
      onSaved(result.data.updateWorkshop);
    } else {
      const result = await record({ input: { initiativeId: initiative.id, fieldId, ...values } });
      if (result.error || !result.data) return form.showApiError(result.error!);
      form.clear();
      onSaved(result.data.recordWorkshop);
    }
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      data-testid="workshop-form"
    >
      <ErrorSummary form={form} />
      {saved ? <SuccessMessage>{t('initiatives.workshops.form.saved')}</SuccessMessage> : null}
      {workshop ? null : (
        <SelectField
          form={form}
          name="fieldId"
          label={t('initiatives.workshops.form.field')}
          value={fieldId}
          onChange={setFieldId}
          options={initiative.fields.map((field) => ({ value: field.id, label: field.name }))}
        />
      )}
      <TextField
        form={form}
        name="title"
        label={t('initiatives.workshops.form.title')}
        value={title}
        onChange={setTitle}
      />
      <TextField
        form={form}
        name="heldOn"
        type="date"
        label={t('initiatives.workshops.form.heldOn')}
        hint={t('initiatives.workshops.form.heldOnHint')}
        value={heldOn}
        onChange={setHeldOn}
      />
      <TextField
        form={form}
        name="participants"
        label={t('initiatives.workshops.form.participants')}
        hint={t('initiatives.workshops.form.participantsHint')}
        value={participants}
        onChange={setParticipants}
        autoComplete="off"
      />
      <MarkdownField
        form={form}
        name="outcomes"
        label={t('initiatives.workshops.form.outcomes')}
        hint={t('initiatives.workshops.form.outcomesHint')}
        tabsLabel={t('initiatives.workshops.form.outcomesTabs')}
        value={outcomes}
        onChange={setOutcomes}
        rows={8}
        topHeading={4}
      />
      <button type="submit" className="button" disabled={recording || updating}>
        {t('initiatives.workshops.form.save')}
      </button>
    </form>
  );
}
