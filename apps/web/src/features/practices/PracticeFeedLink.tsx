import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { practiceFeedPath, type PracticeFeedScope } from '@wissensnetz/domain';
import './feed-link.css';

/** The feed's title, as the head link and the visible link name it. */
function useFeedTitle(scope: PracticeFeedScope, name?: string): string {
  const { t } = useTranslation();
  switch (scope.kind) {
    case 'all':
      return t('feeds.all');
    case 'topic':
      return t('feeds.topic', { topic: name ?? scope.slug });
    case 'city':
      return t('feeds.city', { city: name ?? scope.slug });
    default: {
      const unhandled: never = scope;
      throw new Error(`unhandled feed scope ${JSON.stringify(unhandled)}`);
    }
  }
}

/**
 * Announces an Atom feed of the page in the document head
 * (`<link rel="alternate" type="application/atom+xml">`, what feed readers look for)
 * for as long as the page is shown.
 */
export function useFeedHeadLink(href: string, title: string): void {
  useEffect(() => {
    const link = document.createElement('link');
    link.rel = 'alternate';
    link.type = 'application/atom+xml';
    link.href = href;
    link.title = title;
    document.head.append(link);
    return () => link.remove();
  }, [href, title]);
}

/** A page's feed of public practices: in the head for feed readers, and as a visible link. */
export function PracticeFeedLink({
  scope,
  name,
  className,
}: {
  scope: PracticeFeedScope;
  /** The topic's or city's name (the slug stands in while it loads). */
  name?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const href = practiceFeedPath(scope);
  const title = useFeedTitle(scope, name);
  useFeedHeadLink(href, title);
  return (
    <p className={className ? `feed-link ${className}` : 'feed-link'}>
      <a href={href} type="application/atom+xml" data-testid="feed-link">
        {title}
      </a>{' '}
      <span className="feed-link__hint">{t('feeds.hint')}</span>
    </p>
  );
}
