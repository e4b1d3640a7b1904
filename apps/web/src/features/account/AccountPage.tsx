import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  ChangePasswordDocument,
  LogoutEverywhereDocument,
  MySessionsDocument,
  RevokeSessionDocument,
  UpdateMeDocument,
} from '../../generated/graphql';
import i18n, { currentLanguage, LANGUAGES, type Language } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import {
  ErrorSummary,
  SelectField,
  SuccessMessage,
  TextField,
  useFormErrors,
} from '../../ui/FormErrors';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { formatDateTime } from '../../ui/format';
import { DataExportSection } from './DataExportSection';
import { PasswordRules } from './PasswordRules';
import { newPasswordProblems } from './password-checks';
import { useSession, type SessionUser } from './session';
import { SignInRequired } from './SignInRequired';
import { FollowingSection } from '../follows/FollowingSection';
import { DeleteAccountSection } from './DeleteAccountSection';
import './account.css';

export function AccountPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  useDocumentTitle(t('account.heading'));
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired />;
  return (
    <div className="page account-page" key={me.id}>
      <h1>{t('account.heading')}</h1>
      <p className="lead">{t('account.intro', { email: me.email })}</p>
      <div className="account-page__grid">
        <ProfileForm me={me} />
        <ChangePasswordForm />
      </div>
      <SessionList />
      <FollowingSection />
      <DeleteAccountSection me={me} />
      <DataExportSection />
    </div>
  );
}

const PROFILE_FIELDS = ['displayName', 'locale'] as const;

function ProfileForm({ me }: { me: SessionUser }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [name, setName] = useState(me.displayName);
  const [locale, setLocale] = useState<string>(me.locale);
  const [saved, setSaved] = useState(false);
  const form = useFormErrors(PROFILE_FIELDS);
  const [{ fetching }, updateMe] = useMutation(UpdateMeDocument);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    if (name.trim().length < 2) {
      return form.showErrors([{ field: 'displayName', key: 'errors.INVALID_DISPLAY_NAME' }]);
    }
    const result = await updateMe({ input: { displayName: name.trim(), locale } });
    if (result.error || !result.data) {
      if (result.error) form.showApiError(result.error);
      return;
    }
    form.clear();
    setSaved(true);
    const saved = result.data.updateMe.locale;
    if ((LANGUAGES as readonly string[]).includes(saved) && saved !== currentLanguage()) {
      void i18n.changeLanguage(saved as Language);
    }
    await refresh();
  };

  return (
    <section className="card" aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('account.profile.heading')}</h2>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <ErrorSummary form={form} />
        <TextField
          form={form}
          name="displayName"
          label={t('account.profile.displayName')}
          hint={t('account.profile.displayNameHint')}
          autoComplete="name"
          value={name}
          onChange={setName}
        />
        <SelectField
          form={form}
          name="locale"
          label={t('account.profile.locale')}
          hint={t('account.profile.localeHint')}
          value={locale}
          onChange={setLocale}
          options={[
            { value: 'de', label: 'Deutsch' },
            { value: 'en', label: 'English' },
          ]}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={fetching}>
            {t('account.profile.save')}
          </button>
        </div>
        {saved ? <SuccessMessage>{t('account.profile.saved')}</SuccessMessage> : null}
      </form>
    </section>
  );
}

const PASSWORD_FIELDS = ['currentPassword', 'newPassword', 'newPasswordRepeat'] as const;

function ChangePasswordForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [saved, setSaved] = useState(false);
  const form = useFormErrors(PASSWORD_FIELDS);
  const [{ fetching }, changePassword] = useMutation(ChangePasswordDocument);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const problems = [
      ...(current
        ? []
        : [{ field: 'currentPassword' as const, key: 'errors.REQUIRED_PASSWORD' as const }]),
      ...newPasswordProblems(next, repeat, 'newPassword', 'newPasswordRepeat'),
    ];
    if (problems.length > 0) return form.showErrors(problems);
    const result = await changePassword({
      input: { currentPassword: current, newPassword: next },
    });
    if (result.error) return form.showApiError(result.error);
    form.clear();
    setCurrent('');
    setNext('');
    setRepeat('');
    setSaved(true);
  };

  return (
    <section className="card" aria-labelledby="password-heading">
      <h2 id="password-heading">{t('account.password.heading')}</h2>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <ErrorSummary form={form} />
        <TextField
          form={form}
          name="currentPassword"
          type="password"
          label={t('account.password.current')}
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
        />
        <TextField
          form={form}
          name="newPassword"
          type="password"
          label={t('password.new')}
          autoComplete="new-password"
          hint={<PasswordRules />}
          value={next}
          onChange={setNext}
        />
        <TextField
          form={form}
          name="newPasswordRepeat"
          type="password"
          label={t('password.repeat')}
          autoComplete="new-password"
          value={repeat}
          onChange={setRepeat}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={fetching}>
            {t('account.password.save')}
          </button>
        </div>
        {saved ? <SuccessMessage>{t('account.password.saved')}</SuccessMessage> : null}
      </form>
    </section>
  );
}

