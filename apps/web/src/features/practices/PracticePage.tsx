import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  ArchivePracticeDocument,
  PracticeDocument,
  PublishPracticeDocument,
  RevertPracticeToDraftDocument,
  SimilarPracticesDocument,
  type PracticeDetailFragment,
} from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorSummary, SuccessMessage, useFormErrors } from '../../ui/FormErrors';
import { formatDate } from '../../ui/format';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { EmailAddress } from '../../ui/EmailAddress';
import { PracticeBadges } from './PracticeBadges';
import { PracticeList } from './PracticeList';
import { PracticeNotFound } from './PracticeNotFound';
import { ReviewActions, ReviewNotice } from './ReviewActions';
import { fileKind, formatFileSize, formatPeriod, PRACTICE_ID_PATTERN } from './practice-format';
import './practices.css';
import { TopicLink } from '../topics/TopicLink';
import { FollowButton } from '../follows/FollowButton';

export function PracticePage() {
  const { id = '' } = useParams<'id'>();
  if (!PRACTICE_ID_PATTERN.test(id)) return <PracticeNotFound />;
  return <PracticeLoader key={id} id={id} />;
}

function PracticeLoader({ id }: { id: string }) {
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({ query: PracticeDocument, variables: { id } });
  if (result.fetching && !result.data) return <Loading />;
  if (result.error || !result.data) {
    return (
      <div className="page">
        <h1 className="visually-hidden">{t('state.errorTitle')}</h1>
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </div>
    );
  }
  if (!result.data.practice) return <PracticeNotFound />;
  return <PracticeView practice={result.data.practice} />;
}

/** Errors of the action buttons belong to no field. */
const NO_FIELDS: readonly never[] = [];

type Action = 'archive' | 'revert';

