import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import {
  CreateMeasureDocument,
  MeasureStatus,
  UpdateMeasureDocument,
  type InitiativePartsFragment,
  type MeasurePartsFragment,
} from '../../generated/graphql';
import {
  ErrorSummary,
  SelectField,
  TextAreaField,
  TextField,
  useFormErrors,
} from '../../ui/FormErrors';
import './measures.css';

const FIELDS = ['title', 'fieldId', 'goal', 'actors', 'status'] as const;
const STATUSES = ['PLANNED', 'RUNNING', 'DONE'] as MeasureStatus[];

/** Creates a measure, or edits one: title, action field, goal, actors, status. */
export function MeasureForm({
  initiative,
  measure,
  onSaved,
  onCancel,
}: {
  initiative: InitiativePartsFragment;
  measure?: MeasurePartsFragment;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors(FIELDS);
  const [title, setTitle] = useState(measure?.title ?? '');
  const [fieldId, setFieldId] = useState(measure?.fieldId ?? initiative.fields[0]?.id ?? '');
  const [goal, setGoal] = useState(measure?.goal ?? '');
  const [actors, setActors] = useState(measure?.actors ?? '');
  const [status, setStatus] = useState<string>(measure?.status ?? 'PLANNED');
  const [, create] = useMutation(CreateMeasureDocument);
  const [, update] = useMutation(UpdateMeasureDocument);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const clean = title.trim();
    if (clean.length < 3 || clean.length > 200) {
      form.showErrors([{ field: 'title', key: 'errors.MEASURE_TITLE' }]);
      return;
    }
    const values = { title: clean, goal, actors, fieldId, status: status as MeasureStatus };
    const result = measure
      ? await update({ input: { id: measure.id, ...values } })
      : await create({ input: { initiativeId: initiative.id, ...values } });
    if (result.error) {
      form.showApiError(result.error);
      return;
    }
    form.clear();
    if (!measure) {
      setTitle('');
      setGoal('');
      setActors('');
    }
    onSaved();
  };

  return (
    <form className="form measure-form" noValidate onSubmit={onSubmit}>
      <ErrorSummary form={form} />
      <TextField
        form={form}
        name="title"
        label={t('initiatives.measures.title')}
        value={title}
        onChange={setTitle}
      />
      <SelectField
        form={form}
        name="fieldId"
        label={t('initiatives.measures.field')}
        value={fieldId}
        onChange={setFieldId}
        options={initiative.fields.map((field) => ({ value: field.id, label: field.name }))}
      />
      <TextAreaField
        form={form}
        name="goal"
        label={t('initiatives.measures.goal')}
        value={goal}
        onChange={setGoal}
        rows={3}
        required={false}
      />
      <TextField
        form={form}
        name="actors"
        label={t('initiatives.measures.actors')}
        hint={t('initiatives.measures.actorsHint')}
        value={actors}
        onChange={setActors}
        required={false}
      />
      <SelectField
        form={form}
        name="status"
        label={t('initiatives.measures.statusLabel')}
        value={status}
        onChange={setStatus}
        options={STATUSES.map((value) => ({
          value,
          label: t(`initiatives.measures.status.${value}`),
        }))}
      />
      <div className="measure__actions">
        <button type="submit" className="button button--small">
          {measure ? t('initiatives.measures.save') : t('initiatives.measures.create')}
        </button>
        {onCancel ? (
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={onCancel}
          >
            {t('initiatives.measures.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
