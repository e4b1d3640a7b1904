import { useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { MarkNotificationsReadDocument, NotificationGroupsDocument } from '../../generated/graphql';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useSession } from '../account/session';
import { SignInRequired } from '../account/SignInRequired';
import { MailSettings } from './MailSettings';
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

  return (
    <>
      <h1 tabIndex={-1}>{t('notifications.heading')}</h1>
      <p className="lead">{t('notifications.intro')}</p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {me ? (
        <MailSettings
          settings={{
            mailTandem: me.mailTandem,
            mailCity: me.mailCity,
            mailNetwork: me.mailNetwork,
          }}
        />
      ) : null}
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
