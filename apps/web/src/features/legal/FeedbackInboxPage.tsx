import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { AccessibilityFeedbackInboxDocument } from '../../generated/graphql';
import type { Language } from '../../i18n';
import { EmailAddress } from '../../ui/EmailAddress';
import { formatDateTime, formatDay } from '../../ui/format';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { isOrganizer, useSession } from '../account/session';
import { NoAccess, SignInRequired } from '../account/SignInRequired';
import './legal.css';

/** Accessibility feedback for the network office (the link of its notifications). */
export function FeedbackInboxPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  useDocumentTitle(t('legal.inbox.heading'));
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired />;
  if (!isOrganizer(me)) return <NoAccess text={t('legal.inbox.noAccess')} />;
  return <FeedbackInbox />;
}

function FeedbackInbox() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [{ data, error }, reexecute] = useQuery({
    query: AccessibilityFeedbackInboxDocument,
    requestPolicy: 'network-only',
  });
  return (
    <div className="page page--narrow legal" data-testid="feedback-inbox">
      <h1>{t('legal.inbox.heading')}</h1>
      <p>{t('legal.inbox.intro')}</p>
      {data ? (
        data.accessibilityFeedback.length === 0 ? (
          <p>{t('legal.inbox.empty')}</p>
        ) : (
          data.accessibilityFeedback.map((feedback) => (
            <article
              key={feedback.id}
              className="legal-activity"
              aria-labelledby={`feedback-${feedback.id}`}
            >
              <h2 id={`feedback-${feedback.id}`}>
                {t('legal.inbox.item', {
                  reference: feedback.id,
                  due: formatDay(feedback.dueOn, language),
                })}
              </h2>
              <p className="legal-message">{feedback.message}</p>
              <dl className="legal-facts">
                <dt>{t('legal.inbox.received')}</dt>
                <dd>{formatDateTime(feedback.receivedAt, language)}</dd>
                {feedback.page ? (
                  <>
                    <dt>{t('legal.inbox.page')}</dt>
                    <dd>{feedback.page}</dd>
                  </>
                ) : null}
                <dt>{t('legal.inbox.sender')}</dt>
                <dd>
                  {feedback.senderName ?? t('legal.inbox.noName')}
                  {feedback.senderEmail ? (
                    <>
                      {' · '}
                      <a href={`mailto:${feedback.senderEmail}`}>
                        <EmailAddress address={feedback.senderEmail} />
                      </a>
                    </>
                  ) : null}
                </dd>
                <dt>{t('legal.inbox.language')}</dt>
                <dd>{feedback.locale === 'en' ? 'English' : 'Deutsch'}</dd>
              </dl>
            </article>
          ))
        )
      ) : error ? (
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : (
        <Loading />
      )}
    </div>
  );
}