function PracticeView({ practice: loaded }: { practice: PracticeDetailFragment }) {
  // A mutation's answer is shown at once; the refetched query catches up a moment later.
  const [changed, setChanged] = useState<PracticeDetailFragment | null>(null);
  const practice = changed && changed.updatedAt >= loaded.updatedAt ? changed : loaded;
  const { t } = useTranslation();
  const language = currentLanguage();
  const location = useLocation();
  useDocumentTitle(practice.title);
  const form = useFormErrors(NO_FIELDS);
  const [, publish] = useMutation(PublishPracticeDocument);
  const [, archive] = useMutation(ArchivePracticeDocument);
  const [, revert] = useMutation(RevertPracticeToDraftDocument);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Action | null>(null);
  // The editor sends people here after "Speichern und veröffentlichen" with what it did.
  const [done, setDone] = useState<string>(
    (location.state as { notice?: string } | null)?.notice ?? '',
  );
  const trigger = useRef<HTMLElement | null>(null);

  useEffect(() => {
    // The dialog closed: focus back to the button that opened it (if it is still there).
    if (pending !== null) return;
    const target = trigger.current;
    if (target && document.contains(target)) target.focus();
    trigger.current = null;
  }, [pending]);

  const run = async (action: 'publish' | Action) => {
    setBusy(true);
    setDone('');
    form.clear();
    const variables = { id: practice.id };
    const answer =
      action === 'publish'
        ? await publish(variables)
        : action === 'archive'
          ? await archive(variables)
          : await revert(variables);
    setBusy(false);
    setPending(null);
    if (answer.error || !answer.data) {
      if (answer.error) form.showApiError(answer.error);
      return;
    }
    const data = answer.data;
    setChanged(
      'publishPractice' in data
        ? data.publishPractice
        : 'archivePractice' in data
          ? data.archivePractice
          : data.revertPracticeToDraft,
    );
    setDone(
      t(
        action === 'publish'
          ? 'practice.published'
          : action === 'archive'
            ? 'practice.archived'
            : 'practice.reverted',
      ),
    );
  };

  const period = formatPeriod(practice.periodFrom, practice.periodTo, language, t);
  const canPublish =
    practice.viewerCanPublish && (practice.status === 'DRAFT' || practice.status === 'IN_REVIEW');
  const canRevert =
    practice.viewerCanPublish &&
    (practice.status === 'PUBLISHED' || practice.status === 'ARCHIVED');
  const canArchive = practice.viewerCanArchive && practice.status !== 'ARCHIVED';

  return (
    <article className="page practice" data-testid="practice-page" data-status={practice.status}>
      <p className="breadcrumb">
        <Link to={`/${practice.city.slug}`} data-testid="practice-city" lang="de">
          {practice.city.name}
        </Link>
      </p>
      <header className="practice__header">
        {/* Practices are written in German: screen readers pronounce them so in English too. */}
        <h1 lang="de">{practice.title}</h1>
        <FollowButton kind={'PRACTICE'} targetId={practice.id} name={practice.title} />
        <p className="practice__meta">
          <PracticeBadges status={practice.status} visibility={practice.visibility} />
          <span className="muted">
            {practice.publishedAt && practice.status === 'PUBLISHED'
              ? t('practice.publishedAt', { date: formatDate(practice.publishedAt, language) })
              : t('practice.updated', { date: formatDate(practice.updatedAt, language) })}
          </span>
        </p>
        <p className="lead practice__summary" data-testid="practice-summary" lang="de">
          {practice.summary}
        </p>
      </header>

      <ReviewNotice practice={practice} />

      <nav className="practice__actions" aria-label={t('practice.actions')}>
        <ul>
          {practice.viewerCanEdit ? (
            <li>
              <Link to={`/praxis/${practice.id}/bearbeiten`} className="button">
                {t('practice.edit')}
              </Link>
            </li>
          ) : null}
          {canPublish ? (
            <li>
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void run('publish')}
              >
                {t('practice.publish')}
              </button>
            </li>
          ) : null}
          <ReviewActions
            practice={practice}
            onChanged={(next, notice) => {
              setChanged(next);
              setDone(notice);
            }}
          />
          {canRevert ? (
            <li>
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={(event) => {
                  trigger.current = event.currentTarget;
                  setPending('revert');
                }}
              >
                {t('practice.revert')}
              </button>
            </li>
          ) : null}
          {canArchive ? (
            <li>
              <button
                type="button"
                className="button button--danger"
                disabled={busy}
                onClick={(event) => {
                  trigger.current = event.currentTarget;
                  setPending('archive');
                }}
              >
                {t('practice.archive')}
              </button>
            </li>
          ) : null}
          <li>
            <Link to={`/praxis/${practice.id}/verlauf`} className="button button--secondary">
              {t('practice.history')}
            </Link>
          </li>
        </ul>
      </nav>
      <ErrorSummary form={form} title={t('practice.actionFailed')} />
      {done ? <SuccessMessage>{done}</SuccessMessage> : null}

      <div className="practice__layout">
        <div className="practice__main">
          <section aria-labelledby="practice-body">
            <h2 id="practice-body">{t('practice.description')}</h2>
            {practice.bodyHtml.trim() ? (
              // Rendered and sanitized by the server (see the schema's bodyHtml).
              <div
                className="prose"
                lang="de"
                data-testid="practice-body"
                dangerouslySetInnerHTML={{ __html: practice.bodyHtml }}
              />
            ) : (
              <p className="empty">{t('practice.none')}</p>
            )}
          </section>
          <TextSection id="practice-outcomes" title={t('practice.outcomes')}>
            {practice.outcomes}
          </TextSection>
          <TextSection id="practice-resources" title={t('practice.resourcesNeeded')}>
            {practice.resourcesNeeded}
          </TextSection>
          <TextSection id="practice-partners" title={t('practice.partners')}>
            {practice.partners}
          </TextSection>
        </div>

        <aside className="practice__aside" aria-labelledby="practice-facts">
          <div className="card">
            <h2 id="practice-facts">{t('practice.facts')}</h2>
            <dl className="facts">
              <div className="facts__row">
                <dt>{t('practice.fromCity')}</dt>
                <dd>
                  <Link to={`/${practice.city.slug}`} lang="de">
                    {practice.city.name}
                  </Link>
                </dd>
              </div>
              {practice.topics.length > 0 ? (
                <div className="facts__row">
                  <dt>{t('practice.topics')}</dt>
                  <dd>
                    <ul className="tag-list tag-list--small" data-testid="practice-topics">
                      {practice.topics.map((topic) => (
                        <li key={topic.id}>
                          <TopicLink topic={topic} />
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ) : null}
              {practice.tags.length > 0 ? (
                <div className="facts__row">
                  <dt>{t('practice.tags')}</dt>
                  <dd>
                    <ul className="tag-list tag-list--small" data-testid="practice-tags">
                      {practice.tags.map((tag) => (
                        <li key={tag}>
                          <Link className="tag" to={`/suche?q=${encodeURIComponent(tag)}`}>
                            {tag}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ) : null}
              {period ? (
                <div className="facts__row">
                  <dt>{t('practice.period')}</dt>
                  <dd data-testid="practice-period">{period}</dd>
                </div>
              ) : null}
              {practice.contactName || practice.contactEmail ? (
                <div className="facts__row">
                  <dt>{t('practice.contact')}</dt>
                  <dd>
                    {practice.contactName ? <span>{practice.contactName}</span> : null}
                    {practice.contactEmail ? (
                      <>
                        {practice.contactName ? <br /> : null}
                        <a href={`mailto:${practice.contactEmail}`}>
                          <EmailAddress address={practice.contactEmail} />
                        </a>
                      </>
                    ) : null}
                  </dd>
                </div>
              ) : null}
            </dl>
          </div>

          {practice.links.length > 0 ? (
            <section className="card" aria-labelledby="practice-links">
              <h2 id="practice-links">{t('practice.links')}</h2>
              <ul className="link-list" data-testid="practice-links">
                {practice.links.map((link, index) => (
                  <li key={`${link.url}-${index}`}>
                    <a href={link.url} rel="noopener noreferrer" target="_blank">
                      {link.label}
                      <span className="visually-hidden"> {t('practice.externalLink')}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {practice.attachments.length > 0 ? (
            <section className="card" aria-labelledby="practice-attachments">
              <h2 id="practice-attachments">{t('practice.attachments')}</h2>
              <ul className="link-list" data-testid="practice-attachments">
                {practice.attachments.map((attachment) => (
                  <li key={attachment.id}>
                    <a href={attachment.url} download={attachment.fileName}>
                      {attachment.fileName}
                    </a>{' '}
                    <span className="muted">
                      (
                      {t('practice.attachmentMeta', {
                        type: fileKind(attachment.contentType, attachment.fileName),
                        size: formatFileSize(attachment.sizeBytes, language, t),
                      })}
                      )
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>

      <SimilarPractices id={practice.id} />

      {pending ? (
        <ConfirmDialog
          title={
            pending === 'archive'
              ? t('practice.confirmArchiveTitle')
              : t('practice.confirmRevertTitle')
          }
          confirmLabel={pending === 'archive' ? t('practice.archive') : t('practice.revert')}
          busy={busy}
          onConfirm={() => void run(pending)}
          onCancel={() => setPending(null)}
        >
          <p>
            {pending === 'archive'
              ? t('practice.confirmArchiveText', { title: practice.title })
              : t('practice.confirmRevertText', { title: practice.title })}
          </p>
        </ConfirmDialog>
      ) : null}
    </article>
  );
}

function TextSection({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: string | null;
}): ReactNode {
  const paragraphs = (children ?? '')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  if (paragraphs.length === 0) return null;
  return (
    <section aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      {paragraphs.map((paragraph, index) => (
        <p key={index} className="pre-line" lang="de">
          {paragraph}
        </p>
      ))}
    </section>
  );
}

function SimilarPractices({ id }: { id: string }) {
  const { t } = useTranslation();
  const [result] = useQuery({ query: SimilarPracticesDocument, variables: { id, first: 4 } });
  const items = result.data?.similarPractices ?? [];
  // Related entries are a bonus: when they fail to load, the section simply stays away.
  if (result.error || (result.data && items.length === 0)) return null;
  return (
    <section className="practice__similar" aria-labelledby="practice-similar">
      <h2 id="practice-similar">{t('practice.similar')}</h2>
      {!result.data ? (
        <Loading />
      ) : (
        <PracticeList items={items.map((practice) => ({ practice }))} testId="similar-list" />
      )}
    </section>
  );
}
