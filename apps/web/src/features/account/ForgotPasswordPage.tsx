import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { RequestPasswordResetDocument } from '../../generated/graphql';
import { ErrorSummary, TextField, useFormErrors } from '../../ui/FormErrors';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

const FIELDS = ['email'] as const;

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.forgot.heading'));
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useFormErrors(FIELDS);
  const [{ fetching }, requestReset] = useMutation(RequestPasswordResetDocument);
  const confirmation = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // The form is gone; put focus on what replaced it so it is read out.
    if (sentTo) confirmation.current?.focus();
  }, [sentTo]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!email.trim()) {
      return form.showErrors([{ field: 'email', key: 'errors.REQUIRED_EMAIL' }]);
    }
    const result = await requestReset({ input: { email: email.trim() } });
    if (result.error) return form.showApiError(result.error);
    form.clear();
    setSentTo(email.trim());
  };

  return (
    <div className="page page--narrow auth">
      <h1>{t('auth.forgot.heading')}</h1>
      {sentTo ? (
        <section className="card" aria-labelledby="reset-sent" data-testid="reset-sent">
          <h2 id="reset-sent" ref={confirmation} tabIndex={-1}>
            {t('auth.forgot.sentHeading')}
          </h2>
          <p>{t('auth.forgot.sentText', { email: sentTo })}</p>
          <p>
            <Link to="/anmelden">{t('auth.backToLogin')}</Link>
          </p>
        </section>
      ) : (
        <>
          <p className="lead">{t('auth.forgot.intro')}</p>
          <form className="form card" noValidate onSubmit={(event) => void onSubmit(event)}>
            <ErrorSummary form={form} />
            <TextField
              form={form}
              name="email"
              type="email"
              label={t('auth.email')}
              autoComplete="email"
              value={email}
              onChange={setEmail}
            />
            <div className="form__actions">
              <button type="submit" className="button" disabled={fetching}>
                {t('auth.forgot.submit')}
              </button>
              <Link to="/anmelden">{t('auth.backToLogin')}</Link>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
