import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import {
  SubmitSuggestionDocument,
  type InitiativePartsFragment,
  type SubmitSuggestionMutation,
} from '../../generated/graphql';
import {
  ErrorSummary,
  SelectField,
  TextAreaField,
  TextField,
  useFormErrors,
} from '../../ui/FormErrors';
import type { ErrorTextKey } from '../../ui/api-errors';
import { HelpNumbers } from './HelpNumbers';
import { SentPanel } from './SentPanel';
import { useSolvedChallenge } from './useSolvedChallenge';
import './initiatives.css';

const FIELDS = [
  'fieldId',
  'text',
  'place',
  'contactName',
  'contactEmail',
  'contactPhone',
  'contactConsent',
] as const;
type Field = (typeof FIELDS)[number];

const EMPTY = {
  fieldId: '',
  text: '',
  place: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
};

/**
 * The resident's form, without an account: action field (a sensitive one shows the help
 * numbers first), text, optional place, optional contact only with consent. On an error
 * everything typed stays; after sending, the private follow link.
 */
export function SuggestionForm({ initiative }: { initiative: InitiativePartsFragment }) {
  const { t } = useTranslation();
  const form = useFormErrors(FIELDS);
  const [values, setValues] = useState(EMPTY);
  const [consent, setConsent] = useState(false);
  const [sent, setSent] = useState<SubmitSuggestionMutation['submitSuggestion'] | null>(null);
  const [{ fetching }, submit] = useMutation(SubmitSuggestionDocument);
  const [checking, setChecking] = useState(false);
  const challenge = useSolvedChallenge();
  const helpId = useId();
  const consentId = form.fieldId('contactConsent');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const set = (name: keyof typeof EMPTY) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));
  const chosen = initiative.fields.find((field) => field.id === values.fieldId);
  const hasContact = Boolean(values.contactName || values.contactEmail || values.contactPhone);

  if (sent)
    return (
      <SentPanel
        sent={sent}
        onAnother={() => {
          setSent(null);
          setValues(EMPTY);
          setConsent(false);
          requestAnimationFrame(() => headingRef.current?.focus());
        }}
      />
    );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Array<{ field: Field; key: ErrorTextKey }> = [];
    if (!values.fieldId)
      problems.push({ field: 'fieldId', key: 'errors.SUGGESTION_FIELD_MISSING' });
    if (!values.text.trim())
      problems.push({ field: 'text', key: 'errors.SUGGESTION_TEXT_MISSING' });
    if (hasContact && !consent)
      problems.push({ field: 'contactConsent', key: 'errors.CONSENT_REQUIRED' });
    if (problems.length > 0) {
      form.showErrors(problems);
      return;
    }
    form.clear();
    setChecking(true);
    const altcha = await challenge.take();
    setChecking(false);
    const result = await submit({
      input: {
        citySlug: initiative.citySlug,
        initiativeSlug: initiative.slug,
        fieldId: values.fieldId,
        text: values.text,
        place: values.place || null,
        contactName: values.contactName || null,
        contactEmail: values.contactEmail || null,
        contactPhone: values.contactPhone || null,
        contactConsent: consent,
        altcha,
      },
    });
    if (result.error) form.showApiError(result.error);
    else if (result.data) setSent(result.data.submitSuggestion);
  };

  return (
    <section className="suggestion-form card" aria-labelledby="suggestion-form-heading">
      <h2 id="suggestion-form-heading" ref={headingRef} tabIndex={-1}>
        {t('initiatives.form.heading')}
      </h2>
      <p>{t('initiatives.form.intro')}</p>
      <form className="form" noValidate onSubmit={onSubmit} data-testid="suggestion-form">
        <ErrorSummary form={form} />
        <SelectField
          form={form}
          name="fieldId"
          label={t('initiatives.form.field')}
          value={values.fieldId}
          onChange={set('fieldId')}
          options={[
            { value: '', label: t('initiatives.form.fieldChoose') },
            ...initiative.fields.map((field) => ({ value: field.id, label: field.name })),
          ]}
        />
        {chosen?.sensitive ? <HelpNumbers id={helpId} /> : null}
        <TextAreaField
          form={form}
          name="text"
          label={t('initiatives.form.text')}
          hint={t('initiatives.form.textHint')}
          value={values.text}
          onChange={set('text')}
          required
          rows={6}
          maxLength={4000}
        />
        <TextField
          form={form}
          name="place"
          label={t('initiatives.form.place')}
          hint={t('initiatives.form.placeHint')}
          value={values.place}
          onChange={set('place')}
          required={false}
        />
        <fieldset className="suggestion-form__contact">
          <legend>{t('initiatives.form.contactLegend')}</legend>
          <p className="field__hint">{t('initiatives.form.contactHint')}</p>
          <TextField
            form={form}
            name="contactName"
            label={t('initiatives.form.contactName')}
            value={values.contactName}
            onChange={set('contactName')}
            autoComplete="name"
            required={false}
          />
          <TextField
            form={form}
            name="contactEmail"
            type="email"
            label={t('initiatives.form.contactEmail')}
            value={values.contactEmail}
            onChange={set('contactEmail')}
            autoComplete="email"
            required={false}
          />
          <TextField
            form={form}
            name="contactPhone"
            label={t('initiatives.form.contactPhone')}
            value={values.contactPhone}
            onChange={set('contactPhone')}
            autoComplete="tel"
            required={false}
          />
          <div className={form.fieldError('contactConsent') ? 'field field--invalid' : 'field'}>
            <span className="check">
              <input
                id={consentId}
                type="checkbox"
                checked={consent}
                aria-invalid={form.fieldError('contactConsent') ? true : undefined}
                aria-describedby={
                  form.fieldError('contactConsent') ? `${consentId}-error` : undefined
                }
                onChange={(event) => setConsent(event.target.checked)}
              />
              <label htmlFor={consentId}>
                {t('initiatives.form.consent', { days: initiative.contactRetentionDays })}
              </label>
            </span>
            {form.fieldError('contactConsent') ? (
              <p id={`${consentId}-error`} className="field__error">
                {t(
                  form.fieldError('contactConsent')!.key,
                  form.fieldError('contactConsent')!.values,
                )}
              </p>
            ) : null}
          </div>
        </fieldset>
        <p className="field__hint">{t('initiatives.form.privacy')}</p>
        <button type="submit" className="button" disabled={fetching || checking}>
          {fetching
            ? t('initiatives.form.sending')
            : checking
              ? t('initiatives.form.checking')
              : t('initiatives.form.send')}
        </button>
      </form>
    </section>
  );
}
