import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { workspacePath } from '../account/return-path';
import { useClient, useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  AcceptInvitationDocument,
  InvitationPreviewDocument,
  SwitchActingCityDocument,
  type InvitationPreviewQuery,
} from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { ErrorSummary, TextField, useFormErrors } from '../../ui/FormErrors';
import { formatDate } from '../../ui/format';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { PasswordRules } from '../account/PasswordRules';
import { isToken, newPasswordProblems } from '../account/password-checks';
import { applyAccountLanguage, useSession } from '../account/session';
import './members.css';

type Invitation = NonNullable<InvitationPreviewQuery['invitation']>;

export function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams<'token'>();
  useDocumentTitle(t('invitation.documentTitle'));
  if (!isToken(token)) return <InvitationUnavailable reason="unknown" />;
  return <InvitationLoader key={token} token={token} />;
}

function InvitationLoader({ token }: { token: string }) {
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({
    query: InvitationPreviewDocument,
    variables: { token },
    requestPolicy: 'network-only',
  });
  if (result.fetching && !result.data) return <Loading />;
  if (result.error || !result.data) {
    return (
      <div className="page page--narrow">
        <h1>{t('invitation.heading')}</h1>
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </div>
    );
  }
  const invitation = result.data.invitation;
  if (!invitation) return <InvitationUnavailable reason="unknown" />;
  if (invitation.status === 'ACCEPTED') {
    return <InvitationUnavailable reason="accepted" city={invitation.city} />;
  }
  if (invitation.status === 'EXPIRED') return <InvitationUnavailable reason="expired" />;
  if (invitation.status === 'REVOKED') return <InvitationUnavailable reason="revoked" />;
  return <AcceptForm token={token} invitation={invitation} />;
}

interface UnavailableProps {
  reason: 'unknown' | 'accepted' | 'expired' | 'revoked';
  city?: { slug: string; name: string };
}

function InvitationUnavailable({ reason, city }: UnavailableProps) {
  const { t } = useTranslation();
  return (
    <div
      className="page page--narrow auth"
      data-testid="invitation-unavailable"
      data-reason={reason}
    >
      <h1>{t(`invitation.unavailable.${reason}.heading`)}</h1>
      <p>{t(`invitation.unavailable.${reason}.text`)}</p>
      <p>
        {reason === 'accepted' && city ? (
          <Link className="button" to={`/${city.slug}`}>
            {t('invitation.toCity', { city: city.name })}
          </Link>
        ) : (
          <Link to="/">{t('notFound.back')}</Link>
        )}
      </p>
    </div>
  );
}

const FIELDS = ['displayName', 'password', 'passwordRepeat'] as const;

function AcceptForm({ token, invitation }: { token: string; invitation: Invitation }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const client = useClient();
  const { me, refresh } = useSession();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const form = useFormErrors(FIELDS);
  const [{ fetching }, accept] = useMutation(AcceptInvitationDocument);
  const newAccount = !invitation.accountExists;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems = newAccount
      ? [
          ...(displayName.trim().length >= 2
            ? []
            : [{ field: 'displayName' as const, key: 'errors.INVALID_DISPLAY_NAME' as const }]),
          ...newPasswordProblems(password, repeat, 'password', 'passwordRepeat'),
        ]
      : password
        ? []
        : [{ field: 'password' as const, key: 'errors.REQUIRED_PASSWORD' as const }];
    if (problems.length > 0) return form.showErrors(problems);

    const answer = await accept({
      input: { token, password, ...(newAccount ? { displayName: displayName.trim() } : {}) },
    });
    if (answer.error || !answer.data) {
      if (answer.error) form.showApiError(answer.error);
      return;
    }
    form.clear();
    const user = answer.data.acceptInvitation;
    applyAccountLanguage(user);
    // Someone with other cities arrives acting for the one that invited them.
    if (user.actingCity?.slug !== invitation.city.slug) {
      await client
        .mutation(SwitchActingCityDocument, { citySlug: invitation.city.slug })
        .toPromise();
    }
    await refresh();
    // The first visit of the workspace welcomes them with the first three things to do.
    navigate(`${workspacePath(invitation.city.slug)}?willkommen`, { replace: true });
  };

  return (
    <div className="page page--narrow auth" data-testid="invitation-page">
      <h1>{t('invitation.heading')}</h1>
      <div className="card invitation-card">
        <p className="invitation-card__city">
          {t('invitation.intro', {
            city: invitation.city.name,
            role: t(`role.${invitation.role}`),
          })}
        </p>
        <dl className="facts">
          <div className="facts__row">
            <dt>{t('invitation.city')}</dt>
            <dd data-testid="invitation-city">{invitation.city.name}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('invitation.role')}</dt>
            <dd data-testid="invitation-role">{t(`role.${invitation.role}`)}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('invitation.email')}</dt>
            <dd>{invitation.email}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('invitation.validUntil')}</dt>
            <dd>{formatDate(invitation.expiresAt, language)}</dd>
          </div>
        </dl>
      </div>
      {me && me.email !== invitation.email ? (
        <p className="notice">{t('invitation.otherAccount', { name: me.displayName })}</p>
      ) : null}
      <p>{newAccount ? t('invitation.newAccount') : t('invitation.existingAccount')}</p>
      <form className="form card" noValidate onSubmit={(event) => void onSubmit(event)}>
        <ErrorSummary form={form} />
        {/* Lets password managers store the new password under the right address. */}
        <input type="hidden" name="username" autoComplete="username" value={invitation.email} />
        {newAccount ? (
          <TextField
            form={form}
            name="displayName"
            label={t('invitation.displayName')}
            hint={t('account.profile.displayNameHint')}
            autoComplete="name"
            value={displayName}
            onChange={setDisplayName}
          />
        ) : null}
        <TextField
          form={form}
          name="password"
          type="password"
          label={newAccount ? t('password.new') : t('auth.password')}
          autoComplete={newAccount ? 'new-password' : 'current-password'}
          hint={newAccount ? <PasswordRules /> : undefined}
          value={password}
          onChange={setPassword}
        />
        {newAccount ? (
          <TextField
            form={form}
            name="passwordRepeat"
            type="password"
            label={t('password.repeat')}
            autoComplete="new-password"
            value={repeat}
            onChange={setRepeat}
          />
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button" disabled={fetching}>
            {t('invitation.submit')}
          </button>
          {newAccount ? null : <Link to="/passwort-vergessen">{t('auth.login.forgot')}</Link>}
        </div>
      </form>
    </div>
  );
}
