import { useTranslation } from 'react-i18next';
import type { ConferenceSummaryFragment } from '../../generated/graphql';

/** Where a conference takes place, in words: online, venue and host city, or not yet known. */
export function ConferencePlace({ conference }: { conference: ConferenceSummaryFragment }) {
  const { t } = useTranslation();
  if (conference.kind === 'ONLINE_EXCHANGE' || (!conference.venue && conference.onlineUrl)) {
    return <>{t('conferences.online')}</>;
  }
  const venue = conference.venue ?? '';
  const city = conference.hostCity?.name ?? '';
  // Venues often name their town already ("Musikforum, Stendal").
  const place = city && !venue.includes(city) ? [venue, city].filter(Boolean).join(', ') : venue;
  return <>{place || t('conferences.placeOpen')}</>;
}
