import { useTranslation } from 'react-i18next';
import type { HeadingLevel } from '../../ui/markdown';
import type { BlockDiff } from './markdown-diff';
import type { DiffPart } from './practice-diff';
import './practices.css';

/**
 * ins/del carry no meaning for most screen readers, so each change also says in words
 * what happened; colour is backed by underline and strike-through (WCAG 1.4.1).
 */
export function DiffParts({ parts, list }: { parts: readonly DiffPart[]; list: boolean }) {
  return (
    <>
      {parts.map((part, index) => {
        const separator = list && index < parts.length - 1 ? ', ' : '';
        return (
          <span key={index}>
            <Change kind={part.kind}>{part.value}</Change>
            {separator}
          </span>
        );
      })}
    </>
  );
}

function Change({ kind, children }: { kind: DiffPart['kind']; children: string }) {
  const { t } = useTranslation();
  if (kind === 'same') return <>{children}</>;
  const Tag = kind === 'added' ? 'ins' : 'del';
  return (
    <Tag className={`diff__${kind}`} data-testid={`diff-${kind}`}>
      <span className="visually-hidden">
        [{t(kind === 'added' ? 'history.inserted' : 'history.deleted')}{' '}
      </span>
      {children}
      <span className="visually-hidden">]</span>
    </Tag>
  );
}

/**
 * The description as it reads on the page: headings as headings (below the diff's h2),
 * list items with their marker, quotes indented; a block added or removed as a whole is
 * marked as a whole, a changed block word by word.
 */
export function BodyDiff({ blocks }: { blocks: readonly BlockDiff[] }) {
  return (
    <div className="diff__body prose" data-testid="body-diff">
      {blocks.map((block, index) => {
        const content =
          block.change === 'changed' ? (
            <DiffParts parts={block.parts} list={false} />
          ) : (
            <Change kind={block.change === 'same' ? 'same' : block.change}>
              {block.parts.map((part) => part.value).join('')}
            </Change>
          );
        const className = `diff__block diff__block--${block.change}${block.quote ? ' diff__block--quote' : ''}`;
        if (block.kind === 'heading') {
          // `#` sits below the diff's h2, as on the practice page below its sections' h2.
          const level = Math.min(6, (block.level ?? 1) + 2) as HeadingLevel;
          const Heading = `h${level}` as const;
          return (
            <Heading key={index} className={className}>
              {content}
            </Heading>
          );
        }
        if (block.kind === 'code') {
          return (
            <pre key={index} className={className}>
              {content}
            </pre>
          );
        }
        return (
          <p key={index} className={className}>
            {block.marker ? <span className="diff__marker">{block.marker} </span> : null}
            {content}
          </p>
        );
      })}
    </div>
  );
}
