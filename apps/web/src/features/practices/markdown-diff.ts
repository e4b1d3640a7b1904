import { diffArrays } from 'diff';
import { parseMarkdown } from '../../ui/markdown';
import { diffText, type DiffPart } from './practice-diff';

/** One block of a Markdown text as a reader sees it: its kind and its plain text. */
export interface TextBlock {
  kind: 'heading' | 'paragraph' | 'item' | 'code';
  /** A heading's Markdown level (1 for `#`). */
  level?: number;
  /** A list item's marker as shown: `•` or `3.`. */
  marker?: string;
  /** Inside a `>` quote. */
  quote?: boolean;
  text: string;
}

export interface BlockDiff extends Omit<TextBlock, 'text'> {
  /** `changed`: the same block with words changed; its parts say which. */
  change: 'same' | 'added' | 'removed' | 'changed';
  parts: DiffPart[];
}

type Tokens = ReturnType<typeof parseMarkdown>;

/** The plain text of an inline token: emphasis marks dropped, a link's address after its text. */
function inlineText(children: Tokens): string {
  let text = '';
  let href: string | null = null;
  for (const child of children) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += ' ';
    else if (child.type === 'image') text += child.content;
    else if (child.type === 'link_open') href = child.attrGet('href');
    else if (child.type === 'link_close' && href) {
      text += ` (${href})`;
      href = null;
    }
  }
  return text;
}

/**
 * The blocks of a Markdown text, rendered by the same parser as the pages: what a change
 * means to a reader, without `##` or `**` in the way.
 */
export function markdownBlocks(source: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  const lists: Array<{ ordered: boolean; next: number }> = [];
  let quote = 0;
  let pending: Omit<TextBlock, 'text'> | null = null;
  let itemMarker: string | undefined;
  for (const token of parseMarkdown(source)) {
    switch (token.type) {
      case 'bullet_list_open':
        lists.push({ ordered: false, next: 1 });
        break;
      case 'ordered_list_open':
        lists.push({ ordered: true, next: Number(token.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const list = lists[lists.length - 1];
        itemMarker = list?.ordered ? `${list.next++}.` : '•';
        break;
      }
      case 'blockquote_open':
        quote += 1;
        break;
      case 'blockquote_close':
        quote -= 1;
        break;
      case 'heading_open':
        pending = { kind: 'heading', level: Number(token.tag.slice(1)) };
        break;
      case 'paragraph_open':
        // The first paragraph of a list item carries its marker; later ones are plain.
        pending = itemMarker ? { kind: 'item', marker: itemMarker } : { kind: 'paragraph' };
        itemMarker = undefined;
        break;
      case 'inline':
        if (pending) {
          blocks.push({
            ...pending,
            ...(quote > 0 ? { quote: true } : {}),
            text: inlineText(token.children ?? []),
          });
        }
        pending = null;
        break;
      case 'fence':
      case 'code_block':
        blocks.push({ kind: 'code', text: token.content.replace(/\n$/, '') });
        break;
      default:
        break;
    }
  }
  return blocks;
}

function keyOf(block: TextBlock): string {
  return [
    block.kind,
    block.level ?? '',
    block.marker ?? '',
    block.quote ? '>' : '',
    block.text,
  ].join('\u0000');
}

function sameShape(a: TextBlock, b: TextBlock): boolean {
  return a.kind === b.kind && a.level === b.level && Boolean(a.quote) === Boolean(b.quote);
}

function whole(block: TextBlock, change: 'same' | 'added' | 'removed'): BlockDiff {
  const { text, ...shape } = block;
  const kind = change === 'same' ? 'same' : change;
  return { ...shape, change, parts: [{ value: text, kind }] };
}

/**
 * Block by block: unchanged blocks stay, a block replaced by one of its kind shows the
 * changed words, other blocks are added or removed as a whole.
 */
export function diffMarkdown(before: string, after: string): BlockDiff[] {
  const oldBlocks = markdownBlocks(before);
  const newBlocks = markdownBlocks(after);
  const changes = diffArrays(oldBlocks, newBlocks, {
    comparator: (a, b) => keyOf(a) === keyOf(b),
  });
  const result: BlockDiff[] = [];
  for (let index = 0; index < changes.length; index += 1) {
    const change = changes[index];
    if (!change.added && !change.removed) {
      // diffArrays gives the old side's items; equal blocks look the same on both sides.
      for (const block of change.value) result.push(whole(block, 'same'));
      continue;
    }
    const next = changes[index + 1];
    if (change.removed && next?.added) {
      // A replaced run: pair the blocks in order where they are of one kind.
      const removed = change.value;
      const added = next.value;
      const paired = Math.min(removed.length, added.length);
      for (let i = 0; i < paired; i += 1) {
        const [a, b] = [removed[i], added[i]];
        if (sameShape(a, b)) {
          const { text: _text, ...shape } = b;
          result.push({ ...shape, change: 'changed', parts: diffText(a.text, b.text) });
        } else {
          result.push(whole(a, 'removed'), whole(b, 'added'));
        }
      }
      for (const block of removed.slice(paired)) result.push(whole(block, 'removed'));
      for (const block of added.slice(paired)) result.push(whole(block, 'added'));
      index += 1;
      continue;
    }
    for (const block of change.value) result.push(whole(block, change.added ? 'added' : 'removed'));
  }
  return result;
}
