import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import {
  ChangeSuggestionStatusDocument,
  CommentSuggestionDocument,
  MergeSuggestionDocument,
  SuggestionStatus,
  type QueueSuggestionPartsFragment,
} from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import {
  ErrorSummary,
  SelectField,
  SuccessMessage,
  TextAreaField,
  useFormErrors,
} from '../../ui/FormErrors';
import { formatDate } from '../../ui/format';
import { SuggestionHistory } from './SuggestionHistory';
import { TakeUpForm } from './TakeUpForm';
import { WorkshopOrigin } from './WorkshopsSection';
import './initiatives.css';

/** Taking up goes through TakeUpForm: a suggestion taken up is linked to a measure. */
const NEXT: Record<SuggestionStatus, SuggestionStatus[]> = {
  NEW: ['IN_REVIEW', 'ANSWERED', 'NOT_PURSUED'] as SuggestionStatus[],
  IN_REVIEW: ['ANSWERED', 'NOT_PURSUED'] as SuggestionStatus[],
  TAKEN_UP: ['ANSWERED'] as SuggestionStatus[],
  ANSWERED: [],
  NOT_PURSUED: [],
  WITHDRAWN: [],
};
const NEEDS_REASON: string[] = ['ANSWERED', 'NOT_PURSUED'];
const FIELDS = ['status', 'reason', 'comment', 'intoId'] as const;

/** One suggestion in the queue: text, contact (if the caller may), history, the actions. */
export function QueueItem({
  initiativeId,
  suggestion,
  others,
  onChanged,
}: {
  initiativeId: string;
  suggestion: QueueSuggestionPartsFragment;
  others: readonly QueueSuggestionPartsFragment[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors(FIELDS);
  const headingId = useId();
  const next = suggestion.mergedIntoId ? [] : NEXT[suggestion.status];
  const [status, setStatus] = useState<string>(next[0] ?? '');
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  const [intoId, setIntoId] = useState('');
  const [saved, setSaved] = useState(false);
  const [, change] = useMutation(ChangeSuggestionStatusDocument);
  const [, addComment] = useMutation(CommentSuggestionDocument);
  const [, merge] = useMutation(MergeSuggestionDocument);

  const done = (error: Parameters<typeof form.showApiError>[0] | undefined) => {
    if (error) {
      form.showApiError(error);
      setSaved(false);
      return;
    }
    form.clear();
    setSaved(true);
    setReason('');
    setComment('');
    onChanged();
  };
  const onStatus = async (event: FormEvent) => {
    event.preventDefault();
    if (NEEDS_REASON.includes(status) && !reason.trim()) {
      form.showErrors([{ field: 'reason', key: 'errors.SUGGESTION_REASON_REQUIRED' }]);
      return;
    }
    const result = await change({
      input: { id: suggestion.id, status: status as SuggestionStatus, reason: reason || null },
    });
    done(result.error);
  };
  const onComment = async (event: FormEvent) => {
    event.preventDefault();
    if (!comment.trim()) return;
    done((await addComment({ id: suggestion.id, text: comment })).error);
  };
  const onMerge = async (event: FormEvent) => {
    event.preventDefault();
    if (!intoId) return;
    done((await merge({ id: suggestion.id, intoId })).error);
  };
  const open = !suggestion.mergedIntoId && next.length > 0;

  return (
    <li className="queue__item card" aria-labelledby={headingId} data-testid="queue-item">
      <h3 id={headingId}>
        {suggestion.fieldName} · {t(`initiatives.status.${suggestion.status}`)}
        {suggestion.mergedIntoId ? ` · ${t('initiatives.queue.merged')}` : ''}
      </h3>
      <p className="field__hint">
        {t('initiatives.queue.received', {
          date: formatDate(String(suggestion.createdAt), currentLanguage()),
          channel: t(`initiatives.channel.${suggestion.channel}`),
        })}
        {suggestion.sensitive ? (
          <span className="badge"> {t('initiatives.queue.sensitive')}</span>
        ) : null}
      </p>
      <p className="queue__text">{suggestion.text}</p>
      {suggestion.workshop ? <WorkshopOrigin workshop={suggestion.workshop} /> : null}
      {suggestion.place ? <p>{suggestion.place}</p> : null}
      {suggestion.contact ? (
        <p data-testid="queue-contact">
          {t('initiatives.queue.contact')}:{' '}
          {[suggestion.contact.name, suggestion.contact.email, suggestion.contact.phone]
            .filter(Boolean)
            .join(', ')}
        </p>
      ) : suggestion.hasContact ? (
        <p className="field__hint">{t('initiatives.queue.contactHidden')}</p>
      ) : suggestion.contactErased ? (
        <p className="field__hint">{t('initiatives.queue.contactErased')}</p>
      ) : null}
      {suggestion.mergedIntoId ||
      !['NEW', 'IN_REVIEW', 'TAKEN_UP'].includes(suggestion.status) ? null : (
        <TakeUpForm initiativeId={initiativeId} suggestion={suggestion} onChanged={onChanged} />
      )}
      <ErrorSummary form={form} />
      {saved ? <SuccessMessage>{t('initiatives.queue.saved')}</SuccessMessage> : null}
      {open ? (
        <form className="form" noValidate onSubmit={onStatus}>
          <SelectField
            form={form}
            name="status"
            label={t('initiatives.queue.newStatus')}
            value={status}
            onChange={setStatus}
            options={next.map((value) => ({
              value,
              label: t(`initiatives.status.${value}`),
            }))}
          />
          <TextAreaField
            form={form}
            name="reason"
            label={t('initiatives.queue.reason')}
            hint={t('initiatives.queue.reasonHint')}
            value={reason}
            onChange={setReason}
            rows={2}
          />
          <button type="submit" className="button button--small">
            {t('initiatives.queue.changeStatus')}
          </button>
        </form>
      ) : null}
      <details>
        <summary>{t('initiatives.queue.history')}</summary>
        <SuggestionHistory events={suggestion.history} />
        <form className="form" noValidate onSubmit={onComment}>
          <TextAreaField
            form={form}
            name="comment"
            label={t('initiatives.queue.comment')}
            value={comment}
            onChange={setComment}
            rows={2}
          />
          <button type="submit" className="button button--small button--secondary">
            {t('initiatives.queue.addComment')}
          </button>
        </form>
        {open && others.length > 0 ? (
          <form className="form" noValidate onSubmit={onMerge}>
            <SelectField
              form={form}
              name="intoId"
              label={t('initiatives.queue.mergeInto')}
              value={intoId}
              onChange={setIntoId}
              options={[
                { value: '', label: t('initiatives.queue.mergeChoose') },
                ...others.map((other) => ({
                  value: other.id,
                  label: other.text.length > 60 ? `${other.text.slice(0, 60)}…` : other.text,
                })),
              ]}
            />
            <button type="submit" className="button button--small button--secondary">
              {t('initiatives.queue.merge')}
            </button>
          </form>
        ) : null}
      </details>
    </li>
  );
}
