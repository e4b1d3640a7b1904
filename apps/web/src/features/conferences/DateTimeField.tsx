import { useTranslation } from 'react-i18next';
import type { FormErrors } from '../../ui/FormErrors';

/** A Berlin wall-clock time (`YYYY-MM-DDTHH:mm`), marked like the shared form fields. */
export function DateTimeField<F extends string>({
  form,
  name,
  label,
  value,
  onChange,
  required = true,
}: {
  form: FormErrors<F>;
  name: F;
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const id = form.fieldId(name);
  const error = form.fieldError(name);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <div id={hintId} className="field__hint">
        {t('conferences.berlinTimeHint')}
      </div>
      {error ? (
        <p id={errorId} className="field__error" data-testid={`error-${name}`}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {t(error.key, error.values)}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type="datetime-local"
        value={value}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