/** Errors of the session buttons belong to no field. */
const NO_FIELDS: readonly never[] = [];

type Pending = { kind: 'one'; id: string; thisBrowser: boolean } | { kind: 'all' };

function SessionList() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const { refresh } = useSession();
  // Personal and changing: always from the server, never from the cache.
  const [result, reexecute] = useQuery({
    query: MySessionsDocument,
    requestPolicy: 'network-only',
  });
  const [, revokeSession] = useMutation(RevokeSessionDocument);
  const [{ fetching: endingAll }, logoutEverywhere] = useMutation(LogoutEverywhereDocument);
  const [pending, setPending] = useState<Pending | null>(null);
  const [status, setStatus] = useState('');
  const form = useFormErrors(NO_FIELDS);
  const trigger = useRef<HTMLElement | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const sessions = result.data?.sessions ?? [];

  useEffect(() => {
    // The dialog closed: give focus back to the button that opened it, or to the heading if it is gone.
    if (pending !== null) return;
    const target = trigger.current;
    if (target && document.contains(target)) target.focus();
    else if (trigger.current) heading.current?.focus();
    trigger.current = null;
  }, [pending]);

  const signedOut = async () => {
    await refresh();
    navigate('/anmelden', { state: { signedOut: true } });
  };

  const confirm = async () => {
    if (!pending) return;
    if (pending.kind === 'all') {
      const answer = await logoutEverywhere({});
      if (answer.error) {
        setPending(null);
        return form.showApiError(answer.error);
      }
      return signedOut();
    }
    const answer = await revokeSession({ id: pending.id });
    if (answer.error) {
      setPending(null);
      return form.showApiError(answer.error);
    }
    if (pending.thisBrowser) return signedOut();
    setPending(null);
    setStatus(t('account.sessions.ended'));
    reexecute({ requestPolicy: 'network-only' });
  };

  return (
    <section className="card sessions" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading" ref={heading} tabIndex={-1}>
        {t('account.sessions.heading')}
      </h2>
      <p>{t('account.sessions.intro')}</p>
      <ErrorSummary form={form} />
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {result.error ? (
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : !result.data ? (
        <Loading />
      ) : (
        <ul className="session-list" data-testid="session-list">
          {sessions.map((session) => {
            // The API knows which session belongs to this browser's cookie.
            const own = session.current;
            return (
              <li
                key={session.id}
                className={own ? 'session session--own' : 'session'}
                data-testid="session"
              >
                <div className="session__text">
                  <p className="session__agent">
                    {describeAgent(session.userAgent) ?? t('account.sessions.unknownBrowser')}
                    {own ? (
                      <strong className="badge" data-testid="this-browser">
                        {t('account.sessions.thisBrowser')}
                      </strong>
                    ) : null}
                  </p>
                  <p className="session__meta">
                    {t('account.sessions.since', {
                      date: formatDateTime(session.createdAt, language),
                    })}{' '}
                    ·{' '}
                    {t('account.sessions.lastSeen', {
                      date: formatDateTime(session.lastSeenAt, language),
                    })}
                  </p>
                </div>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={(event) => {
                    trigger.current = event.currentTarget;
                    setPending({ kind: 'one', id: session.id, thisBrowser: own });
                  }}
                >
                  {own ? t('account.sessions.endOwn') : t('account.sessions.end')}
                  <span className="visually-hidden">
                    {' '}
                    {t('account.sessions.endWhich', {
                      browser: describeAgent(session.userAgent) ?? '',
                      date: formatDateTime(session.createdAt, language),
                    })}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="form__actions">
        <button
          type="button"
          className="button button--danger"
          onClick={(event) => {
            trigger.current = event.currentTarget;
            setPending({ kind: 'all' });
          }}
          disabled={endingAll}
        >
          {t('account.sessions.endAll')}
        </button>
      </div>
      {pending ? (
        <ConfirmDialog
          title={
            pending.kind === 'all'
              ? t('account.sessions.confirmAllTitle')
              : t('account.sessions.confirmOneTitle')
          }
          confirmLabel={
            pending.kind === 'all' ? t('account.sessions.endAll') : t('account.sessions.end')
          }
          onConfirm={() => void confirm()}
          onCancel={() => setPending(null)}
        >
          <p>
            {pending.kind === 'all'
              ? t('account.sessions.confirmAllText')
              : pending.thisBrowser
                ? t('account.sessions.confirmOwnText')
                : t('account.sessions.confirmOneText')}
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

/** "Chrome on Linux" from a user-agent string; enough to recognise one's own devices. */
export function describeAgent(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? /HeadlessChrome/.test(userAgent)
          ? 'Chromium (headless)'
          : 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  if (browser && system) return `${browser} · ${system}`;
  return browser ?? system ?? userAgent.slice(0, 60);
}
