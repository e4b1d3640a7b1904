import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FormDialogProps {
  title: string;
  /** What the step does (read as the dialog's description). */
  intro: ReactNode;
  /** The fields (and their error summary). */
  children: ReactNode;
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  busy?: boolean;
  testId?: string;
}

/**
 * A grave step that needs input (a password, a reason): like ConfirmDialog a native modal
 * <dialog> (focus stays inside, Escape cancels, the page behind is inert), but with a form,
 * so Enter submits. Focus starts in the first field; the caller returns focus to its trigger.
 */
export function FormDialog({
  title,
  intro,
  children,
  submitLabel,
  onSubmit,
  onCancel,
  busy = false,
  testId = 'form-dialog',
}: FormDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('input, textarea')?.focus();
    return () => {
      if (dialog.open) dialog.close();
    };
  }, []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      data-testid={testId}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      <div id={textId} className="dialog__text">
        {intro}
      </div>
      <form className="form" noValidate onSubmit={submit}>
        {children}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('form.cancel')}
          </button>
          <button type="submit" className="button button--danger" disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
