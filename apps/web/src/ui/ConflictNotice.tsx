import { useEffect, useRef } from 'react';

interface ConflictNoticeProps {
  /** The heading's level where the notice stands (below the page's or section's heading). */
  level: 2 | 3 | 4;
  title: string;
  text: string;
  /** First action: look at what the other person saved (nothing typed is thrown away). */
  reloadLabel: string;
  onReload: () => void;
  /** Second action: save the own version on purpose. */
  overwriteLabel: string;
  onOverwrite: () => void;
  busy?: boolean;
  testId: string;
}

/**
 * "Someone else saved in the meantime": an alert that takes focus, so keyboard and
 * screen-reader users land on it, with the two ways on. Practice editor and record editor.
 */
export function ConflictNotice({
  level,
  title,
  text,
  reloadLabel,
  onReload,
  overwriteLabel,
  onOverwrite,
  busy,
  testId,
}: ConflictNoticeProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const Heading = `h${level}` as const;
  return (
    <div
      className="notice notice--error conflict"
      role="alert"
      tabIndex={-1}
      ref={ref}
      data-testid={testId}
    >
      <Heading className="conflict__title">{title}</Heading>
      <p>{text}</p>
      <div className="form__actions">
        <button type="button" className="button" onClick={onReload}>
          {reloadLabel}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={onOverwrite}
        >
          {overwriteLabel}
        </button>
      </div>
    </div>
  );
}
