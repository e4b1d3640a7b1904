import { Link } from 'react-router';
import { currentLanguage } from '../../i18n';
import { FACET_PARAMS } from '../practices/search-params';

/** The search for practices on a topic or action field: `/suche?thema=<slug>`. */
export function topicSearchPath(slug: string): string {
  return `/suche?${new URLSearchParams({ [FACET_PARAMS.topics]: slug }).toString()}`;
}

/**
 * A topic chip: its name in the reader's language, linked to the practices on the topic.
 * Every list of topics (cards, practice and city pages, /themen) uses this one link.
 */
export function TopicLink({
  topic,
  className = 'tag',
}: {
  topic: { slug: string; name: string; nameEn: string };
  className?: string;
}) {
  return (
    <Link className={className} to={topicSearchPath(topic.slug)} data-testid="topic-link">
      {currentLanguage() === 'en' ? topic.nameEn : topic.name}
    </Link>
  );
}
