import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { ResetPasswordDocument } from '../../generated/graphql';
import { ErrorSummary, TextField, useFormErrors } from '../../ui/FormErrors';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { PasswordRules } from './PasswordRules';
import { isToken, newPasswordProblems } from './password-checks';

const FIELDS = ['password', 'passwordRepeat'] as const;

export function ResetPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.reset.heading'));
  const { token = '' } = useParams<'token'>();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const form = useFormErrors(FIELDS);
  const [{ fetching }, resetPassword] = useMutation(ResetPasswordDocument);
  const doneHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (done) doneHeading.current?.focus();
  }, [done]);

  if (!isToken(token)) {
    return (
      <div className="page page--narrow auth" data-testid="reset-invalid">
        <h1>{t('auth.reset.heading')}</h1>
        <p className="notice notice--error">{t('errors.INVALID_TOKEN')}</p>
        <p>
          <Link to="/passwort-vergessen">{t('auth.reset.requestNew')}</Link>
        </p>
      </div>
    );
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems = newPasswordProblems(password, repeat, 'password', 'passwordRepeat');
    if (problems.length > 0) return form.showErrors(problems);
    const result = await resetPassword({ input: { token, password } });
    if (result.error) return form.showApiError(result.error);
    form.clear();
    setDone(true);
  };

  return (
    <div className="page page--narrow auth">
      <h1>{t('auth.reset.heading')}</h1>
      {done ? (
        <section className="card" aria-labelledby="reset-done" data-testid="reset-done">
          <h2 id="reset-done" ref={doneHeading} tabIndex={-1}>
            {t('auth.reset.doneHeading')}
          </h2>
          <p>{t('auth.reset.doneText')}</p>
          <p>
            <Link className="button" to="/anmelden">
              {t('auth.signIn')}
            </Link>
          </p>
        </section>
      ) : (
        <form className="form card" noValidate onSubmit={(event) => void onSubmit(event)}>
          <ErrorSummary form={form} />
          {form.errors.some((error) => error.text.key === 'errors.INVALID_TOKEN') ? (
            <p>
              <Link to="/passwort-vergessen">{t('auth.reset.requestNew')}</Link>
            </p>
          ) : null}
          <TextField
            form={form}
            name="password"
            type="password"
            label={t('password.new')}
            autoComplete="new-password"
            hint={<PasswordRules />}
            value={password}
            onChange={setPassword}
          />
          <TextField
            form={form}
            name="passwordRepeat"
            type="password"
            label={t('password.repeat')}
            autoComplete="new-password"
            value={repeat}
            onChange={setRepeat}
          />
          <div className="form__actions">
            <button type="submit" className="button" disabled={fetching}>
              {t('auth.reset.submit')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
