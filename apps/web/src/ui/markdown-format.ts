/**
 * The Markdown toolbar's text changes, as pure functions of the text and its selection,
 * so they are tested without a browser. Each returns one replacement (a range of the old
 * text and what goes there) and the selection afterwards: the field applies it as one
 * edit, which keeps the browser's undo working for it.
 */

export type FormatAction =
  'heading' | 'bold' | 'italic' | 'bulletList' | 'numberedList' | 'link' | 'quote';

export const FORMAT_ACTIONS: readonly FormatAction[] = [
  'heading',
  'bold',
  'italic',
  'bulletList',
  'numberedList',
  'link',
  'quote',
];

export interface TextSelection {
  value: string;
  start: number;
  end: number;
}

export interface TextEdit {
  /** The old text from `from` to `to` is replaced by `text`. */
  from: number;
  to: number;
  text: string;
  /** The selection in the new text. */
  selectionStart: number;
  selectionEnd: number;
}

/** The new text and selection an edit leads to. */
export function applyEdit(value: string, edit: TextEdit): TextSelection {
  return {
    value: value.slice(0, edit.from) + edit.text + value.slice(edit.to),
    start: edit.selectionStart,
    end: edit.selectionEnd,
  };
}

export function formatText(selection: TextSelection, action: FormatAction): TextEdit {
  switch (action) {
    case 'bold':
      return toggleWrap(selection, '**');
    case 'italic':
      return toggleWrap(selection, '*');
    case 'link':
      return toggleLink(selection);
    case 'heading':
      return toggleLinePrefix(selection, HEADING);
    case 'bulletList':
      return toggleLinePrefix(selection, BULLET);
    case 'numberedList':
      return toggleLinePrefix(selection, NUMBERED);
    case 'quote':
      return toggleLinePrefix(selection, QUOTE);
    default: {
      const unknown: never = action;
      throw new Error(`unknown format action ${String(unknown)}`);
    }
  }
}

/** How many `*` stand directly before `index` (or after it, with `forward`). */
function starsAt(value: string, index: number, forward: boolean): number {
  let count = 0;
  while (true) {
    const char = forward ? value[index + count] : value[index - count - 1];
    if (char !== '*') return count;
    count += 1;
  }
}

/**
 * Whether a run of `*` marks the given emphasis: `**` for bold, `*` for italic, and `***`
 * for both. A run of two is bold only, so italic does not undo half of a bold.
 */
function runHas(run: number, marker: string): boolean {
  return marker === '**' ? run >= 2 : run === 1 || run >= 3;
}

/** Bold and italic: markers around the selection, or off again when they are already there. */
function toggleWrap({ value, start, end }: TextSelection, marker: string): TextEdit {
  const size = marker.length;
  const selected = value.slice(start, end);
  // The markers are part of the selection: `**word**` selected.
  const inside = Math.min(starsAt(selected, 0, true), starsAt(selected, selected.length, false));
  if (selected.length > 2 * size && runHas(inside, marker)) {
    const text = selected.slice(size, selected.length - size);
    return { from: start, to: end, text, selectionStart: start, selectionEnd: start + text.length };
  }
  // The markers stand around the selection: `**word**` with `word` selected.
  const around = Math.min(starsAt(value, start, false), starsAt(value, end, true));
  if (runHas(around, marker)) {
    return {
      from: start - size,
      to: end + size,
      text: selected,
      selectionStart: start - size,
      selectionEnd: end - size,
    };
  }
  // Markers go around the text, not around the spaces a double-click selects with it.
  const lead = selected.length - selected.trimStart().length;
  const trail = selected.length - selected.trimEnd().length;
  const core = selected.trim();
  if (!core) {
    // Nothing selected: the markers with the caret between them, ready to type.
    return {
      from: start,
      to: end,
      text: selected + marker + marker,
      selectionStart: end + size,
      selectionEnd: end + size,
    };
  }
  const coreStart = start + lead;
  return {
    from: coreStart,
    to: end - trail,
    text: marker + core + marker,
    selectionStart: coreStart + size,
    selectionEnd: coreStart + size + core.length,
  };
}

const LINK_PATTERN = /^\[([^\]\n]*)\]\(([^)\s]*)\)$/;
const URL_PATTERN = /^(https?:\/\/|www\.)\S+$/i;
const URL_PLACEHOLDER = 'https://';

/**
 * A link: the selected words become the link text and the address placeholder is
 * selected, ready to be typed over; a selected address becomes the target with the
 * caret in the empty text; a selected link goes back to its text.
 */
function toggleLink({ value, start, end }: TextSelection): TextEdit {
  const selected = value.slice(start, end);
  const existing = LINK_PATTERN.exec(selected.trim());
  if (existing) {
    const text = existing[1] ?? '';
    return { from: start, to: end, text, selectionStart: start, selectionEnd: start + text.length };
  }
  const core = selected.trim();
  if (URL_PATTERN.test(core)) {
    const text = `[](${core})`;
    return { from: start, to: end, text, selectionStart: start + 1, selectionEnd: start + 1 };
  }
  const text = `[${selected}](${URL_PLACEHOLDER})`;
  const urlStart = start + selected.length + 3;
  return {
    from: start,
    to: end,
    text,
    selectionStart: urlStart,
    selectionEnd: urlStart + URL_PLACEHOLDER.length,
  };
}

interface LinePrefix {
  /** Matches the prefix a line already has (to take it off, or to replace another kind). */
  pattern: RegExp;
  /** The prefix for the n-th changed line (0-based). */
  make: (index: number) => string;
}

const HEADING: LinePrefix = { pattern: /^#{1,6} /, make: () => '## ' };
const BULLET: LinePrefix = { pattern: /^[-*+] /, make: () => '- ' };
const NUMBERED: LinePrefix = { pattern: /^\d+[.)] /, make: (index) => `${index + 1}. ` };
const QUOTE: LinePrefix = { pattern: /^> ?/, make: () => '> ' };

/** A list item's marker may be replaced by the other list's (bullets to numbers). */
const LIST_MARKERS = /^([-*+]|\d+[.)]) /;

/**
 * Headings, lists and quotes work on whole lines: every selected line that is not empty
 * gets the prefix, or, when all of them have it already, loses it.
 */
function toggleLinePrefix({ value, start, end }: TextSelection, prefix: LinePrefix): TextEdit {
  const from = value.lastIndexOf('\n', start - 1) + 1;
  // A selection that ends right after a line break does not take in the next line.
  const last = end > start && value[end - 1] === '\n' ? end - 1 : end;
  const lineEnd = value.indexOf('\n', last);
  const to = lineEnd === -1 ? value.length : lineEnd;
  const lines = value.slice(from, to).split('\n');
  const filled = lines.filter((line) => line.trim() !== '');
  const remove = filled.length > 0 && filled.every((line) => prefix.pattern.test(line));

  let index = 0;
  const changed = lines.map((line) => {
    if (remove) return line.replace(prefix.pattern, '');
    if (line.trim() === '' && lines.length > 1) return line;
    const isList = prefix === BULLET || prefix === NUMBERED;
    const bare = isList ? line.replace(LIST_MARKERS, '') : line.replace(prefix.pattern, '');
    return prefix.make(index++) + bare;
  });
  const text = changed.join('\n');

  if (start === end && lines.length === 1) {
    // A caret stays where it was in the line's text, moved by the prefix's change.
    const shift = text.length - (to - from);
    const caret = Math.max(from, Math.min(from + text.length, start + shift));
    return { from, to, text, selectionStart: caret, selectionEnd: caret };
  }
  return { from, to, text, selectionStart: from, selectionEnd: from + text.length };
}
