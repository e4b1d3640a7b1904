import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { DevMailboxDocument } from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../ui/format';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { isLinkIntoApp, mailboxRefusal } from './dev-mailbox';
import './dev.css';

const MAILS_SHOWN = 50;
const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** Mail text with its links made clickable; links into this app stay in the app. */
export function linkify(text: string, origin: string): ReactNode[] {
  return text.split(URL_PATTERN).map((part, index) => {
    if (index % 2 === 0) return <Fragment key={index}>{part}</Fragment>;
    let url: URL | null = null;
    try {
      url = new URL(part);
    } catch {
      return <Fragment key={index}>{part}</Fragment>;
    }
    return isLinkIntoApp(url, origin) ? (
      <Link key={index} to={url.pathname + url.search + url.hash} data-testid="mail-link">
        {part}
      </Link>
    ) : (
      <a key={index} href={part} data-testid="mail-link">
        {part}
      </a>
    );
  });
}

export function DevMailboxPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('devMailbox.heading'));
  const [result, reexecute] = useQuery({
    query: DevMailboxDocument,
    variables: { first: MAILS_SHOWN },
    requestPolicy: 'network-only',
  });
  const refusal = mailboxRefusal(result.error);
  const mails = result.data?.devMailbox ?? [];

  return (
    <div className="page dev-mailbox" data-testid="dev-mailbox">
      <h1>{t('devMailbox.heading')}</h1>
      <p className="notice notice--dev" data-testid="dev-note">
        {t('devMailbox.note')}
      </p>
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => reexecute({ requestPolicy: 'network-only' })}
        >
          {t('devMailbox.reload')}
        </button>
      </p>
      {refusal === 'loopbackOnly' ? (
        <p className="notice notice--error" role="alert" data-testid="mailbox-refused">
          {t('devMailbox.loopbackOnly')}
        </p>
      ) : refusal === 'off' ? (
        <p className="notice notice--error">{t('devMailbox.off')}</p>
      ) : result.error ? (
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : !result.data ? (
        <Loading />
      ) : mails.length === 0 ? (
        <p className="empty">{t('devMailbox.empty')}</p>
      ) : (
        <ol className="mail-list" aria-label={t('devMailbox.listLabel', { count: mails.length })}>
          {mails.map((mail) => (
            <li key={mail.id} className="mail card" data-testid="mail">
              <h2 className="mail__subject">{mail.subject}</h2>
              <dl className="mail__meta">
                <div>
                  <dt>{t('devMailbox.to')}</dt>
                  <dd data-testid="mail-recipient">{mail.recipient}</dd>
                </div>
                <div>
                  <dt>{t('devMailbox.sent')}</dt>
                  <dd>{formatDateTime(mail.createdAt, language)}</dd>
                </div>
              </dl>
              <div className="mail__body">{linkify(mail.textBody, window.location.origin)}</div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
