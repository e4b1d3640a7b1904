import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { FollowedSuggestionDocument, WithdrawSuggestionDocument } from '../../generated/graphql';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorSummary, SuccessMessage, useFormErrors } from '../../ui/FormErrors';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { FollowedMeasure } from './FollowedMeasure';
import { SuggestionHistory } from './SuggestionHistory';
import './initiatives.css';

/**
 * `/<city>/initiativen/<slug>/anliegen/<token>`: the resident's private view of their one
 * suggestion (status, the steering group's answer, public history), and withdrawing it.
 */
export function FollowSuggestionPage() {
  const { city = '', slug = '', token = '' } = useParams<'city' | 'slug' | 'token'>();
  const { t } = useTranslation();
  useDocumentTitle(t('initiatives.follow.title'));
  const [result, reexecute] = useQuery({
    query: FollowedSuggestionDocument,
    variables: { token },
    requestPolicy: 'network-only',
  });
  const [{ fetching }, withdraw] = useMutation(WithdrawSuggestionDocument);
  const [asking, setAsking] = useState(false);
  const [withdrawn, setWithdrawn] = useState(false);
  const form = useFormErrors(['token'] as const);
  const trigger = useRef<HTMLButtonElement>(null);

  if (result.error)
    return (
      <div className="page">
        <h1 className="visually-hidden">{t('state.errorTitle')}</h1>
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </div>
    );
  if (!result.data) return <Loading />;
  const suggestion = result.data.followedSuggestion;
  if (!suggestion)
    return (
      <div className="page" data-testid="follow-invalid">
        <h1>{t('initiatives.follow.invalid')}</h1>
        <p>{t('initiatives.follow.invalidHint')}</p>
        <p>
          <Link to={`/${city}/initiativen/${slug}`}>{t('initiatives.form.heading')}</Link>
        </p>
      </div>
    );

  const confirm = async () => {
    const answer = await withdraw({ token });
    setAsking(false);
    if (answer.error) form.showApiError(answer.error);
    else {
      setWithdrawn(true);
      reexecute({ requestPolicy: 'network-only' });
    }
    trigger.current?.focus();
  };

  return (
    <div className="page follow-suggestion" data-testid="follow-page">
      <p className="breadcrumb">
        <Link to={`/${suggestion.citySlug}/initiativen/${suggestion.initiativeSlug}`}>
          <span aria-hidden="true">← </span>
          {suggestion.initiativeName}
        </Link>
      </p>
      <h1>{t('initiatives.follow.heading', { initiative: suggestion.initiativeName })}</h1>
      <ErrorSummary form={form} />
      {withdrawn ? <SuccessMessage>{t('initiatives.follow.withdrawn')}</SuccessMessage> : null}
      <dl className="facts">
        <dt>{t('initiatives.follow.status')}</dt>
        <dd data-testid="follow-status">{t(`initiatives.status.${suggestion.status}`)}</dd>
        <dt>{t('initiatives.follow.field')}</dt>
        <dd>{suggestion.fieldName}</dd>
        {suggestion.place ? (
          <>
            <dt>{t('initiatives.follow.place')}</dt>
            <dd>{suggestion.place}</dd>
          </>
        ) : null}
      </dl>
      {suggestion.sensitive ? <p>{t('initiatives.follow.sensitive')}</p> : null}
      <blockquote className="card follow-suggestion__text">{suggestion.text}</blockquote>
      {suggestion.merged ? <p className="notice">{t('initiatives.follow.merged')}</p> : null}
      {suggestion.publicAnswer ? (
        <section aria-labelledby="answer-heading">
          <h2 id="answer-heading">{t('initiatives.follow.answer')}</h2>
          <p>{suggestion.publicAnswer}</p>
        </section>
      ) : null}
      <FollowedMeasure token={token} />
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('initiatives.follow.historyHeading')}</h2>
        <SuggestionHistory events={suggestion.history} />
      </section>
      {suggestion.canWithdraw ? (
        <p>
          <button
            ref={trigger}
            type="button"
            className="button button--danger"
            onClick={() => setAsking(true)}
          >
            {t('initiatives.follow.withdraw')}
          </button>
        </p>
      ) : null}
      {asking ? (
        <ConfirmDialog
          title={t('initiatives.follow.withdraw')}
          confirmLabel={t('initiatives.follow.withdraw')}
          onConfirm={() => void confirm()}
          onCancel={() => setAsking(false)}
          busy={fetching}
        >
          <p>{t('initiatives.follow.withdrawConfirm')}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
