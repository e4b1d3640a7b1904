import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { LoginDocument } from '../../generated/graphql';
import { ErrorSummary, TextField, useFormErrors } from '../../ui/FormErrors';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { landingAfterSignIn } from './return-path';
import { applyAccountLanguage, useSession } from './session';

const FIELDS = ['email', 'password'] as const;

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.login.heading'));
  const { me, refresh } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const requested = params.get('ziel');
  const state = location.state as { signedOut?: boolean; accountDeleted?: boolean } | null;
  const signedOut = state?.signedOut === true;

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useFormErrors(FIELDS);
  const [{ fetching }, login] = useMutation(LoginDocument);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing = [
      ...(email.trim() ? [] : [{ field: 'email' as const, key: 'errors.REQUIRED_EMAIL' as const }]),
      ...(password
        ? []
        : [{ field: 'password' as const, key: 'errors.REQUIRED_PASSWORD' as const }]),
    ];
    if (missing.length > 0) return form.showErrors(missing);
    const result = await login({ input: { email: email.trim(), password } });
    if (result.error || !result.data) {
      if (result.error) form.showApiError(result.error);
      return;
    }
    form.clear();
    applyAccountLanguage(result.data.login);
    await refresh();
    navigate(landingAfterSignIn(requested, result.data.login), { replace: true });
  };

  return (
    <div className="page page--narrow auth">
      <h1>{t('auth.login.heading')}</h1>
      {signedOut ? (
        <p className="notice notice--success" role="status" data-testid="signed-out">
          {state?.accountDeleted ? t('account.delete.done') : t('auth.login.signedOut')}
        </p>
      ) : null}
      {me ? (
        <p className="notice" data-testid="already-signed-in">
          {t('auth.login.alreadySignedIn', { name: me.displayName })}{' '}
          <Link to={landingAfterSignIn(requested, me)}>{t('auth.login.continue')}</Link>
        </p>
      ) : null}
      <p className="lead">{t('auth.login.intro')}</p>
      <form className="form card" noValidate onSubmit={(event) => void onSubmit(event)}>
        <ErrorSummary form={form} />
        <TextField
          form={form}
          name="email"
          type="email"
          label={t('auth.email')}
          autoComplete="username"
          value={email}
          onChange={setEmail}
        />
        <TextField
          form={form}
          name="password"
          type="password"
          label={t('auth.password')}
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={fetching}>
            {fetching ? t('auth.login.submitting') : t('auth.login.submit')}
          </button>
          <Link to="/passwort-vergessen">{t('auth.login.forgot')}</Link>
        </div>
      </form>
    </div>
  );
}
