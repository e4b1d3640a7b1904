import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { DeleteMyAccountDocument } from '../../generated/graphql';
import { ErrorSummary, TextField, useFormErrors } from '../../ui/FormErrors';
import { FormDialog } from '../../ui/FormDialog';
import { useSession, type SessionUser } from './session';
import './account.css';

const FIELDS = ['password'] as const;

/**
 * Deleting one's own account (Art. 17 DSGVO) on /konto: what goes and what stays, then a
 * dialog asking for the password. The last coordinator of a city is told how to hand over.
 */
export function DeleteAccountSection({ me }: { me: SessionUser }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { refresh } = useSession();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [lastCoordinator, setLastCoordinator] = useState(false);
  const form = useFormErrors(FIELDS);
  const [{ fetching }, deleteMyAccount] = useMutation(DeleteMyAccountDocument);
  const trigger = useRef<HTMLButtonElement>(null);
  const notice = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(false);

  const coordinated = me.memberships.filter((membership) => membership.role === 'COORDINATOR');
  const cityName = me.actingCity?.name ?? me.memberships[0]?.city.name ?? '…';

  useEffect(() => {
    // The dialog closed: focus back to its button, or to the hand-over notice.
    if (open || !wasOpen.current) return;
    wasOpen.current = false;
    if (lastCoordinator) notice.current?.focus();
    else trigger.current?.focus();
  }, [open, lastCoordinator]);

  const close = () => {
    setOpen(false);
    setPassword('');
    form.clear();
  };

  const submit = async () => {
    if (password === '') {
      return form.showErrors([{ field: 'password', key: 'errors.REQUIRED_PASSWORD' }]);
    }
    const answer = await deleteMyAccount({ input: { password } });
    if (answer.error) {
      const reason = answer.error.graphQLErrors[0]?.extensions?.reason;
      if (reason === 'LAST_COORDINATOR') {
        setLastCoordinator(true);
        return close();
      }
      return form.showApiError(answer.error);
    }
    await refresh();
    navigate('/anmelden', { state: { signedOut: true, accountDeleted: true } });
  };

  return (
    <section className="card delete-account" aria-labelledby="delete-account-heading">
      <h2 id="delete-account-heading">{t('account.delete.heading')}</h2>
      <p>{t('account.delete.intro')}</p>
      <h3>{t('account.delete.goesHeading')}</h3>
      <p>{t('account.delete.goes')}</p>
      <h3>{t('account.delete.staysHeading')}</h3>
      <p>{t('account.delete.stays', { city: cityName })}</p>
      {lastCoordinator ? (
        <div
          className="notice notice--error"
          role="alert"
          tabIndex={-1}
          ref={notice}
          data-testid="last-coordinator"
        >
          <p>
            {t('account.delete.lastCoordinator', {
              cities: coordinated.map((membership) => membership.city.name).join(', '),
            })}
          </p>
          <ul>
            {coordinated.map((membership) => (
              <li key={membership.id}>
                <Link to={`/${membership.city.slug}/mitglieder`}>
                  {t('account.delete.membersLink', { city: membership.city.name })}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="form__actions">
        <button
          ref={trigger}
          type="button"
          className="button button--danger"
          onClick={() => {
            wasOpen.current = true;
            setLastCoordinator(false);
            setOpen(true);
          }}
        >
          {t('account.delete.open')}
        </button>
      </div>
      {open ? (
        <FormDialog
          title={t('account.delete.dialogTitle')}
          intro={<p>{t('account.delete.dialogText')}</p>}
          submitLabel={t('account.delete.confirm')}
          busy={fetching}
          onSubmit={() => void submit()}
          onCancel={close}
          testId="delete-account-dialog"
        >
          <ErrorSummary form={form} />
          <TextField
            form={form}
            name="password"
            type="password"
            label={t('account.delete.password')}
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            required
          />
        </FormDialog>
      ) : null}
    </section>
  );
}
