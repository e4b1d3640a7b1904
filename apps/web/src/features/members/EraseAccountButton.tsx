import { useRef, useState } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { EraseAccountDocument } from '../../generated/graphql';
import { ErrorSummary, TextAreaField, useFormErrors } from '../../ui/FormErrors';
import { FormDialog } from '../../ui/FormDialog';

const FIELDS = ['reason'] as const;

interface EraseAccountButtonProps {
  person: { id: string; displayName: string };
  cityName: string;
  /** After the erasure: the member is gone from the list (focus moves on there). */
  onErased: (name: string) => void;
}

/**
 * Organizers carry out an erasure request (Art. 17 DSGVO) for a member, with a reason that
 * the audit log keeps (who, when, why; not the erased person's name).
 */
export function EraseAccountButton({ person, cityName, onErased }: EraseAccountButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const form = useFormErrors(FIELDS);
  const [{ fetching }, eraseAccount] = useMutation(EraseAccountDocument);
  const trigger = useRef<HTMLButtonElement>(null);

  const close = () => {
    setOpen(false);
    setReason('');
    form.clear();
    trigger.current?.focus();
  };

  const submit = async () => {
    if (reason.trim().length < 3) {
      return form.showErrors([{ field: 'reason', key: 'errors.REASON_REQUIRED' }]);
    }
    const answer = await eraseAccount({ input: { userId: person.id, reason: reason.trim() } });
    if (answer.error) return form.showApiError(answer.error);
    setOpen(false);
    onErased(person.displayName);
  };

  return (
    <>
      <button
        ref={trigger}
        type="button"
        className="button button--danger button--small"
        onClick={() => setOpen(true)}
      >
        {t('members.erase.button')}
        <span className="visually-hidden"> {person.displayName}</span>
      </button>
      {open ? (
        <FormDialog
          title={t('members.erase.dialogTitle', { name: person.displayName })}
          intro={<p>{t('members.erase.dialogText', { city: cityName })}</p>}
          submitLabel={t('members.erase.confirm')}
          busy={fetching}
          onSubmit={() => void submit()}
          onCancel={close}
          testId="erase-account-dialog"
        >
          <ErrorSummary form={form} />
          <TextAreaField
            form={form}
            name="reason"
            label={t('members.erase.reason')}
            value={reason}
            onChange={setReason}
            rows={3}
            maxLength={500}
            required
          />
        </FormDialog>
      ) : null}
    </>
  );
}
