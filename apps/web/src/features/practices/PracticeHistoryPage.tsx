import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  NetworkTopicsDocument,
  PracticeDocument,
  PracticeRevisionsDocument,
  RestorePracticeRevisionDocument,
  type PracticeDetailFragment,
  type PracticeRevisionsQuery,
} from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorSummary, SuccessMessage, useFormErrors } from '../../ui/FormErrors';
import { RevisionCells } from '../../ui/RevisionCells';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { PracticeNotFound } from './PracticeNotFound';
import { PRACTICE_ID_PATTERN } from './practice-format';
import { BodyDiff, DiffParts } from './DiffParts';
import { diffMarkdown } from './markdown-diff';
import { diffList, diffText, hasChanges } from './practice-diff';
import './practices.css';

type Revision = PracticeRevisionsQuery['practiceRevisions'][number];

export function PracticeHistoryPage() {
  const { id = '' } = useParams<'id'>();
  if (!PRACTICE_ID_PATTERN.test(id)) return <PracticeNotFound />;
  return <HistoryLoader key={id} id={id} />;
}

function HistoryLoader({ id }: { id: string }) {
  const { t } = useTranslation();
  const [practice, reexecutePractice] = useQuery({ query: PracticeDocument, variables: { id } });
  const [revisions, reexecuteRevisions] = useQuery({
    query: PracticeRevisionsDocument,
    variables: { id },
    // Every save adds one; the list must be the server's.
    requestPolicy: 'network-only',
  });
  if (practice.data && practice.data.practice === null) return <PracticeNotFound />;
  if (practice.error || revisions.error) {
    return (
      <div className="page">
        <h1 className="visually-hidden">{t('state.errorTitle')}</h1>
        <ErrorState
          onRetry={() => {
            reexecutePractice({ requestPolicy: 'network-only' });
            reexecuteRevisions({ requestPolicy: 'network-only' });
          }}
        />
      </div>
    );
  }
  if (!practice.data?.practice || !revisions.data) return <Loading />;
  return (
    <History
      practice={practice.data.practice}
      revisions={revisions.data.practiceRevisions}
      reload={() => reexecuteRevisions({ requestPolicy: 'network-only' })}
    />
  );
}

const NO_FIELDS: readonly never[] = [];

