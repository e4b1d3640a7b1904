import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { CITY_SLUG_PATTERN } from '@wissensnetz/domain';
import {
  CityInvitationsDocument,
  CityMembersDocument,
  InviteToCityDocument,
  RemoveMembershipDocument,
  RevokeInvitationDocument,
  UpdateMembershipDocument,
  type CityMembersQuery,
  type MembershipRole,
} from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { apiErrorCodes } from '../../ui/api-errors';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import {
  ErrorSummary,
  SelectField,
  SuccessMessage,
  TextField,
  useFormErrors,
  type FormErrors,
} from '../../ui/FormErrors';
import { formatDate } from '../../ui/format';
import { EmailAddress } from '../../ui/EmailAddress';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { CityNotFound } from '../cities/CityNotFound';
import { isOrganizer, mayManageCity, useSession, type SessionUser } from '../account/session';
import { EraseAccountButton } from './EraseAccountButton';
import { NoAccess, SignInRequired } from '../account/SignInRequired';
import { isRole, ROLES } from './roles';
import './members.css';

type City = NonNullable<CityMembersQuery['city']>;
type Member = CityMembersQuery['cityMembers'][number];

export function MembersPage() {
  const { city: rawSlug = '' } = useParams<'city'>();
  const slug = rawSlug.toLowerCase();
  const { me } = useSession();
  if (!CITY_SLUG_PATTERN.test(slug)) return <CityNotFound slug={rawSlug} />;
  if (slug !== rawSlug) return <Navigate to={`/${slug}/mitglieder`} replace />;
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired />;
  // A new person signed in: start over, nothing of the previous one's view may remain.
  return <MembersLoader key={`${slug}:${me.id}`} slug={slug} me={me} />;
}

function MembersLoader({ slug, me }: { slug: string; me: SessionUser }) {
  const { t } = useTranslation();
  // Who may see what changes with roles: always ask the server.
  const [result, reexecute] = useQuery({
    query: CityMembersDocument,
    variables: { citySlug: slug },
    requestPolicy: 'network-only',
  });
  useDocumentTitle(
    result.data?.city
      ? t('members.documentTitle', { city: result.data.city.name })
      : t('state.loading'),
  );

  if (result.fetching && !result.data) return <Loading />;
  const codes = apiErrorCodes(result.error);
  if (codes.includes('FORBIDDEN')) return <NoAccess text={t('members.noAccess')} />;
  if (codes.includes('NOT_FOUND') || (result.data && !result.data.city)) {
    return <CityNotFound slug={slug} />;
  }
  if (result.error || !result.data?.city) {
    return (
      <div className="page">
        <h1 className="visually-hidden">{t('state.errorTitle')}</h1>
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </div>
    );
  }
  return (
    <MembersView
      city={result.data.city}
      members={result.data.cityMembers}
      me={me}
      reload={() => reexecute({ requestPolicy: 'network-only' })}
    />
  );
}

/** Errors of row actions (role change, remove, revoke) belong to no form field. */
const NO_FIELDS: readonly never[] = [];

type Pending =
  { kind: 'remove'; member: Member } | { kind: 'revoke'; invitationId: string; email: string };

interface MembersViewProps {
  city: City;
  members: Member[];
  me: SessionUser;
  reload: () => void;
}

