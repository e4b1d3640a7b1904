import { useQuery } from 'urql';
import { NetworkTopicsDocument } from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { useSession } from '../account/session';
import { FollowButton } from './FollowButton';

/**
 * The follow button of a topic known by its slug (the search page filtered to one topic,
 * `/suche?thema=<slug>`, which is where a followed topic links to). Nothing for an
 * unknown slug or a visitor without an account.
 */
export function TopicFollowBySlug({ slug }: { slug: string }) {
  const { me } = useSession();
  const [topics] = useQuery({ query: NetworkTopicsDocument, pause: !me });
  const topic = topics.data?.topics.find((candidate) => candidate.slug === slug);
  if (!me || !topic) return null;
  const name = currentLanguage() === 'en' ? topic.nameEn : topic.name;
  return (
    <p className="search-page__follow" data-testid="search-topic-follow">
      <FollowButton kind="TOPIC" targetId={topic.id} name={name} />
    </p>
  );
}
