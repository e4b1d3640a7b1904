import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { formatDate, formatDay } from '../../ui/format';
import { conferencePath, formatLocalDay } from '../conferences/conference-format';
import { tandemPath } from '../tandems/tandem-format';
import type { Workspace } from './types';
import './workspace.css';

type Props = { workspace: Workspace };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card workspace__section" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** An empty part says what to do next, never just "nothing". */
function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

export function TandemsSection({ workspace }: Props) {
  const { t } = useTranslation();
  const slug = workspace.city.slug;
  return (
    <Section id="workspace-tandems" title={t('workspace.tandems.heading')}>
      {workspace.tandems.length === 0 ? (
        <Empty>
          {t('workspace.tandems.none')}{' '}
          <Link to={`/${slug}`}>{t('workspace.tandems.noneLink')}</Link>
        </Empty>
      ) : (
        <ul className="link-list">
          {workspace.tandems.map(({ tandem, partnerCity, newNoteCount }) => (
            <li key={tandem.id} data-testid="workspace-tandem">
              <Link to={tandemPath(slug, tandem.id)}>
                {t('workspace.tandems.with', { partner: partnerCity.name })}
              </Link>{' '}
              {newNoteCount > 0 ? (
                <strong className="workspace__badge" data-testid="workspace-new-notes">
                  {t('workspace.tandems.newNotes', { count: newNoteCount })}
                </strong>
              ) : (
                <span className="workspace__muted" data-testid="workspace-no-new-notes">
                  {t('workspace.tandems.noNewNotes')}
                </span>
              )}
              {tandem.status === 'PROPOSED' ? (
                <span className="workspace__muted"> · {t('workspace.tandems.proposed')}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function PracticesSection({ workspace }: Props) {
  const { t } = useTranslation();
  const slug = workspace.city.slug;
  return (
    <Section id="workspace-practices" title={t('workspace.practices.heading')}>
      {workspace.draftCounts.length === 0 ? (
        <Empty>{t('workspace.practices.none')}</Empty>
      ) : (
        <ul className="link-list">
          {workspace.draftCounts.map(({ status, count }) => (
            <li key={status} data-testid="workspace-draft-count">
              {t(`workspace.practices.status.${status}`, { count, defaultValue: status })}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`/${slug}`}>{t('workspace.practices.cityLink')}</Link> ·{' '}
        <Link to={`/praxis/neu?stadt=${slug}`}>{t('workspace.practices.write')}</Link>
      </p>
    </Section>
  );
}

export function FollowUpsSection({ workspace }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const actions = workspace.followUpActions;
  return (
    <Section id="workspace-follow-ups" title={t('workspace.followUps.heading')}>
      {actions.length === 0 ? (
        <Empty>
          {t('workspace.followUps.none')}{' '}
          <Link to="/konferenzen">{t('workspace.followUps.noneLink')}</Link>
        </Empty>
      ) : (
        <>
          <p>{t('workspace.followUps.count', { count: actions.length })}</p>
          <ul className="link-list">
            {actions.map((action) => (
              <li key={action.id} data-testid="workspace-follow-up">
                <span lang="de">{action.what}</span>
                {action.dueOn
                  ? ` – ${t('workspace.followUps.due', { date: formatDay(action.dueOn, language) })}`
                  : ''}
                {action.overdue ? (
                  <strong className="workspace__badge workspace__badge--warn">
                    {' '}
                    {t('workspace.followUps.overdue')}
                  </strong>
                ) : null}
              </li>
            ))}
          </ul>
          <p>
            <Link to={`/${workspace.city.slug}`}>{t('workspace.followUps.manage')}</Link>
          </p>
        </>
      )}
    </Section>
  );
}

export function RegistrationsSection({ workspace }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const registrations = workspace.registrations;
  const waitlisted = registrations.filter((item) => item.status === 'WAITLISTED').length;
  return (
    <Section id="workspace-registrations" title={t('workspace.registrations.heading')}>
      {registrations.length === 0 ? (
        <Empty>
          {t('workspace.registrations.none')}{' '}
          <Link to="/konferenzen">{t('workspace.registrations.noneLink')}</Link>
        </Empty>
      ) : (
        <>
          <p>
            {t('workspace.registrations.count', { count: registrations.length })}
            {waitlisted > 0
              ? ` ${t('workspace.registrations.waitlisted', { count: waitlisted })}`
              : ''}
          </p>
          <ul className="link-list">
            {registrations.map((registration) =>
              registration.conference ? (
                <li key={registration.id} data-testid="workspace-registration">
                  <Link to={conferencePath(registration.conference.id)} lang="de">
                    {registration.conference.title}
                  </Link>{' '}
                  ({formatLocalDay(registration.conference.startsAtLocal, language)}) –{' '}
                  {t(`workspace.registrations.status.${registration.status}`, {
                    count: registration.participantCount,
                  })}
                </li>
              ) : null,
            )}
          </ul>
        </>
      )}
    </Section>
  );
}

export function InvitationsSection({
  workspace,
  invitations,
}: Props & { invitations: NonNullable<Workspace['pendingInvitations']> }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const members = `/${workspace.city.slug}/mitglieder`;
  return (
    <Section id="workspace-invitations" title={t('workspace.invitations.heading')}>
      {invitations.length === 0 ? (
        <Empty>
          {t('workspace.invitations.none')} <Link to={members}>{t('workspace.start.invite')}</Link>
        </Empty>
      ) : (
        <>
          <p>{t('workspace.invitations.count', { count: invitations.length })}</p>
          <ul className="link-list">
            {invitations.map((invitation) => (
              <li key={invitation.id} data-testid="workspace-invitation">
                {invitation.email} –{' '}
                {t('workspace.invitations.until', {
                  date: formatDate(invitation.expiresAt, language),
                })}
              </li>
            ))}
          </ul>
          <p>
            <Link to={members}>{t('workspace.invitations.manage')}</Link>
          </p>
        </>
      )}
    </Section>
  );
}

export function ConferencesSection({ workspace }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const conferences = workspace.nextConferences;
  return (
    <Section id="workspace-conferences" title={t('workspace.conferences.heading')}>
      {conferences.length === 0 ? (
        <Empty>
          {t('workspace.conferences.none')}{' '}
          <Link to="/konferenzen">{t('workspace.conferences.all')}</Link>
        </Empty>
      ) : (
        <>
          <ul className="link-list">
            {conferences.map((conference) => (
              <li key={conference.id} data-testid="workspace-conference">
                <Link to={conferencePath(conference.id)} lang="de">
                  {conference.title}
                </Link>{' '}
                ({formatLocalDay(conference.startsAtLocal, language)}
                {conference.hostCity ? `, ${conference.hostCity.name}` : ''})
              </li>
            ))}
          </ul>
          <p>
            <Link to="/konferenzen">{t('workspace.conferences.all')}</Link>
          </p>
        </>
      )}
    </Section>
  );
}
