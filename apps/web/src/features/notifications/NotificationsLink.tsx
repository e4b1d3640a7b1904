import { useEffect, useMemo } from 'react';
import { Link, useLocation } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  MarkNotificationsReadAtDocument,
  UnreadNotificationCountDocument,
} from '../../generated/graphql';

/**
 * Link to the notifications, with the number of unread ones (asked again on each page
 * change). Opening a page reads what one was told about it: the notifications whose
 * link is this page (a tandem's new entries, a practice's review notices, a
 * conference's freed place) are marked read, and the number follows.
 */
export function NotificationsLink() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const context = useMemo(() => ({ path: pathname }), [pathname]);
  const [result, reexecute] = useQuery({
    query: UnreadNotificationCountDocument,
    requestPolicy: 'cache-and-network',
    context,
  });
  const [, markReadAt] = useMutation(MarkNotificationsReadAtDocument);
  useEffect(() => {
    let current = true;
    void markReadAt({ link: pathname }).then((answer) => {
      if (current && (answer.data?.markNotificationsReadAt ?? 0) > 0)
        reexecute({ requestPolicy: 'network-only' });
    });
    return () => {
      current = false;
    };
  }, [pathname, markReadAt, reexecute]);
  const count = result.data?.unreadNotificationCount ?? 0;
  return (
    <Link to="/benachrichtigungen" data-testid="notifications-link">
      {count > 0 ? t('notifications.navLinkUnread', { count }) : t('notifications.navLink')}
    </Link>
  );
}
