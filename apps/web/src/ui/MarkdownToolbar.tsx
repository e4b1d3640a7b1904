import { useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import {
  applyEdit,
  FORMAT_ACTIONS,
  formatText,
  type FormatAction,
  type TextEdit,
} from './markdown-format';
import './markdown-field.css';

/** Keyboard shortcuts (with Ctrl, or ⌘ on a Mac), as the toolbar announces them. */
const SHORTCUTS: Partial<Record<FormatAction, string>> = { bold: 'B', italic: 'I', link: 'K' };

/** What each button shows (drawn, so no font needs the symbol); its name is the aria-label. */
const ICONS: Record<FormatAction, ReactNode> = {
  heading: 'H',
  bold: 'B',
  italic: 'I',
  bulletList: (
    <svg viewBox="0 0 20 20" width="20" height="20" focusable="false">
      <circle cx="3.5" cy="5" r="1.6" />
      <circle cx="3.5" cy="10" r="1.6" />
      <circle cx="3.5" cy="15" r="1.6" />
      <path d="M7.5 5h10M7.5 10h10M7.5 15h10" />
    </svg>
  ),
  numberedList: (
    <svg viewBox="0 0 20 20" width="20" height="20" focusable="false">
      <path d="M2.5 2.5l1.5-1v6M1.5 12h3v2.5h-3v2.5h3M7.5 5h10M7.5 15h10" />
    </svg>
  ),
  link: (
    <svg viewBox="0 0 20 20" width="20" height="20" focusable="false">
      <path d="M8.5 11.5a3.5 3.5 0 0 0 5 0l3-3a3.5 3.5 0 0 0-5-5l-1 1" />
      <path d="M11.5 8.5a3.5 3.5 0 0 0-5 0l-3 3a3.5 3.5 0 0 0 5 5l1-1" />
    </svg>
  ),
  quote: (
    <svg viewBox="0 0 20 20" width="20" height="20" focusable="false">
      <path d="M3 3v14M7.5 6h10M7.5 10h10M7.5 14h7" />
    </svg>
  ),
};

function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
}

/**
 * Applies an edit to the text area as one typing step, so Ctrl+Z takes it back: the
 * browser's insertText command keeps the undo history, where setting the value would
 * clear it. Where the command is missing, the value is set through React instead.
 */
function applyToTextarea(
  textarea: HTMLTextAreaElement,
  edit: TextEdit,
  onChange: (value: string) => void,
): void {
  const expected = applyEdit(textarea.value, edit).value;
  textarea.focus();
  textarea.setSelectionRange(edit.from, edit.to);
  let inserted = false;
  try {
    inserted = document.execCommand('insertText', false, edit.text);
  } catch {
    inserted = false;
  }
  if (!inserted || textarea.value !== expected) {
    textarea.value = expected;
    onChange(expected);
  }
  textarea.setSelectionRange(edit.selectionStart, edit.selectionEnd);
}

/** The action a key press in the text area asks for, if it is one of the shortcuts. */
function shortcutAction(event: KeyboardEvent<HTMLTextAreaElement>): FormatAction | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null;
  const key = event.key.toUpperCase();
  const found = (Object.keys(SHORTCUTS) as FormatAction[]).find(
    (action) => SHORTCUTS[action] === key,
  );
  return found ?? null;
}

function formatIn(
  textarea: HTMLTextAreaElement,
  action: FormatAction,
  onChange: (value: string) => void,
): void {
  const selection = {
    value: textarea.value,
    start: textarea.selectionStart,
    end: textarea.selectionEnd,
  };
  applyToTextarea(textarea, formatText(selection, action), onChange);
}

/** The text area's key handler: Ctrl/⌘+B, +I and +K format like the toolbar's buttons. */
export function markdownShortcuts(onChange: (value: string) => void) {
  return (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const action = shortcutAction(event);
    if (!action) return;
    event.preventDefault();
    formatIn(event.currentTarget, action, onChange);
  };
}

interface MarkdownToolbarProps {
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  /** The text area's id: the toolbar says which field it formats. */
  controls: string;
  onChange: (value: string) => void;
}

/**
 * Formatting buttons for a Markdown text area, for people who do not know Markdown.
 * Toolbar pattern: one Tab stop, arrow keys (and Home/End) move between the buttons.
 */
export function MarkdownToolbar({ textareaRef, controls, onChange }: MarkdownToolbarProps) {
  const { t } = useTranslation();
  const [active, setActive] = useState(0);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const mac = isMac();

  const run = (action: FormatAction) => {
    if (textareaRef.current) formatIn(textareaRef.current, action, onChange);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = FORMAT_ACTIONS.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? active === last
          ? 0
          : active + 1
        : event.key === 'ArrowLeft'
          ? active === 0
            ? last
            : active - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    buttons.current[next]?.focus();
  };

  return (
    <div
      role="toolbar"
      aria-label={t('editor.toolbar.label')}
      aria-controls={controls}
      className="md-toolbar"
      data-testid="markdown-toolbar"
      onKeyDown={onKeyDown}
    >
      {FORMAT_ACTIONS.map((action, index) => {
        const key = SHORTCUTS[action];
        const name = t(`editor.toolbar.${action}`);
        const shown = key ? `${mac ? '⌘' : t('editor.toolbar.ctrl')}+${key}` : '';
        const tip = shown ? `${name} (${shown})` : name;
        return (
          <button
            key={action}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            className={`md-toolbar__button md-toolbar__button--${action}`}
            aria-label={name}
            aria-keyshortcuts={key ? `Control+${key} Meta+${key}` : undefined}
            data-tooltip={tip}
            data-action={action}
            tabIndex={index === active ? 0 : -1}
            onFocus={() => setActive(index)}
            // Keep the text area's selection: a click would otherwise move focus first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => run(action)}
          >
            <span aria-hidden="true" className="md-toolbar__icon">
              {ICONS[action]}
            </span>
          </button>
        );
      })}
    </div>
  );
}
