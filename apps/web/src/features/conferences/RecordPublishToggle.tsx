import { useState } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  PublishConferenceRecordDocument,
  type ConferenceRecordPartsFragment,
} from '../../generated/graphql';
import { apiProblems } from '../../ui/api-errors';
import { SuccessMessage } from '../../ui/FormErrors';

/**
 * An organizer makes a FINAL record public (anyone may read it, also without an
 * account; it is in the records feed) or takes that back. The button says what it does;
 * the outcome is announced (SuccessMessage is a live region).
 */
export function RecordPublishToggle({
  record,
  onChanged,
}: {
  record: ConferenceRecordPartsFragment;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [{ fetching }, publish] = useMutation(PublishConferenceRecordDocument);
  const [done, setDone] = useState('');
  const [error, setError] = useState('');
  if (record.status !== 'FINAL') return null;

  const toggle = async () => {
    setDone('');
    setError('');
    const answer = await publish({ id: record.id, public: !record.public });
    if (answer.error) {
      const [problem] = apiProblems(answer.error);
      return setError(t(problem.text.key, problem.text.values));
    }
    setDone(t(record.public ? 'conferences.records.unpublished' : 'conferences.records.published'));
    onChanged();
  };

  return (
    <div className="record-publish" data-testid="record-publish">
      {done ? <SuccessMessage>{done}</SuccessMessage> : null}
      {error ? (
        <p className="form__error" role="alert">
          {error}
        </p>
      ) : null}
      <button
        type="button"
        className="button button--secondary"
        disabled={fetching}
        onClick={() => void toggle()}
      >
        {record.public ? t('conferences.records.unpublish') : t('conferences.records.publish')}
      </button>
    </div>
  );
}
