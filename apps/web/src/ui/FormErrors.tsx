import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import {
  apiProblems,
  type ApiErrorLike,
  type ErrorText,
  type ErrorTextKey,
  type FieldTexts,
} from './api-errors';

interface FormError<F extends string> {
  /** null: belongs to the whole form (shown in the summary only). */
  field: F | null;
  text: ErrorText;
}

export interface FormErrors<F extends string> {
  errors: ReadonlyArray<FormError<F>>;
  /** The element id of a field's control, for labels and summary links. */
  fieldId: (field: F) => string;
  fieldError: (field: F) => ErrorText | undefined;
  /** Shows the API's errors; errors for fields the form does not have go to the summary. */
  showApiError: (error: ApiErrorLike) => void;
  /** Shows errors found before sending (empty fields, passwords that differ). */
  showErrors: (
    errors: Array<{ field: F | null; key: ErrorTextKey; values?: ErrorText['values'] }>,
  ) => void;
  clear: () => void;
  /** Counts failed submits; the summary takes focus each time it changes. */
  attempt: number;
}

/**
 * The one way forms show errors: a summary that takes focus (screen readers read it,
 * keyboard users jump from it to each field), and each field marked with
 * aria-invalid and described by its message.
 */
export function useFormErrors<F extends string>(
  fields: readonly F[],
  /** What INVALID_FIELD means for this form's fields, where the shared texts would mislead. */
  fieldTexts?: FieldTexts,
): FormErrors<F> {
  const prefix = useId();
  const [errors, setErrors] = useState<Array<FormError<F>>>([]);
  const [attempt, setAttempt] = useState(0);
  const fieldList = useMemo(() => [...fields], [fields]);

  const show = useCallback((next: Array<FormError<F>>) => {
    setErrors(next);
    if (next.length > 0) setAttempt((n) => n + 1);
  }, []);

  return {
    errors,
    attempt,
    fieldId: useCallback((field: F) => `${prefix}-${field}`, [prefix]),
    fieldError: (field: F) => errors.find((error) => error.field === field)?.text,
    showApiError: useCallback(
      (error: ApiErrorLike) =>
        show(
          apiProblems(error, fieldTexts).map((problem) => ({
            // The whole path first (`links.2.url`), so a repeated row gets its own error.
            field:
              fieldList.find((field) => field === problem.path) ??
              fieldList.find((field) => field === problem.field) ??
              null,
            text: problem.text,
          })),
        ),
      [fieldList, show, fieldTexts],
    ),
    showErrors: useCallback(
      (list: Array<{ field: F | null; key: ErrorTextKey; values?: ErrorText['values'] }>) =>
        show(list.map(({ field, key, values }) => ({ field, text: { key, values } }))),
      [show],
    ),
    clear: useCallback(() => setErrors([]), []),
  };
}

interface ErrorSummaryProps<F extends string> {
  form: FormErrors<F>;
  title?: string;
}

export function ErrorSummary<F extends string>({ form, title }: ErrorSummaryProps<F>) {
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const { attempt } = form;

  useEffect(() => {
    // Every submit that fails moves focus here, even with the same errors as before.
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);

  if (form.errors.length === 0) return null;

  const jumpTo = (event: MouseEvent<HTMLAnchorElement>, field: F) => {
    // The router would treat the hash link as navigation; just move focus to the field.
    event.preventDefault();
    const control = document.getElementById(form.fieldId(field));
    control?.focus();
    control?.scrollIntoView({ block: 'center' });
  };

  return (
    <div
      className="error-summary"
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
      data-testid="error-summary"
    >
      <h2 id={titleId} className="error-summary__title">
        {title ?? t('form.errorSummary')}
      </h2>
      <ul className="error-summary__list">
        {form.errors.map((error, index) => (
          <li key={`${error.field ?? 'form'}-${index}`}>
            {error.field !== null ? (
              <a
                href={`#${form.fieldId(error.field)}`}
                onClick={(event) => jumpTo(event, error.field as F)}
              >
                {t(error.text.key, error.text.values)}
              </a>
            ) : (
              t(error.text.key, error.text.values)
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldShellProps<F extends string> {
  form: FormErrors<F>;
  name: F;
  label: string;
  hint?: ReactNode;
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}

function FieldShell<F extends string>({ form, name, label, hint, children }: FieldShellProps<F>) {
  const { t } = useTranslation();
  const id = form.fieldId(name);
  const error = form.fieldError(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <div id={hintId} className="field__hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error" data-testid={`error-${name}`}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {t(error.key, error.values)}
        </p>
      ) : null}
      {children(describedBy, Boolean(error))}
    </div>
  );
}

interface TextFieldProps<F extends string> {
  form: FormErrors<F>;
  name: F;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'date' | 'url';
  autoComplete?: string;
  hint?: ReactNode;
  required?: boolean;
  inputRef?: RefObject<HTMLInputElement | null>;
}

export function TextField<F extends string>({
  form,
  name,
  label,
  value,
  onChange,
  type = 'text',
  autoComplete,
  hint,
  required = true,
  inputRef,
}: TextFieldProps<F>) {
  return (
    <FieldShell form={form} name={name} label={label} hint={hint}>
      {(describedBy, invalid) => (
        <input
          id={form.fieldId(name)}
          ref={inputRef}
          name={name}
          type={type}
          value={value}
          autoComplete={autoComplete}
          aria-required={required || undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          spellCheck={type === 'text' ? undefined : false}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        />
      )}
    </FieldShell>
  );
}

interface TextAreaFieldProps<F extends string> {
  form: FormErrors<F>;
  name: F;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  required?: boolean;
  rows?: number;
  maxLength?: number;
  /** Hidden but kept in the page (e.g. while a preview tab shows), so error links still find it. */
  hidden?: boolean;
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
  onKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  /** Shown between the label (with hint and error) and the text area, e.g. a formatting toolbar. */
  before?: ReactNode;
}

export function TextAreaField<F extends string>({
  form,
  name,
  label,
  value,
  onChange,
  hint,
  required = false,
  rows = 4,
  maxLength,
  hidden,
  textareaRef,
  onKeyDown,
  before,
}: TextAreaFieldProps<F>) {
  return (
    <FieldShell form={form} name={name} label={label} hint={hint}>
      {(describedBy, invalid) => (
        <>
          {before}
          <textarea
            ref={textareaRef}
            onKeyDown={onKeyDown}
            id={form.fieldId(name)}
            name={name}
            value={value}
            rows={rows}
            maxLength={maxLength}
            hidden={hidden}
            aria-required={required || undefined}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event: ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
          />
        </>
      )}
    </FieldShell>
  );
}

interface SelectFieldProps<F extends string> {
  form: FormErrors<F>;
  name: F;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: ReadonlyArray<{ value: string; label: string }>;
  hint?: ReactNode;
}

export function SelectField<F extends string>({
  form,
  name,
  label,
  value,
  onChange,
  options,
  hint,
}: SelectFieldProps<F>) {
  return (
    <FieldShell form={form} name={name} label={label} hint={hint}>
      {(describedBy, invalid) => (
        <select
          id={form.fieldId(name)}
          name={name}
          value={value}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/** Announces the outcome of an action that did not fail (saved, sent, ended) politely. */
export function SuccessMessage({ children }: { children: ReactNode }) {
  return (
    <p className="notice notice--success" role="status">
      {children}
    </p>
  );
}
