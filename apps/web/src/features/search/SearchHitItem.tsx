import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SearchHitFieldsFragment } from '../../generated/graphql';
import { hitHref, hitSnippetHtml, hitTitleHtml } from './search-kinds';
import './search.css';

/** One hit on the results page: its kind in words, its title as a link, a passage. */
export function SearchHitItem({ hit }: { hit: SearchHitFieldsFragment }) {
  const { t } = useTranslation();
  const snippet = hitSnippetHtml(hit);
  const context =
    hit.__typename === 'PracticeHit'
      ? hit.practice.city.name
      : hit.__typename === 'RecordHit'
        ? t('networkSearch.recordOf')
        : null;
  return (
    <li className="search-hit" data-testid="search-hit" data-kind={hit.kind}>
      <span className="search-kind" data-kind={hit.kind}>
        {t(`searchKind.${hit.kind}`)}
      </span>
      {context ? (
        <span className="muted" lang={hit.__typename === 'PracticeHit' ? 'de' : undefined}>
          {' '}
          {context}
        </span>
      ) : null}
      <h3 className="search-hit__title">
        <Link
          to={hitHref(hit)}
          // Escaped by the API; only <mark> is markup.
          dangerouslySetInnerHTML={{ __html: hitTitleHtml(hit) }}
        />
      </h3>
      {snippet ? (
        <p className="search-hit__snippet" dangerouslySetInnerHTML={{ __html: snippet }} />
      ) : null}
    </li>
  );
}
