import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { NetworkSearchDocument, type SearchHitFieldsFragment } from '../../generated/graphql';
import { hitHref, hitTitleHtml, tabHref } from './search-kinds';
import './search.css';

/**
 * Wait this long after the last key press before asking for suggestions: shorter than the
 * pause between two key presses of most people, so the list follows the typing, and short
 * enough that with the request (p50 14 ms, bench/search-suggest.mjs) it stands within about
 * 100 ms of the last key. An answer overtaken by a newer question is dropped.
 */
const DEBOUNCE_MS = 80;
const MIN_CHARS = 2;
const SUGGESTIONS = 6;
const MAX_QUERY_LENGTH = 200;

/**
 * The header's search field as a WAI-ARIA combobox: while typing, a list of suggestions
 * (hits of every kind, each labelled with its kind) and, last, "all results". Arrow keys
 * move through the list (focus stays in the field, aria-activedescendant points at the
 * option), Enter opens the chosen one or the results page, Escape closes the list (a
 * second Escape clears the field). The number of suggestions is announced.
 */
export function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useClient();
  const listId = useId();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHitFieldsFragment[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState('');
  const latest = useRef(0);

  useEffect(() => {
    const query = text.trim();
    const request = ++latest.current;
    // Too short: the list is not shown (see `expanded`); an answer still on its way is dropped.
    if (query.length < MIN_CHARS) return;
    const timer = window.setTimeout(() => {
      void client
        .query(
          NetworkSearchDocument,
          { query, first: SUGGESTIONS },
          { requestPolicy: 'network-only' },
        )
        .toPromise()
        .then((result) => {
          // An older answer arriving after a newer question is dropped.
          if (request !== latest.current) return;
          const found = result.data?.search.edges.map((edge) => edge.node) ?? [];
          setHits(found);
          setActive(-1);
          setOpen(true);
          setAnnouncement(
            result.error
              ? t('headerSearch.failed')
              : t('headerSearch.suggestions', { count: found.length }),
          );
        });
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, client, t]);

  // The hits, then "all results": one more option than hits.
  const optionCount = hits.length + 1;
  const optionId = (index: number) => `${listId}-option-${index}`;

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const choose = (index: number) => {
    close();
    if (index < hits.length) {
      setText('');
      navigate(hitHref(hits[index]));
    } else {
      navigate(tabHref('alle', text));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open && text.trim().length >= MIN_CHARS) setOpen(true);
        setActive((index) => (index + 1) % optionCount);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!open && text.trim().length >= MIN_CHARS) setOpen(true);
        setActive((index) => (index <= 0 ? optionCount - 1 : index - 1));
        break;
      case 'Enter':
        if (open && active >= 0) {
          event.preventDefault();
          choose(active);
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          close();
        } else if (text) {
          event.preventDefault();
          setText('');
        }
        break;
      default:
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    close();
    navigate(tabHref('alle', text));
  };

  const expanded = open && text.trim().length >= MIN_CHARS;
  return (
    <form
      className="header-search"
      role="search"
      aria-label={t('headerSearch.label')}
      onSubmit={onSubmit}
    >
      <label htmlFor="header-search" className="visually-hidden">
        {t('headerSearch.label')}
      </label>
      <input
        id="header-search"
        type="search"
        name="q"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        placeholder={t('headerSearch.placeholder')}
        autoComplete="off"
        maxLength={MAX_QUERY_LENGTH}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          if (!event.target.value.trim()) setAnnouncement('');
        }}
        onKeyDown={onKeyDown}
        onBlur={close}
        data-testid="header-search-input"
      />
      <button type="submit" className="header-search__button">
        {t('headerSearch.submit')}
      </button>
      <ul
        id={listId}
        role="listbox"
        aria-label={t('headerSearch.suggestionsLabel')}
        className="header-search__list"
        hidden={!expanded}
        data-testid="header-search-list"
      >
        {hits.map((hit, index) => (
          // Keys are the field's (aria-activedescendant): options never take the focus.
          // eslint-disable-next-line jsx-a11y/click-events-have-key-events
          <li
            key={`${hit.__typename}-${hitHref(hit)}-${index}`}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className="header-search__option"
            // Keeps the focus in the field, so the click is not lost to its blur.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(index)}
          >
            <span className="search-kind" data-kind={hit.kind}>
              {t(`searchKind.${hit.kind}`)}
            </span>{' '}
            <span
              className="header-search__title"
              // Escaped by the API; only <mark> is markup.
              dangerouslySetInnerHTML={{ __html: hitTitleHtml(hit) }}
            />
          </li>
        ))}
        {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events -- keys are the field's */}
        <li
          id={optionId(hits.length)}
          role="option"
          aria-selected={active === hits.length}
          className="header-search__option header-search__option--all"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => choose(hits.length)}
        >
          {hits.length === 0
            ? t('headerSearch.nothingShowPage', { query: text.trim() })
            : t('headerSearch.showAll', { query: text.trim() })}
        </li>
      </ul>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </form>
  );
}
