import { useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  MarkNotificationsReadDocument,
  NotificationGroupsDocument,
  SetEmailNotificationsDocument,
} from '../../generated/graphql';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useSession } from '../account/session';
import { SignInRequired } from '../account/SignInRequired';
import { NotificationGroupList } from './NotificationGroupList';
import './notifications.css';

/** `/benachrichtigungen`: what happened in one's tandems and registrations, newest first. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  useDocumentTitle(t('notifications.heading'));
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired />;
  return <Notifications key={me.id} />;
}

function Notifications() {
  const { t } = useTranslation();
  const emailId = useId();
  const [result, reload] = useQuery({
    query: NotificationGroupsDocument,
    requestPolicy: 'network-only',
  });
  const [marking, markRead] = useMutation(MarkNotificationsReadDocument);
  const [, setEmail] = useMutation(SetEmailNotificationsDocument);
  const [announcement, setAnnouncement] = useState('');

  if (result.fetching && !result.data) return <Loading />;
  if (result.error || !result.data)
    return <ErrorState onRetry={() => reload({ requestPolicy: 'network-only' })} />;
  const { notificationGroups, unreadNotificationCount, me } = result.data;

  const markAll = async () => {
    const answer = await markRead({});
    if (!answer.error) {
      setAnnouncement(t('notifications.allRead'));
      reload({ requestPolicy: 'network-only' });
    }
  };

  const toggleEmail = async (on: boolean) => {
    const answer = await setEmail({ on });
    if (!answer.error)
      setAnnouncement(on ? t('notifications.emailOn') : t('notifications.emailOff'));
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('notifications.heading')}</h1>
      <p className="lead">{t('notifications.intro')}</p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <section className="card" aria-labelledby={`${emailId}-heading`}>
        <h2 id={`${emailId}-heading`}>{t('notifications.settingsHeading')}</h2>
        <p className="checkbox-row">
          <input
            id={emailId}
            type="checkbox"
            defaultChecked={me?.emailNotifications ?? true}
            onChange={(event) => void toggleEmail(event.currentTarget.checked)}
          />
          <label htmlFor={emailId}>{t('notifications.emailLabel')}</label>
        </p>
      </section>
      <section aria-labelledby={`${emailId}-list`}>
        <h2 id={`${emailId}-list`}>
          {t('notifications.listHeading', { count: unreadNotificationCount })}
        </h2>
        {unreadNotificationCount > 0 ? (
          <p>
            <button
              type="button"
              className="button button--secondary"
              disabled={marking.fetching}
              onClick={() => void markAll()}
            >
              {t('notifications.markAllRead')}
            </button>
          </p>
        ) : null}
        {notificationGroups.length === 0 ? (
          <p>{t('notifications.empty')}</p>
        ) : (
          <NotificationGroupList groups={notificationGroups} />
        )}
      </section>
    </>
  );
}
