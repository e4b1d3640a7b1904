import { useEffect, useMemo } from 'react';
import { useLocation } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { NetworkTopicsDocument, type NetworkTopicsQuery } from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { buildTopicTree } from './topic-tree';
import './topics.css';
import { TopicLink } from './TopicLink';
import { FollowButton } from '../follows/FollowButton';
import { PracticeFeedLink } from '../practices/PracticeFeedLink';

type Topic = NetworkTopicsQuery['topics'][number];

export function TopicsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('topics.documentTitle'));
  const [result, reexecute] = useQuery({ query: NetworkTopicsDocument });
  const tree = useMemo(() => buildTopicTree(result.data?.topics ?? []), [result.data]);
  const { hash } = useLocation();

  const name = (topic: Topic) => (language === 'en' ? topic.nameEn : topic.name);
  const description = (topic: Topic) =>
    language === 'en' ? topic.descriptionEn : topic.description;

  useEffect(() => {
    // Links from a city's focus topics point at /themen#thema-<slug>; the router does not scroll to hashes.
    if (!hash || tree.length === 0) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    target?.scrollIntoView({ block: 'start' });
  }, [hash, tree]);

  return (
    <div className="page topics">
      <h1>{t('topics.heading')}</h1>
      <p className="lead">{t('topics.intro')}</p>
      {result.error ? (
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : !result.data ? (
        <Loading />
      ) : tree.length === 0 ? (
        <p className="empty">{t('topics.empty')}</p>
      ) : (
        <ul className="topic-list">
          {tree.map(({ topic, children }) => (
            <li key={topic.id} className="topic-card" id={`thema-${topic.slug}`}>
              <h2 className="topic-card__name">
                <TopicLink topic={topic} className="topic-card__link" />
              </h2>
              {description(topic) ? (
                <p className="topic-card__description">{description(topic)}</p>
              ) : null}
              <FollowButton kind={'TOPIC'} targetId={topic.id} name={name(topic)} />
              <PracticeFeedLink
                scope={{ kind: 'topic', slug: topic.slug }}
                name={name(topic)}
                className="topic-card__feed"
              />
              {children.length > 0 ? (
                <div className="topic-card__children">
                  <h3 className="topic-card__subheading">{t('topics.actionFields')}</h3>
                  <ul className="subtopic-list">
                    {children.map((child) => (
                      <li key={child.id} id={`thema-${child.slug}`} className="subtopic">
                        <TopicLink topic={child} className="subtopic__name" />
                        {description(child) ? (
                          <span className="subtopic__description">{description(child)}</span>
                        ) : null}
                        <FollowButton kind={'TOPIC'} targetId={child.id} name={name(child)} />
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