function MembersView({ city, members, me, reload }: MembersViewProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { refresh } = useSession();
  const manage = mayManageCity(me, city.slug);
  const actions = useFormErrors(NO_FIELDS);
  const [status, setStatus] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  const [invitationsVersion, setInvitationsVersion] = useState(0);
  const trigger = useRef<HTMLElement | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const [{ fetching: removing }, removeMembership] = useMutation(RemoveMembershipDocument);
  const [{ fetching: revoking }, revokeInvitation] = useMutation(RevokeInvitationDocument);

  useEffect(() => {
    if (pending !== null || trigger.current === null) return;
    const target = trigger.current;
    trigger.current = null;
    // The row may be gone (removed member): then the list heading is the next sensible place.
    if (document.contains(target)) target.focus();
    else listHeading.current?.focus();
  }, [pending, members]);

  const confirm = async () => {
    if (!pending) return;
    actions.clear();
    if (pending.kind === 'remove') {
      const answer = await removeMembership({ membershipId: pending.member.id });
      setPending(null);
      if (answer.error) return actions.showApiError(answer.error);
      setStatus(t('members.removed', { name: pending.member.user.displayName }));
      if (pending.member.user.id === me.id) await refresh();
      reload();
    } else {
      const answer = await revokeInvitation({ id: pending.invitationId });
      setPending(null);
      if (answer.error) return actions.showApiError(answer.error);
      setStatus(t('members.invitations.revoked', { email: pending.email }));
      setInvitationsVersion((n) => n + 1);
    }
  };

  return (
    <div className="page members-page" data-testid="members-page">
      <p className="breadcrumb">
        <Link to={`/${city.slug}`}>
          <span aria-hidden="true">← </span>
          {city.name}
        </Link>
      </p>
      <h1>{t('members.heading', { city: city.name })}</h1>
      <p className="lead">{manage ? t('members.introManage') : t('members.introRead')}</p>

      <p className="visually-hidden" role="status">
        {status}
      </p>
      <ErrorSummary form={actions} title={t('members.actionFailed')} />

      {manage ? (
        <div className="members-page__manage">
          <InviteForm city={city} onInvited={() => setInvitationsVersion((n) => n + 1)} />
          <OpenInvitations
            key={invitationsVersion}
            city={city}
            busy={revoking}
            onRevoke={(invitationId, email, button) => {
              trigger.current = button;
              setPending({ kind: 'revoke', invitationId, email });
            }}
          />
        </div>
      ) : null}

      <section aria-labelledby="member-list-heading" className="card">
        <h2 id="member-list-heading" ref={listHeading} tabIndex={-1}>
          {t('members.listHeading', { count: members.length })}
        </h2>
        {members.length === 0 ? (
          <p className="empty">{t('members.empty')}</p>
        ) : (
          <ScrollRegion label={t('members.tableCaption', { city: city.name })}>
            <table className="table member-table" data-testid="member-table">
              <caption className="visually-hidden">
                {t('members.tableCaption', { city: city.name })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('members.name')}</th>
                  {/* Addresses are for those who manage the city (the API sends null to others). */}
                  {manage ? <th scope="col">{t('members.email')}</th> : null}
                  <th scope="col">{t('members.role')}</th>
                  <th scope="col">{t('members.since')}</th>
                  {manage ? <th scope="col">{t('members.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {members.map((member) => (
                  <tr key={member.id} data-testid="member-row">
                    <th scope="row">
                      {member.user.displayName}
                      {member.user.id === me.id ? (
                        <span className="muted"> {t('members.you')}</span>
                      ) : null}
                    </th>
                    {manage ? (
                      <td data-label={t('members.email')}>
                        {member.email ? (
                          <a href={`mailto:${member.email}`}>
                            <EmailAddress address={member.email} />
                          </a>
                        ) : (
                          '–'
                        )}
                      </td>
                    ) : null}
                    <td
                      data-testid="member-role"
                      data-role={member.role}
                      data-label={t('members.role')}
                    >
                      {manage ? (
                        <RoleForm
                          member={member}
                          actions={actions}
                          onChanged={async (role) => {
                            setStatus(
                              t('members.roleChanged', {
                                name: member.user.displayName,
                                role: t(`role.${role}`),
                              }),
                            );
                            if (member.user.id === me.id) await refresh();
                            reload();
                          }}
                        />
                      ) : (
                        t(`role.${member.role}`)
                      )}
                    </td>
                    <td className="nowrap" data-label={t('members.since')}>
                      {formatDate(member.createdAt, language)}
                    </td>
                    {manage ? (
                      <td className="member-table__actions">
                        <button
                          type="button"
                          className="button button--danger button--small"
                          disabled={removing}
                          onClick={(event) => {
                            trigger.current = event.currentTarget;
                            setPending({ kind: 'remove', member });
                          }}
                        >
                          {t('members.remove')}
                          <span className="visually-hidden"> {member.user.displayName}</span>
                        </button>
                        {isOrganizer(me) && member.user.id !== me.id ? (
                          <EraseAccountButton
                            person={member.user}
                            cityName={city.name}
                            onErased={(name) => {
                              setStatus(t('members.erase.done', { name }));
                              reload();
                              listHeading.current?.focus();
                            }}
                          />
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>

      {pending ? (
        <ConfirmDialog
          title={
            pending.kind === 'remove'
              ? t('members.confirmRemoveTitle')
              : t('members.invitations.confirmRevokeTitle')
          }
          confirmLabel={
            pending.kind === 'remove' ? t('members.remove') : t('members.invitations.revoke')
          }
          busy={removing || revoking}
          onConfirm={() => void confirm()}
          onCancel={() => setPending(null)}
        >
          <p>
            {pending.kind === 'remove'
              ? pending.member.user.id === me.id
                ? t('members.confirmLeaveText', { city: city.name })
                : t('members.confirmRemoveText', {
                    name: pending.member.user.displayName,
                    city: city.name,
                  })
              : t('members.invitations.confirmRevokeText', { email: pending.email })}
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

interface RoleFormProps {
  member: Member;
  actions: FormErrors<never>;
  onChanged: (role: MembershipRole) => Promise<void>;
}

/** Select plus button: choosing a role does nothing until it is saved (WCAG 3.2.2). */
function RoleForm({ member, actions, onChanged }: RoleFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [role, setRole] = useState<MembershipRole>(member.role);
  const [{ fetching }, updateMembership] = useMutation(UpdateMembershipDocument);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (role === member.role) return;
    actions.clear();
    const answer = await updateMembership({ input: { membershipId: member.id, role } });
    if (answer.error) {
      setRole(member.role);
      return actions.showApiError(answer.error);
    }
    await onChanged(role);
  };

  return (
    <form className="role-form" onSubmit={(event) => void onSubmit(event)}>
      <label htmlFor={id} className="visually-hidden">
        {t('members.roleOf', { name: member.user.displayName })}
      </label>
      <select
        id={id}
        value={role}
        onChange={(event) => {
          if (isRole(event.target.value)) setRole(event.target.value);
        }}
      >
        {ROLES.map((value) => (
          <option key={value} value={value}>
            {t(`role.${value}`)}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="button button--secondary button--small"
        disabled={fetching || role === member.role}
      >
        {t('members.saveRole')}
        <span className="visually-hidden"> {member.user.displayName}</span>
      </button>
    </form>
  );
}

const INVITE_FIELDS = ['email', 'role'] as const;

function InviteForm({ city, onInvited }: { city: City; onInvited: () => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MembershipRole>('MEMBER');
  const [sent, setSent] = useState<string | null>(null);
  const form = useFormErrors(INVITE_FIELDS);
  const [{ fetching }, invite] = useMutation(InviteToCityDocument);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSent(null);
    if (!email.trim()) return form.showErrors([{ field: 'email', key: 'errors.REQUIRED_EMAIL' }]);
    const answer = await invite({ input: { citySlug: city.slug, email: email.trim(), role } });
    if (answer.error || !answer.data) {
      if (answer.error) form.showApiError(answer.error);
      return;
    }
    form.clear();
    setSent(answer.data.inviteToCity.email);
    setEmail('');
    onInvited();
  };

  return (
    <section className="card" aria-labelledby="invite-heading" data-testid="invite-form">
      <h2 id="invite-heading">{t('members.invite.heading')}</h2>
      <p>{t('members.invite.intro', { city: city.name })}</p>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <ErrorSummary form={form} />
        <TextField
          form={form}
          name="email"
          type="email"
          label={t('members.invite.email')}
          autoComplete="off"
          value={email}
          onChange={setEmail}
        />
        <SelectField
          form={form}
          name="role"
          label={t('members.invite.role')}
          hint={t('members.invite.roleHint')}
          value={role}
          onChange={(value) => {
            if (isRole(value)) setRole(value);
          }}
          options={ROLES.map((value) => ({ value, label: t(`role.${value}`) }))}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={fetching}>
            {t('members.invite.submit')}
          </button>
        </div>
        {sent ? <SuccessMessage>{t('members.invite.sent', { email: sent })}</SuccessMessage> : null}
      </form>
    </section>
  );
}

interface OpenInvitationsProps {
  city: City;
  busy: boolean;
  onRevoke: (invitationId: string, email: string, button: HTMLElement) => void;
}

function OpenInvitations({ city, busy, onRevoke }: OpenInvitationsProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [result, reexecute] = useQuery({
    query: CityInvitationsDocument,
    variables: { citySlug: city.slug },
    requestPolicy: 'network-only',
  });
  const invitations = result.data?.cityInvitations ?? [];

  return (
    <section className="card" aria-labelledby="invitations-heading" data-testid="open-invitations">
      <h2 id="invitations-heading">{t('members.invitations.heading')}</h2>
      {result.error ? (
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : !result.data ? (
        <Loading />
      ) : invitations.length === 0 ? (
        <p className="empty">{t('members.invitations.empty')}</p>
      ) : (
        <ul className="invitation-list">
          {invitations.map((invitation) => (
            <li key={invitation.id} className="invitation" data-testid="invitation">
              <div>
                <p className="invitation__email">{invitation.email}</p>
                <p className="invitation__meta">
                  {t(`role.${invitation.role}`)} ·{' '}
                  {t('members.invitations.validUntil', {
                    date: formatDate(invitation.expiresAt, language),
                  })}
                </p>
              </div>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={busy}
                onClick={(event) => onRevoke(invitation.id, invitation.email, event.currentTarget)}
              >
                {t('members.invitations.revoke')}
                <span className="visually-hidden"> {invitation.email}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
