import { useTranslation } from 'react-i18next';
import type { FormErrors } from '../../ui/FormErrors';
import { SelectField, TextField } from '../../ui/FormErrors';

export interface FieldRow {
  /** Stable key while rows are added and removed. */
  key: number;
  topicId: string;
  name: string;
  sensitive: boolean;
}

export interface TopicChoice {
  id: string;
  name: string;
  nameEn: string;
}

/** The topic choice (or an own name) and the sensitive flag of one action field. */
export function FieldRowInputs<F extends string>({
  form,
  prefix,
  row,
  topics,
  onChange,
}: {
  form: FormErrors<F>;
  /** The error path of the row, e.g. `fields.1`; empty for a form of one field. */
  prefix: string;
  row: FieldRow;
  topics: readonly TopicChoice[];
  onChange: (row: FieldRow) => void;
}) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const path = (name: string) => (prefix ? `${prefix}.${name}` : name) as F;
  const sensitiveId = `${form.fieldId(path('name'))}-sensitive`;
  return (
    <>
      <SelectField
        form={form}
        name={path('topicId')}
        label={t('initiatives.admin.fieldTopic')}
        value={row.topicId}
        onChange={(topicId) => onChange({ ...row, topicId })}
        options={[
          { value: '', label: t('initiatives.admin.fieldOwn') },
          ...topics.map((topic) => ({
            value: topic.id,
            label: english ? topic.nameEn : topic.name,
          })),
        ]}
      />
      <TextField
        form={form}
        name={path('name')}
        label={t('initiatives.admin.fieldName')}
        hint={row.topicId ? t('initiatives.admin.fieldNameTopicHint') : undefined}
        value={row.name}
        onChange={(name) => onChange({ ...row, name })}
        required={!row.topicId}
      />
      <div className="field">
        <span className="check">
          <input
            id={sensitiveId}
            type="checkbox"
            checked={row.sensitive}
            aria-describedby={`${sensitiveId}-hint`}
            onChange={(event) => onChange({ ...row, sensitive: event.target.checked })}
          />
          <label htmlFor={sensitiveId}>{t('initiatives.admin.sensitive')}</label>
        </span>
        <p id={`${sensitiveId}-hint`} className="field__hint">
          {t('initiatives.admin.sensitiveHint')}
        </p>
      </div>
    </>
  );
}
