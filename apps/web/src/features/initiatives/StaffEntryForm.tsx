import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import {
  EnterSuggestionDocument,
  SuggestionChannel,
  type InitiativePartsFragment,
} from '../../generated/graphql';
import {
  ErrorSummary,
  SelectField,
  SuccessMessage,
  TextAreaField,
  TextField,
  useFormErrors,
} from '../../ui/FormErrors';
import type { ErrorTextKey } from '../../ui/api-errors';

const FIELDS = [
  'fieldId',
  'channel',
  'text',
  'place',
  'contactName',
  'contactEmail',
  'contactPhone',
  'contactConsent',
] as const;
type Field = (typeof FIELDS)[number];
const CHANNELS = ['IN_PERSON', 'PHONE', 'LETTER', 'WORKSHOP'] as SuggestionChannel[];
const EMPTY = { text: '', place: '', contactName: '', contactEmail: '', contactPhone: '' };

/** The Familienbüro's entry of what came in person, by phone, letter or workshop. */
export function StaffEntryForm({
  initiative,
  onEntered,
}: {
  initiative: InitiativePartsFragment;
  onEntered: () => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors(FIELDS);
  const [fieldId, setFieldId] = useState(initiative.fields[0]?.id ?? '');
  const [channel, setChannel] = useState<string>('IN_PERSON');
  const [values, setValues] = useState(EMPTY);
  const [consent, setConsent] = useState(false);
  const [followPath, setFollowPath] = useState<string | null>(null);
  const [{ fetching }, enter] = useMutation(EnterSuggestionDocument);
  const set = (name: keyof typeof EMPTY) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));
  const consentId = form.fieldId('contactConsent');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Array<{ field: Field; key: ErrorTextKey }> = [];
    if (!values.text.trim())
      problems.push({ field: 'text', key: 'errors.SUGGESTION_TEXT_MISSING' });
    const hasContact = Boolean(values.contactName || values.contactEmail || values.contactPhone);
    if (hasContact && !consent)
      problems.push({ field: 'contactConsent', key: 'errors.CONSENT_REQUIRED' });
    if (problems.length > 0) return form.showErrors(problems);
    const result = await enter({
      input: {
        initiativeId: initiative.id,
        fieldId,
        channel: channel as SuggestionChannel,
        text: values.text,
        place: values.place || null,
        contactName: values.contactName || null,
        contactEmail: values.contactEmail || null,
        contactPhone: values.contactPhone || null,
        contactConsent: consent,
      },
    });
    if (result.error) return form.showApiError(result.error);
    form.clear();
    setValues(EMPTY);
    setConsent(false);
    setFollowPath(result.data?.enterSuggestion.followPath ?? null);
    onEntered();
  };

  return (
    <details className="card">
      <summary>{t('initiatives.staff.heading')}</summary>
      <p>{t('initiatives.staff.intro')}</p>
      <form
        className="form"
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        data-testid="staff-entry"
      >
        <ErrorSummary form={form} />
        {followPath ? (
          <SuccessMessage>
            {t('initiatives.staff.saved')} {`${window.location.origin}${followPath}`}
          </SuccessMessage>
        ) : null}
        <SelectField
          form={form}
          name="fieldId"
          label={t('initiatives.form.field')}
          value={fieldId}
          onChange={setFieldId}
          options={initiative.fields.map((field) => ({ value: field.id, label: field.name }))}
        />
        <SelectField
          form={form}
          name="channel"
          label={t('initiatives.staff.channel')}
          value={channel}
          onChange={setChannel}
          options={CHANNELS.map((value) => ({ value, label: t(`initiatives.channel.${value}`) }))}
        />
        <TextAreaField
          form={form}
          name="text"
          label={t('initiatives.form.text')}
          value={values.text}
          onChange={set('text')}
          required
          rows={4}
        />
        <TextField
          form={form}
          name="place"
          label={t('initiatives.form.place')}
          value={values.place}
          onChange={set('place')}
          required={false}
        />
        <TextField
          form={form}
          name="contactName"
          label={t('initiatives.form.contactName')}
          value={values.contactName}
          onChange={set('contactName')}
          required={false}
        />
        <TextField
          form={form}
          name="contactEmail"
          type="email"
          label={t('initiatives.form.contactEmail')}
          value={values.contactEmail}
          onChange={set('contactEmail')}
          required={false}
        />
        <TextField
          form={form}
          name="contactPhone"
          label={t('initiatives.form.contactPhone')}
          value={values.contactPhone}
          onChange={set('contactPhone')}
          required={false}
        />
        <div className="field">
          <span className="check">
            <input
              id={consentId}
              type="checkbox"
              checked={consent}
              onChange={(event) => setConsent(event.target.checked)}
            />
            <label htmlFor={consentId}>{t('initiatives.staff.consent')}</label>
          </span>
        </div>
        <button type="submit" className="button" disabled={fetching}>
          {t('initiatives.staff.save')}
        </button>
      </form>
    </details>
  );
}
