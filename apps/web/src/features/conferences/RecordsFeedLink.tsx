import { useTranslation } from 'react-i18next';
import { RECORDS_FEED_PATH } from '@wissensnetz/domain';
import { useFeedHeadLink } from '../practices/PracticeFeedLink';
import '../practices/feed-link.css';

/** Announces the feed of public records in the document head (feed readers look there). */
export function useRecordsFeedHeadLink(): void {
  const { t } = useTranslation();
  useFeedHeadLink(RECORDS_FEED_PATH, t('feeds.records'));
}

/** The feed of public final records: in the head for feed readers, and as a visible link. */
export function RecordsFeedLink() {
  const { t } = useTranslation();
  useRecordsFeedHeadLink();
  return (
    <p className="feed-link">
      <a href={RECORDS_FEED_PATH} type="application/atom+xml" data-testid="records-feed-link">
        {t('feeds.records')}
      </a>{' '}
      <span className="feed-link__hint">{t('feeds.hint')}</span>
    </p>
  );
}
