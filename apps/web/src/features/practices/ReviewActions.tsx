import { useRef, useState } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  SendPracticeBackDocument,
  SubmitPracticeForReviewDocument,
  WithdrawPracticeSubmissionDocument,
  type PracticeDetailFragment,
} from '../../generated/graphql';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorSummary, TextAreaField, useFormErrors } from '../../ui/FormErrors';
import './practices.css';

/** The longest comment the API takes (REVIEW_COMMENT_MAX). */
const COMMENT_MAX = 2000;
const COMMENT_FIELDS = ['comment'] as const;
const COMMENT_TEXTS = { comment: 'errors.REVIEW_COMMENT' } as const;

interface ReviewActionsProps {
  practice: PracticeDetailFragment;
  onChanged: (practice: PracticeDetailFragment, notice: string) => void;
}

/**
 * Review of members' drafts: "Zur Prüfung einreichen" and withdrawing for the city's
 * members, "Zurückgeben" with a required comment for its coordinators (publishing is the
 * page's own button). List items of the page's action list.
 */
export function ReviewActions({ practice, onChanged }: ReviewActionsProps) {
  const { t } = useTranslation();
  const [, submit] = useMutation(SubmitPracticeForReviewDocument);
  const [, withdraw] = useMutation(WithdrawPracticeSubmissionDocument);
  const [, sendBack] = useMutation(SendPracticeBackDocument);
  const form = useFormErrors(COMMENT_FIELDS, COMMENT_TEXTS);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [comment, setComment] = useState('');
  const trigger = useRef<HTMLButtonElement>(null);

  const canSubmit = practice.viewerCanEdit && practice.status === 'DRAFT';
  const inReview = practice.status === 'IN_REVIEW';
  // Withdrawing is the member's way back; a coordinator decides (send back or publish), so
  // the two buttons that both return the draft do not stand side by side.
  const canWithdraw = practice.viewerCanEdit && inReview && !practice.viewerCanPublish;
  const canSendBack = practice.viewerCanPublish && inReview;

  const simple = async (action: 'submit' | 'withdraw') => {
    setBusy(true);
    form.clear();
    const answer =
      action === 'submit' ? await submit({ id: practice.id }) : await withdraw({ id: practice.id });
    setBusy(false);
    if (answer.error) return form.showApiError(answer.error);
    const data = answer.data;
    if (!data) return;
    if ('submitPracticeForReview' in data)
      onChanged(data.submitPracticeForReview, t('practice.review.submitted'));
    else onChanged(data.withdrawPracticeSubmission, t('practice.review.withdrawn'));
  };

  const confirmSendBack = async () => {
    setBusy(true);
    form.clear();
    const answer = await sendBack({ input: { id: practice.id, comment } });
    setBusy(false);
    if (answer.error) return form.showApiError(answer.error);
    if (!answer.data) return;
    setAsking(false);
    setComment('');
    onChanged(answer.data.sendPracticeBack, t('practice.review.sentBack'));
    trigger.current?.focus();
  };

  if (!canSubmit && !canWithdraw && !canSendBack) return null;
  return (
    <>
      {canSubmit ? (
        <li>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void simple('submit')}
          >
            {t('practice.review.submit')}
          </button>
        </li>
      ) : null}
      {canWithdraw ? (
        <li>
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => void simple('withdraw')}
          >
            {t('practice.review.withdraw')}
          </button>
        </li>
      ) : null}
      {canSendBack ? (
        <li>
          <button
            ref={trigger}
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => setAsking(true)}
          >
            {t('practice.review.sendBack')}
          </button>
        </li>
      ) : null}
      {!asking ? (
        <li className="review-actions__errors">
          <ErrorSummary form={form} />
        </li>
      ) : null}
      {asking ? (
        <ConfirmDialog
          title={t('practice.review.sendBackTitle')}
          confirmLabel={t('practice.review.sendBack')}
          tone="primary"
          busy={busy}
          onConfirm={() => void confirmSendBack()}
          onCancel={() => {
            setAsking(false);
            form.clear();
            trigger.current?.focus();
          }}
        >
          <p>{t('practice.review.sendBackText')}</p>
          <ErrorSummary form={form} />
          <TextAreaField
            form={form}
            name="comment"
            label={t('practice.review.comment')}
            value={comment}
            onChange={setComment}
            required
            maxLength={COMMENT_MAX}
          />
        </ConfirmDialog>
      ) : null}
    </>
  );
}

/**
 * While in review: who waits for whom (the coordinators are asked to decide, the members
 * told it is with them); afterwards "Zurückgegeben: <comment>" while it waits for changes.
 */
export function ReviewNotice({ practice }: { practice: PracticeDetailFragment }) {
  const { t } = useTranslation();
  if (practice.status === 'IN_REVIEW')
    return (
      <p className="notice" data-testid="review-notice" role="status">
        {t(
          practice.viewerCanPublish
            ? 'practice.review.waitingForReviewer'
            : 'practice.review.waiting',
        )}
      </p>
    );
  if (practice.status !== 'DRAFT' || !practice.reviewComment) return null;
  return (
    <div className="notice notice--returned" data-testid="review-notice">
      <p>
        <strong>{t('practice.review.returned')}</strong> {practice.reviewComment}
      </p>
    </div>
  );
}
