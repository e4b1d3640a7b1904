import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useClient } from 'urql';
import { useTranslation } from 'react-i18next';
import { LinkablePracticesDocument, type LinkedPracticeFragment } from '../../generated/graphql';
import type { ErrorText } from '../../ui/api-errors';
import { MAX_QUERY_LENGTH } from '../practices/search-params';
import { focusAfterRemoval, linkableHits } from './record-practices';
import './conferences.css';

/** As on the search page: wait this long after the last key press before searching. */
const DEBOUNCE_MS = 250;
const HITS = 8;

/** The answer to one search; `key` tells whether it is the answer to the current one. */
type Answer = { key: string; query: string } & (
  { status: 'error' } | { status: 'done'; hits: LinkedPracticeFragment[]; totalHits: number }
);

/**
 * The practices linked to a record, with a search to link more. Changes stay in the
 * editor until the record is saved, so they go through the record's save and its errors.
 */
export function LinkedPracticesField({
  id,
  error,
  linked,
  unsaved,
  onChange,
}: {
  /** The search field's id, so the error summary can jump to it. */
  id: string;
  error: ErrorText | undefined;
  linked: readonly LinkedPracticeFragment[];
  /** Whether the list differs from the saved one. */
  unsaved: boolean;
  onChange: (next: LinkedPracticeFragment[]) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const prefix = useId();
  const hintId = `${prefix}-hint`;
  const errorId = `${prefix}-error`;
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [change, setChange] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  // Set when a button that had focus goes away; the effect below moves focus once rendered.
  const focusNext = useRef<string | null>(null);
  const removeId = (practiceId: string) => `${prefix}-remove-${practiceId}`;

  // Typing searches after a pause.
  useEffect(() => {
    const next = text.trim();
    if (next === query) return;
    const timer = window.setTimeout(() => setQuery(next), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, query]);

  const key = `${attempt}|${query}`;
  useEffect(() => {
    if (query === '') return;
    let cancelled = false;
    void client
      .query(
        LinkablePracticesDocument,
        { query, first: HITS },
        // Just published practices count: never answer from the cache.
        { requestPolicy: 'network-only' },
      )
      .toPromise()
      .then((result) => {
        if (cancelled) return;
        if (result.error || !result.data) return setAnswer({ key, query, status: 'error' });
        const found = result.data.searchPractices;
        setAnswer({
          key,
          query,
          status: 'done',
          hits: found.hits.map((hit) => hit.practice),
          totalHits: found.totalHits,
        });
      });
    return () => {
      cancelled = true;
    };
  }, [client, query, key]);

  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    const button = target === 'search' ? null : document.getElementById(removeId(target));
    (button ?? searchRef.current)?.focus();
  });

  const link = (practice: LinkedPracticeFragment) => {
    onChange([...linked, practice]);
    setChange(t('conferences.records.practiceLinks.linked', { title: practice.title }));
    // The button goes away with the hit; the search field is where the next link starts.
    focusNext.current = 'search';
  };

  const remove = (practice: LinkedPracticeFragment) => {
    const ids = linked.map((item) => item.id);
    onChange(linked.filter((item) => item.id !== practice.id));
    setChange(t('conferences.records.practiceLinks.unlinked', { title: practice.title }));
    focusNext.current = focusAfterRemoval(ids, practice.id) ?? 'search';
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    // Enter searches at once instead of saving the record around it.
    event.preventDefault();
    setQuery(text.trim());
    setAttempt((n) => n + 1);
  };

  // The previous answer stays while the next search runs, so not every pause is announced.
  const search = query === '' ? null : answer;
  const searching = query !== '' && answer?.key !== key;
  // Titles repeat across cities; buttons name both, starting with their visible label.
  const named = (practice: LinkedPracticeFragment) => `${practice.title} (${practice.city.name})`;
  const offered = search?.status === 'done' ? linkableHits(search.hits, linked) : [];

  return (
    <fieldset
      className={error ? 'field field--invalid linked-practices' : 'field linked-practices'}
      data-testid="linked-practices-editor"
    >
      <legend>{t('conferences.records.practices')}</legend>
      {linked.length === 0 ? (
        <p className="empty">{t('conferences.records.practiceLinks.none')}</p>
      ) : (
        <ul className="linked-practices__list" data-testid="linked-practices">
          {linked.map((practice) => (
            <li key={practice.id} className="linked-practices__item">
              <span>
                {practice.title} <span className="muted">({practice.city.name})</span>
              </span>
              <button
                id={removeId(practice.id)}
                type="button"
                className="button button--secondary button--small"
                onClick={() => remove(practice)}
                aria-label={`${t('conferences.records.practiceLinks.remove')}: ${named(practice)}`}
              >
                {t('conferences.records.practiceLinks.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="linked-practices__change" role="status" aria-live="polite">
        {change}
        {change && unsaved ? ` ${t('conferences.records.practiceLinks.unsaved')}` : ''}
      </p>

      <div className="linked-practices__add">
        <div className="linked-practices__search">
          <label htmlFor={id}>{t('conferences.records.practiceLinks.searchLabel')}</label>
          <p id={hintId} className="field__hint">
            {t('conferences.records.practiceLinks.searchHint')}
          </p>
          {error ? (
            <p id={errorId} className="field__error">
              <span className="visually-hidden">{t('form.errorPrefix')} </span>
              {t(error.key, error.values)}
            </p>
          ) : null}
          <input
            id={id}
            ref={searchRef}
            type="search"
            value={text}
            maxLength={MAX_QUERY_LENGTH}
            autoComplete="off"
            aria-describedby={error ? `${hintId} ${errorId}` : hintId}
            aria-invalid={error ? true : undefined}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={onKeyDown}
          />
        </div>
        <div role="status" aria-live="polite" data-testid="practice-search-status">
          {search === null ? (
            searching ? (
              <p className="muted">{t('conferences.records.practiceLinks.searching')}</p>
            ) : null
          ) : search.status === 'error' ? (
            <p className="notice notice--error">{t('errors.SEARCH_UNAVAILABLE')}</p>
          ) : search.hits.length === 0 ? (
            <p className="empty">
              {t('conferences.records.practiceLinks.noHits', { query: search.query })}
            </p>
          ) : offered.length === 0 ? (
            <p className="empty">
              {t('conferences.records.practiceLinks.allLinked', { query: search.query })}
            </p>
          ) : (
            <p>
              {t('conferences.records.practiceLinks.found', { count: offered.length })}
              {search.totalHits > search.hits.length
                ? ` ${t('conferences.records.practiceLinks.more', { count: search.totalHits })}`
                : ''}
            </p>
          )}
        </div>
        {offered.length > 0 ? (
          <ul className="linked-practices__list" data-testid="practice-hits">
            {offered.map((practice) => (
              <li key={practice.id} className="linked-practices__item">
                <span>
                  {practice.title} <span className="muted">({practice.city.name})</span>
                </span>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => link(practice)}
                  aria-label={`${t('conferences.records.practiceLinks.link')}: ${named(practice)}`}
                >
                  {t('conferences.records.practiceLinks.link')}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </fieldset>
  );
}
