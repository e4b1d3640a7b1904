import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { NotificationGroupsQuery } from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../ui/format';
import './notifications.css';

type Group = NotificationGroupsQuery['notificationGroups'][number];

/** Kinds with their own wording for a group; the others share a general one. */
const WORDED_KINDS = ['TANDEM_NOTE_ADDED', 'TANDEM_STATUS_CHANGED'] as const;
type WordedKind = (typeof WORDED_KINDS)[number] | 'other';

function wordingOf(kind: string): WordedKind {
  return (WORDED_KINDS as readonly string[]).includes(kind) ? (kind as WordedKind) : 'other';
}

/**
 * What a group's entry says: a single notification by its own title; several as
 * "3 neue Einträge im Tandem Stendal–Halberstadt" (the unread ones while there are some).
 */
function useGroupTitle(): (group: Group) => string {
  const { t } = useTranslation();
  return (group) => {
    const unread = group.unreadCount > 0;
    const count = unread ? group.unreadCount : group.count;
    if (count === 1) return group.latestTitle;
    const key =
      `notifications.group.${wordingOf(group.kind)}.${unread ? 'unread' : 'all'}` as const;
    return t(key, {
      count,
      subject: group.subject || group.latestTitle,
    });
  };
}

/** The caller's notifications, one entry per kind and thing, newest first. */
export function NotificationGroupList({ groups }: { groups: readonly Group[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const titleOf = useGroupTitle();
  return (
    <ul className="notification-list">
      {groups.map((group) => {
        const title = titleOf(group);
        return (
          <li
            key={group.key}
            className={group.unreadCount > 0 ? 'notification notification--unread' : 'notification'}
            data-testid="notification-group"
            data-count={group.count}
            data-unread={group.unreadCount}
          >
            <p className="notification__title">
              {group.unreadCount > 0 ? (
                <span className="badge">{t('notifications.unread')}</span>
              ) : null}{' '}
              {group.link ? <Link to={group.link}>{title}</Link> : title}
            </p>
            {group.latestBody ? (
              <p className="notification__body">
                {group.count > 1 ? (
                  <span className="notification__latest">{t('notifications.latest')} </span>
                ) : null}
                {group.latestBody}
              </p>
            ) : null}
            <p className="notification__time">{formatDateTime(group.latestAt, language)}</p>
          </li>
        );
      })}
    </ul>
  );
}
