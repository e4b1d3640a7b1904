import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField, type FormErrors } from './FormErrors';
import { markdownShortcuts, MarkdownToolbar } from './MarkdownToolbar';
import { renderMarkdown, type HeadingLevel } from './markdown';

type Tab = 'write' | 'preview';
const TABS: readonly Tab[] = ['write', 'preview'];

interface MarkdownFieldProps<F extends string> {
  form: FormErrors<F>;
  /** The form field: the text area takes its id (error summary links) and its errors. */
  name: F;
  label: string;
  hint: string;
  /** Names the write/preview tab pair for screen readers. */
  tabsLabel: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  /** The level a `#` heading gets on the saved page (the API's `topHeading`), so the preview matches it. */
  topHeading: HeadingLevel;
}

/**
 * A Markdown text area with a write/preview tab pair. The preview is `<name>-preview`
 * for the browser tests.
 */
export function MarkdownField<F extends string>({
  form,
  name,
  label,
  hint,
  tabsLabel,
  value,
  onChange,
  rows,
  topHeading,
}: MarkdownFieldProps<F>) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('write');
  const prefix = useId();
  const writeRef = useRef<HTMLButtonElement>(null);
  const previewRef = useRef<HTMLButtonElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const preview = useMemo(
    () => (tab === 'preview' ? renderMarkdown(value, { topHeading }) : ''),
    [tab, value, topHeading],
  );

  // An error on the text shows the text: the error summary's link must find the text
  // area to focus, and the person needs it to correct the mistake.
  // (Adjusted while rendering, when the error changes: React's pattern for state that
  // follows a prop.)
  const error = form.fieldError(name);
  const [seenError, setSeenError] = useState(error);
  if (error !== seenError) {
    setSeenError(error);
    if (error) setTab('write');
  }

  // Tabs pattern: arrow keys move between the two tabs, Home and End to the first and last.
  const onTabKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const next = tab === 'write' ? 'preview' : 'write';
    const target = event.key === 'Home' ? 'write' : event.key === 'End' ? 'preview' : next;
    setTab(target);
    (target === 'write' ? writeRef : previewRef).current?.focus();
  };

  return (
    <div className="body-field">
      <div role="tablist" aria-label={tabsLabel} className="tabs">
        {TABS.map((item) => (
          <button
            key={item}
            ref={item === 'write' ? writeRef : previewRef}
            id={`${prefix}-tab-${item}`}
            type="button"
            role="tab"
            className="tabs__tab"
            aria-selected={tab === item}
            aria-controls={`${prefix}-panel-${item}`}
            tabIndex={tab === item ? 0 : -1}
            onClick={() => setTab(item)}
            onKeyDown={onTabKeyDown}
          >
            {t(`editor.${item}`)}
          </button>
        ))}
      </div>
      <div
        id={`${prefix}-panel-write`}
        role="tabpanel"
        aria-labelledby={`${prefix}-tab-write`}
        hidden={tab !== 'write'}
      >
        <TextAreaField
          form={form}
          name={name}
          label={label}
          hint={hint}
          rows={rows}
          value={value}
          onChange={onChange}
          textareaRef={textareaRef}
          onKeyDown={markdownShortcuts(onChange)}
          before={
            <MarkdownToolbar
              textareaRef={textareaRef}
              controls={form.fieldId(name)}
              onChange={onChange}
            />
          }
        />
      </div>
      <div
        id={`${prefix}-panel-preview`}
        role="tabpanel"
        aria-labelledby={`${prefix}-tab-preview`}
        hidden={tab !== 'preview'}
        className="body-field__preview"
        data-testid={`${name}-preview`}
      >
        {value.trim() ? (
          // markdown-it with html: false: raw HTML in the text stays text.
          <div className="prose" dangerouslySetInnerHTML={{ __html: preview }} />
        ) : (
          <p className="empty">{t('editor.previewEmpty')}</p>
        )}
      </div>
    </div>
  );
}
