import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { formatDateTime } from './format';
import { personName, type PersonLike } from './person-name';

/** One saved state as a history table shows it: number, time, author. */
export interface RevisionSummary {
  number: number;
  createdAt: string;
  author?: PersonLike | null;
}

/** Which two revisions the history compares. */
export interface RevisionChoice {
  from: number;
  to: number;
}

/**
 * The cells every history table (practices, city profiles) has for a revision: its number
 * (marked when current), time, author, and the two radio buttons choosing what to compare.
 */
export function RevisionCells({
  revision,
  newest,
  choice,
  onChoose,
}: {
  revision: RevisionSummary;
  newest: number;
  choice: RevisionChoice;
  onChoose: (choice: RevisionChoice) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { from, to } = choice;
  return (
    <>
      <th scope="row">
        {revision.number}
        {revision.number === newest ? <span className="badge">{t('history.current')}</span> : null}
      </th>
      <td className="nowrap">{formatDateTime(revision.createdAt, language)}</td>
      <td>{revision.author ? personName(t, revision.author) : t('history.unknownAuthor')}</td>
      <td>
        <input
          type="radio"
          name="older"
          aria-label={t('history.olderWhich', { number: revision.number })}
          checked={revision.number === from}
          onChange={() => onChoose({ from: revision.number, to })}
        />
      </td>
      <td>
        <input
          type="radio"
          name="newer"
          aria-label={t('history.newerWhich', { number: revision.number })}
          checked={revision.number === to}
          onChange={() => onChoose({ from, to: revision.number })}
        />
      </td>
    </>
  );
}