function History({
  practice,
  revisions,
  reload,
}: {
  practice: PracticeDetailFragment;
  revisions: readonly Revision[];
  reload: () => void;
}) {
  const { t } = useTranslation();
  useDocumentTitle(t('history.documentTitle', { title: practice.title }));
  const newest = revisions[0]?.number ?? 0;
  const [choice, setChoice] = useState<{ from: number; to: number } | null>(null);
  // Until the person picks, compare the two newest; after a restore that is the restore itself.
  const to = choice?.to ?? newest;
  const from = choice?.from ?? revisions[1]?.number ?? newest;
  const [pending, setPending] = useState<number | null>(null);
  const [done, setDone] = useState('');
  const [{ fetching }, restore] = useMutation(RestorePracticeRevisionDocument);
  const form = useFormErrors(NO_FIELDS);
  const trigger = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (pending !== null) return;
    const target = trigger.current;
    if (target && document.contains(target)) target.focus();
    trigger.current = null;
  }, [pending]);

  const confirmRestore = async () => {
    if (pending === null) return;
    const number = pending;
    const answer = await restore({ id: practice.id, number });
    setPending(null);
    if (answer.error || !answer.data) {
      if (answer.error) form.showApiError(answer.error);
      return;
    }
    setChoice(null);
    setDone(
      t('history.restored', { number, current: answer.data.restorePracticeRevision.revision }),
    );
    reload();
  };

  const older = revisions.find((revision) => revision.number === from);
  const newer = revisions.find((revision) => revision.number === to);

  return (
    <div className="page history" data-testid="history-page">
      <p className="breadcrumb">
        <Link to={`/praxis/${practice.id}`}>
          <span aria-hidden="true">← </span>
          {t('history.back')}
        </Link>
      </p>
      <h1>
        {t('history.heading')}{' '}
        <span className="history__of">{t('history.of', { title: practice.title })}</span>
      </h1>
      <p className="lead">{t('history.intro')}</p>
      <ErrorSummary form={form} title={t('practice.actionFailed')} />
      {done ? <SuccessMessage>{done}</SuccessMessage> : null}

      <ScrollRegion className="card" label={t('history.caption')}>
        <table className="table" data-testid="revision-table">
          <caption className="visually-hidden">{t('history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('history.number')}</th>
              <th scope="col">{t('history.time')}</th>
              <th scope="col">{t('history.author')}</th>
              <th scope="col">{t('history.older')}</th>
              <th scope="col">{t('history.newer')}</th>
              {practice.viewerCanPublish ? (
                <th scope="col">
                  <span className="visually-hidden">{t('practice.actions')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {revisions.map((revision) => (
              <tr key={revision.number} data-testid="revision-row">
                <RevisionCells
                  revision={revision}
                  newest={newest}
                  choice={{ from, to }}
                  onChoose={setChoice}
                />
                {practice.viewerCanPublish ? (
                  <td>
                    {revision.number !== newest ? (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={(event) => {
                          trigger.current = event.currentTarget;
                          setPending(revision.number);
                        }}
                      >
                        {t('history.restore')}
                        <span className="visually-hidden">
                          {' '}
                          ({t('history.restoreWhich', { number: revision.number })})
                        </span>
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      {revisions.length < 2 ? (
        <p className="empty">{t('history.single')}</p>
      ) : older && newer ? (
        <RevisionDiff older={older} newer={newer} />
      ) : null}

      {pending !== null ? (
        <ConfirmDialog
          title={t('history.confirmRestoreTitle', { number: pending })}
          confirmLabel={t('history.restoreWhich', { number: pending })}
          busy={fetching}
          onConfirm={() => void confirmRestore()}
          onCancel={() => setPending(null)}
        >
          <p>{t('history.confirmRestoreText', { number: pending })}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function RevisionDiff({ older, newer }: { older: Revision; newer: Revision }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [topics] = useQuery({ query: NetworkTopicsDocument });
  const topicName = useMemo(() => {
    const names = new Map(
      (topics.data?.topics ?? []).map((topic) => [
        topic.slug,
        language === 'en' ? topic.nameEn : topic.name,
      ]),
    );
    return (slug: string) => names.get(slug) ?? slug;
  }, [topics.data, language]);

  const bodyBlocks = useMemo(() => diffMarkdown(older.body, newer.body), [older.body, newer.body]);
  // Only marks changed (e.g. `*` to `**`): the words are the same, but the text is not.
  const formattingOnly =
    older.body !== newer.body && !hasChanges(bodyBlocks.flatMap((b) => b.parts));
  const fields = [
    { name: 'title', parts: diffText(older.title, newer.title), block: false },
    { name: 'summary', parts: diffText(older.summary, newer.summary), block: false },
    { name: 'body', parts: bodyBlocks.flatMap((block) => block.parts), block: true },
    { name: 'tags', parts: diffList(older.tags, newer.tags), block: false },
    {
      name: 'topics',
      parts: diffList(older.topicSlugs.map(topicName), newer.topicSlugs.map(topicName)),
      block: false,
    },
  ] as const;
  const changed = fields.filter((field) => hasChanges(field.parts));
  const any = changed.length > 0 || formattingOnly;

  return (
    <section className="card diff" aria-labelledby="diff-heading" data-testid="revision-diff">
      <h2 id="diff-heading">
        {t('history.diffHeading', { from: older.number, to: newer.number })}
      </h2>
      <p className="muted">{t('history.legend')}</p>
      {!any ? (
        <p className="empty">{t('history.noChanges')}</p>
      ) : (
        <dl className="diff__fields">
          {fields.map((field) => (
            <div key={field.name} className="diff__field" data-field={field.name}>
              <dt>{t(`history.field.${field.name}`)}</dt>
              <dd className={field.block ? 'diff__text diff__text--body' : 'diff__text'}>
                {field.name === 'body' && hasChanges(field.parts) ? (
                  <BodyDiff blocks={bodyBlocks} />
                ) : field.name === 'body' && formattingOnly ? (
                  <span className="muted">{t('history.formattingOnly')}</span>
                ) : hasChanges(field.parts) ? (
                  <DiffParts
                    parts={field.parts}
                    list={field.name === 'tags' || field.name === 'topics'}
                  />
                ) : (
                  <span className="muted">{t('history.unchanged')}</span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
