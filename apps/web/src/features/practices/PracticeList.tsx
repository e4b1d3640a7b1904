import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PracticeCardFragment } from '../../generated/graphql';
import { PracticeBadges } from './PracticeBadges';
import './practices.css';
import { TopicLink } from '../topics/TopicLink';

export interface PracticeListItem {
  practice: PracticeCardFragment;
  /** Escaped text with <mark> around matches, from the search API; safe to inject. */
  titleHtml?: string;
  summaryHtml?: string;
}

interface PracticeListProps {
  items: readonly PracticeListItem[];
  /** Heading level of each entry's title, below the list's own heading. */
  headingLevel?: 3 | 4;
  /** Leave out the city when the whole list belongs to one. */
  showCity?: boolean;
  showStatus?: boolean;
  testId?: string;
}

export function PracticeList({
  items,
  headingLevel = 3,
  showCity = true,
  showStatus = false,
  testId = 'practice-list',
}: PracticeListProps) {
  const { t } = useTranslation();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <ul className="practice-list" data-testid={testId}>
      {items.map(({ practice, titleHtml, summaryHtml }) => (
        <li key={practice.id} className="practice-item" data-testid="practice-item">
          <Heading className="practice-item__title">
            {titleHtml !== undefined ? (
              <Link
                to={`/praxis/${practice.id}`}
                lang="de"
                dangerouslySetInnerHTML={{ __html: titleHtml }}
              />
            ) : (
              <Link to={`/praxis/${practice.id}`} lang="de">
                {practice.title}
              </Link>
            )}
          </Heading>
          <p className="practice-item__meta">
            {showCity ? (
              <>
                <span className="visually-hidden">{t('practice.fromCity')} </span>
                <Link to={`/${practice.city.slug}`} className="practice-item__city" lang="de">
                  {practice.city.name}
                </Link>
              </>
            ) : null}
            <PracticeBadges
              status={showStatus && practice.status !== 'PUBLISHED' ? practice.status : undefined}
              visibility={practice.visibility}
            />
          </p>
          {summaryHtml !== undefined ? (
            <p
              className="practice-item__summary"
              lang="de"
              dangerouslySetInnerHTML={{ __html: summaryHtml }}
            />
          ) : (
            <p className="practice-item__summary" lang="de">
              {practice.summary}
            </p>
          )}
          {practice.topics.length > 0 ? (
            <ul className="tag-list tag-list--small" aria-label={t('practice.topics')}>
              {practice.topics.map((topic) => (
                <li key={topic.id}>
                  <TopicLink topic={topic} />
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
