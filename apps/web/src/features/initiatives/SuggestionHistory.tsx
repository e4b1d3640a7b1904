import { useTranslation } from 'react-i18next';
import type { SuggestionEventPartsFragment } from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../ui/format';
import './initiatives.css';

/** A suggestion's steps, oldest first; internal notes marked (the resident never gets them). */
export function SuggestionHistory({ events }: { events: readonly SuggestionEventPartsFragment[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <ol className="queue__history">
      {events.map((event, index) => (
        <li key={`${event.kind}-${index}`}>
          <time dateTime={String(event.at)}>{formatDateTime(String(event.at), language)}</time>
          {': '}
          {event.kind === 'STATUS' && event.status
            ? t('initiatives.event.STATUS', { status: t(`initiatives.status.${event.status}`) })
            : t(`initiatives.event.${event.kind}`)}
          {event.internal ? ` (${t('initiatives.queue.internal')})` : ''}
          {event.text ? <p className="queue__event-text">{event.text}</p> : null}
        </li>
      ))}
    </ol>
  );
}
