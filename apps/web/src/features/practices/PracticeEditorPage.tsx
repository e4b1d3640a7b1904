import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  Link,
  useBlocker,
  useLocation,
  useNavigate,
  useParams,
  useSearchParams,
} from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  CreatePracticeDocument,
  NetworkTopicsDocument,
  PracticeDocument,
  PublishPracticeDocument,
  RemovePracticeAttachmentDocument,
  UpdatePracticeDocument,
  type PracticeDetailFragment,
  type PracticeVisibility,
} from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { apiErrorReasons, apiProblems, type ErrorText } from '../../ui/api-errors';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import {
  ErrorSummary,
  SuccessMessage,
  TextAreaField,
  TextField,
  useFormErrors,
} from '../../ui/FormErrors';
import { ConflictNotice } from '../../ui/ConflictNotice';
import { MarkdownField } from '../../ui/MarkdownField';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { roleInCity, useSession } from '../account/session';
import { NoAccess, SignInRequired } from '../account/SignInRequired';
import { buildTopicTree } from '../topics/topic-tree';
import { PRACTICE_ID_PATTERN } from './PracticePage';
import { PracticeNotFound } from './PracticeNotFound';
import { fileKind, formatFileSize } from './practice-format';
import {
  emptyForm,
  formFromPractice,
  newLinkRow,
  practiceInput,
  sameContent,
  TEXT_FIELDS,
  type PracticeFormValues,
} from './practice-form';
import { ACCEPTED_FILES, uploadAttachment, type UploadedAttachment } from './upload';

const VISIBILITIES: readonly PracticeVisibility[] = ['CITY', 'NETWORK', 'PUBLIC'];

/** `/praxis/neu?stadt=<slug>`: a new draft for one of the signed-in person's cities. */
export function NewPracticePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [params] = useSearchParams();
  useDocumentTitle(t('editor.newHeading'));
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired />;
  const citySlug = (params.get('stadt') ?? me.actingCity?.slug ?? '').toLowerCase();
  const membership = me.memberships.find((item) => item.city.slug === citySlug);
  if (!citySlug) return <NoAccess text={t('editor.noCity')} />;
  if (!membership) return <NoAccess text={t('editor.noRights', { city: citySlug })} />;
  return (
    <PracticeEditor
      key={citySlug}
      city={{ slug: membership.city.slug, name: membership.city.name }}
      coordinator={membership.role === 'COORDINATOR'}
      practice={null}
    />
  );
}

/** `/praxis/:id/bearbeiten` */
export function EditPracticePage() {
  const { id = '' } = useParams<'id'>();
  if (!PRACTICE_ID_PATTERN.test(id)) return <PracticeNotFound />;
  return <EditLoader key={id} id={id} />;
}

function EditLoader({ id }: { id: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  // The revision number must be the current one, or the first save is a conflict.
  const [result, reexecute] = useQuery({
    query: PracticeDocument,
    variables: { id },
    requestPolicy: 'network-only',
  });
  useDocumentTitle(t('editor.editHeading'));
  if (me === undefined || (result.fetching && !result.data)) return <Loading />;
  if (me === null) return <SignInRequired />;
  if (result.error || !result.data) {
    return (
      <div className="page">
        <h1 className="visually-hidden">{t('state.errorTitle')}</h1>
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </div>
    );
  }
  const practice = result.data.practice;
  if (!practice) return <PracticeNotFound />;
  if (!practice.viewerCanEdit) return <NoAccess text={t('editor.noEditRights')} />;
  return (
    <PracticeEditor
      city={practice.city}
      coordinator={roleInCity(me, practice.city.slug) === 'COORDINATOR'}
      practice={practice}
    />
  );
}

interface EditorProps {
  city: { slug: string; name: string };
  coordinator: boolean;
  /** null: a new draft. */
  practice: PracticeDetailFragment | null;
}

type Conflict = { current: number };

function PracticeEditor({ city, coordinator, practice }: EditorProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useClient();
  const [, create] = useMutation(CreatePracticeDocument);
  const [, update] = useMutation(UpdatePracticeDocument);
  const [, publish] = useMutation(PublishPracticeDocument);

  const [values, setValues] = useState<PracticeFormValues>(() =>
    practice ? formFromPractice(practice) : emptyForm(),
  );
  const [baseline, setBaseline] = useState<PracticeFormValues>(values);
  const [revision, setRevision] = useState(practice?.revision ?? 0);
  const [status, setStatus] = useState(practice?.status ?? 'DRAFT');
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string>(
    (location.state as { notice?: string } | null)?.notice ?? '',
  );
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [mine, setMine] = useState<PracticeFormValues | null>(null);

  const fields = useMemo(
    () => [
      ...TEXT_FIELDS,
      'topicSlugs' as const,
      'visibility' as const,
      'links' as const,
      ...values.links.flatMap((_, index) => [`links.${index}.label`, `links.${index}.url`]),
    ],
    [values.links],
  );
  const form = useFormErrors<string>(fields);
  const dirty = !sameContent(values, baseline);

  // Leaving with unsaved text asks first: inside the app through the router,
  // closing or reloading the tab through the browser's own question.
  const allowLeave = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !allowLeave.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const set = <K extends keyof PracticeFormValues>(key: K, value: PracticeFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const save = async (andPublish: boolean, overwrite?: number) => {
    setNotice('');
    const missing: Array<{
      field: string;
      key: 'errors.REQUIRED_TITLE' | 'errors.REQUIRED_SUMMARY';
    }> = [];
    if (!values.title.trim()) missing.push({ field: 'title', key: 'errors.REQUIRED_TITLE' });
    if (!values.summary.trim()) missing.push({ field: 'summary', key: 'errors.REQUIRED_SUMMARY' });
    if (missing.length > 0) return form.showErrors(missing);

    setSaving(true);
    const input = practiceInput(values);
    const answer = practice
      ? await update({
          input: { ...input, id: practice.id, expectedRevision: overwrite ?? revision },
        })
      : await create({ input: { ...input, citySlug: city.slug } });
    if (answer.error || !answer.data) {
      setSaving(false);
      if (answer.error && apiErrorReasons(answer.error).includes('STALE_REVISION')) {
        const extensions = answer.error.graphQLErrors.find(
          (error) => error.extensions?.reason === 'STALE_REVISION',
        )?.extensions as { params?: { current?: number } } | undefined;
        form.clear();
        setConflict({ current: Number(extensions?.params?.current ?? revision + 1) });
        return;
      }
      if (answer.error) form.showApiError(answer.error);
      return;
    }
    const saved: PracticeDetailFragment =
      'createPractice' in answer.data ? answer.data.createPractice : answer.data.updatePractice;
    let finalStatus = saved.status;
    if (andPublish && saved.status === 'DRAFT') {
      const published = await publish({ id: saved.id });
      if (published.error) {
        setSaving(false);
        form.showApiError(published.error);
      } else {
        finalStatus = 'PUBLISHED';
      }
    }
    setSaving(false);
    form.clear();
    setConflict(null);
    // What was sent is saved now; anything typed while saving still counts as unsaved.
    setBaseline(values);
    setRevision(saved.revision);
    setStatus(finalStatus);

    if (andPublish && finalStatus === 'PUBLISHED') {
      allowLeave.current = true;
      navigate(`/praxis/${saved.id}`, { state: { notice: t('editor.publishedNow') } });
      return;
    }
    if (!practice) {
      // The new draft has an address now; attachments need it.
      allowLeave.current = true;
      navigate(`/praxis/${saved.id}/bearbeiten`, {
        replace: true,
        state: { notice: t('editor.created') },
      });
      return;
    }
    setNotice(t('editor.saved', { revision: saved.revision }));
  };

  const reloadAfterConflict = async () => {
    if (!practice) return;
    const answer = await client
      .query(PracticeDocument, { id: practice.id }, { requestPolicy: 'network-only' })
      .toPromise();
    const latest = answer.data?.practice;
    if (!latest) {
      if (answer.error) form.showApiError(answer.error);
      return;
    }
    setMine(values);
    const next = formFromPractice(latest);
    setValues(next);
    setBaseline(next);
    setRevision(latest.revision);
    setStatus(latest.status);
    setConflict(null);
  };

  const heading = practice ? t('editor.editHeading') : t('editor.newHeading');
  const canPublish = coordinator && status === 'DRAFT';

  return (
    <div className="page editor" data-testid="practice-editor">
      <p className="breadcrumb">
        <Link to={`/${city.slug}`}>{city.name}</Link>
        {practice ? (
          <>
            {' › '}
            <Link to={`/praxis/${practice.id}`}>{practice.title}</Link>
          </>
        ) : null}
      </p>
      <h1>
        {heading}
        {practice ? null : (
          <span className="editor__for"> {t('editor.newFor', { city: city.name })}</span>
        )}
      </h1>
      <p className="lead">{t('editor.intro')}</p>

      {conflict ? (
        <ConflictNotice
          key={conflict.current}
          level={2}
          title={t('editor.staleTitle')}
          text={t('editor.staleText', { current: conflict.current })}
          reloadLabel={t('editor.staleReload')}
          onReload={() => void reloadAfterConflict()}
          overwriteLabel={t('editor.staleOverwrite')}
          onOverwrite={() => void save(false, conflict.current)}
          testId="stale-conflict"
        />
      ) : null}
      {mine ? (
        <MineAfterReload mine={mine} current={values} onDismiss={() => setMine(null)} />
      ) : null}

      <form
        className="form editor__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save(false);
        }}
      >
        <ErrorSummary form={form} />

        <section className="card form" aria-labelledby="editor-basics">
          <h2 id="editor-basics">{t('editor.basics')}</h2>
          <TextField
            form={form}
            name="title"
            label={t('editor.title')}
            hint={t('editor.titleHint')}
            value={values.title}
            onChange={(value) => set('title', value)}
          />
          <TextAreaField
            form={form}
            name="summary"
            label={t('editor.summary')}
            hint={t('editor.summaryHint')}
            required
            rows={3}
            value={values.summary}
            onChange={(value) => set('summary', value)}
          />
          <MarkdownField
            form={form}
            name="body"
            label={t('editor.body')}
            hint={t('editor.bodyHint')}
            tabsLabel={t('editor.bodyTabs')}
            rows={14}
            topHeading={3}
            value={values.body}
            onChange={(value) => set('body', value)}
          />
        </section>

        <section className="card form" aria-labelledby="editor-topics">
          <h2 id="editor-topics" className="visually-hidden">
            {t('editor.topics')}
          </h2>
          <TopicPicker
            id={form.fieldId('topicSlugs')}
            error={form.fieldError('topicSlugs')}
            selected={values.topicSlugs}
            onChange={(slugs) => set('topicSlugs', slugs)}
          />
          <TextField
            form={form}
            name="tags"
            label={t('editor.tags')}
            hint={t('editor.tagsHint')}
            required={false}
            value={values.tags}
            onChange={(value) => set('tags', value)}
          />
          <VisibilityPicker
            id={form.fieldId('visibility')}
            value={values.visibility}
            onChange={(value) => set('visibility', value)}
          />
        </section>

        <section className="card form" aria-labelledby="editor-details">
          <h2 id="editor-details">{t('editor.details')}</h2>
          <p className="field__hint">{t('editor.periodHint')}</p>
          <div className="field-row">
            <TextField
              form={form}
              name="periodFrom"
              type="date"
              label={t('editor.periodFrom')}
              required={false}
              value={values.periodFrom}
              onChange={(value) => set('periodFrom', value)}
            />
            <TextField
              form={form}
              name="periodTo"
              type="date"
              label={t('editor.periodTo')}
              required={false}
              value={values.periodTo}
              onChange={(value) => set('periodTo', value)}
            />
          </div>
          <div className="field-row">
            <TextField
              form={form}
              name="contactName"
              label={t('editor.contactName')}
              required={false}
              autoComplete="off"
              value={values.contactName}
              onChange={(value) => set('contactName', value)}
            />
            <TextField
              form={form}
              name="contactEmail"
              type="email"
              label={t('editor.contactEmail')}
              required={false}
              autoComplete="off"
              value={values.contactEmail}
              onChange={(value) => set('contactEmail', value)}
            />
          </div>
        </section>

        <section className="card form" aria-labelledby="editor-more">
          <h2 id="editor-more">{t('editor.more')}</h2>
          <TextAreaField
            form={form}
            name="outcomes"
            label={t('editor.outcomes')}
            hint={t('editor.outcomesHint')}
            value={values.outcomes}
            onChange={(value) => set('outcomes', value)}
          />
          <TextAreaField
            form={form}
            name="resourcesNeeded"
            label={t('editor.resourcesNeeded')}
            hint={t('editor.resourcesNeededHint')}
            value={values.resourcesNeeded}
            onChange={(value) => set('resourcesNeeded', value)}
          />
          <TextAreaField
            form={form}
            name="partners"
            label={t('editor.partners')}
            hint={t('editor.partnersHint')}
            rows={3}
            value={values.partners}
            onChange={(value) => set('partners', value)}
          />
        </section>

        <section className="card form" aria-labelledby="editor-links">
          <h2 id="editor-links">{t('editor.links')}</h2>
          <p className="field__hint">{t('editor.linksHint')}</p>
          {form.fieldError('links') ? (
            <p className="field__error" id={form.fieldId('links')} tabIndex={-1}>
              <span className="visually-hidden">{t('form.errorPrefix')} </span>
              {t(form.fieldError('links')!.key, form.fieldError('links')!.values)}
            </p>
          ) : null}
          {values.links.length === 0 ? <p className="empty">{t('editor.noLinks')}</p> : null}
          <ol className="link-rows">
            {values.links.map((link, index) => (
              <li key={link.key} className="link-row" data-testid="link-row">
                <TextField
                  form={form}
                  name={`links.${index}.label`}
                  label={t('editor.linkLabel', { n: index + 1 })}
                  required={false}
                  value={link.label}
                  onChange={(value) =>
                    set(
                      'links',
                      values.links.map((row) =>
                        row.key === link.key ? { ...row, label: value } : row,
                      ),
                    )
                  }
                />
                <TextField
                  form={form}
                  name={`links.${index}.url`}
                  type="url"
                  label={t('editor.linkUrl', { n: index + 1 })}
                  required={false}
                  value={link.url}
                  onChange={(value) =>
                    set(
                      'links',
                      values.links.map((row) =>
                        row.key === link.key ? { ...row, url: value } : row,
                      ),
                    )
                  }
                />
                <button
                  type="button"
                  className="button button--secondary button--small link-row__remove"
                  onClick={() =>
                    set(
                      'links',
                      values.links.filter((row) => row.key !== link.key),
                    )
                  }
                >
                  {t('editor.removeLink', { n: index + 1 })}
                </button>
              </li>
            ))}
          </ol>
          <p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => set('links', [...values.links, newLinkRow()])}
            >
              {t('editor.addLink')}
            </button>
          </p>
        </section>

        <AttachmentsSection practice={practice} />

        <div className="form__actions editor__actions">
          <button type="submit" className="button" disabled={saving}>
            {saving
              ? t('editor.saving')
              : status === 'DRAFT'
                ? t('editor.saveDraft')
                : t('editor.saveChanges')}
          </button>
          {canPublish ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={saving}
              onClick={() => void save(true)}
            >
              {t('editor.saveAndPublish')}
            </button>
          ) : null}
          <Link to={practice ? `/praxis/${practice.id}` : `/${city.slug}`}>
            {practice ? t('editor.toPractice') : t('editor.cancel')}
          </Link>
        </div>
        {notice ? <SuccessMessage>{notice}</SuccessMessage> : null}
      </form>

      {blocker.state === 'blocked' ? (
        <ConfirmDialog
          title={t('editor.leaveTitle')}
          confirmLabel={t('editor.leave')}
          onConfirm={() => blocker.proceed()}
          onCancel={() => blocker.reset()}
        >
          <p>{t('editor.leaveText')}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

/** After a conflict reload: what the person had typed, to copy from; nothing is thrown away. */
function MineAfterReload({
  mine,
  current,
  onDismiss,
}: {
  mine: PracticeFormValues;
  current: PracticeFormValues;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const changed = TEXT_FIELDS.filter((field) => mine[field] !== current[field]);
  return (
    <section className="card mine" aria-labelledby="mine-heading" data-testid="mine-after-reload">
      <h2 id="mine-heading">{t('editor.mineHeading')}</h2>
      <p>{t('editor.mineText')}</p>
      {changed.map((field) => (
        <div key={field} className="field">
          <label htmlFor={`mine-${field}`}>
            {t('editor.mineField', { field: t(`editor.${field}`).replace(' *', '') })}
          </label>
          <textarea
            id={`mine-${field}`}
            readOnly
            value={mine[field]}
            rows={field === 'body' ? 8 : 2}
          />
        </div>
      ))}
      <button type="button" className="button button--secondary button--small" onClick={onDismiss}>
        {t('editor.mineDismiss')}
      </button>
    </section>
  );
}

function TopicPicker({
  id,
  error,
  selected,
  onChange,
}: {
  id: string;
  error: ErrorText | undefined;
  selected: readonly string[];
  onChange: (slugs: string[]) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const hintId = useId();
  const [result] = useQuery({ query: NetworkTopicsDocument });
  const tree = useMemo(() => buildTopicTree(result.data?.topics ?? []), [result.data]);
  const toggle = (slug: string) =>
    onChange(selected.includes(slug) ? selected.filter((s) => s !== slug) : [...selected, slug]);
  const name = (topic: { name: string; nameEn: string }) =>
    language === 'en' ? topic.nameEn : topic.name;

  const box = (
    topic: { slug: string; name: string; nameEn: string },
    first: boolean,
  ): ReactNode => (
    <span className="check">
      <input
        id={first ? id : `${id}-${topic.slug}`}
        type="checkbox"
        checked={selected.includes(topic.slug)}
        onChange={() => toggle(topic.slug)}
      />
      <label htmlFor={first ? id : `${id}-${topic.slug}`}>{name(topic)}</label>
    </span>
  );

  return (
    <fieldset
      className={error ? 'field field--invalid topic-picker' : 'field topic-picker'}
      aria-describedby={hintId}
      data-testid="topic-picker"
    >
      <legend>{t('editor.topics')}</legend>
      <p id={hintId} className="field__hint">
        {t('editor.topicsHint')}
      </p>
      {error ? (
        <p className="field__error">
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {t(error.key, error.values)}
        </p>
      ) : null}
      {result.error ? (
        <ErrorState />
      ) : !result.data ? (
        <Loading />
      ) : (
        <ul className="topic-picker__list">
          {tree.map(({ topic, children }, index) => (
            <li key={topic.id}>
              {box(topic, index === 0)}
              {children.length > 0 ? (
                <ul className="topic-picker__children" aria-label={name(topic)}>
                  {children.map((child) => (
                    <li key={child.id}>{box(child, false)}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

function VisibilityPicker({
  id,
  value,
  onChange,
}: {
  id: string;
  value: PracticeVisibility;
  onChange: (value: PracticeVisibility) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="field visibility-picker">
      <legend>{t('editor.visibility')}</legend>
      {VISIBILITIES.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${option}`;
        return (
          <div key={option} className="radio">
            <input
              id={optionId}
              type="radio"
              name="visibility"
              value={option}
              checked={value === option}
              aria-describedby={`${optionId}-hint`}
              onChange={() => onChange(option)}
            />
            <label htmlFor={optionId}>{t(`practice.visibility.${option}`)}</label>
            <p id={`${optionId}-hint`} className="field__hint radio__hint">
              {t(`practice.visibilityHint.${option}`)}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}

type UploadState =
  | { status: 'idle' }
  | { status: 'uploading'; name: string; percent: number }
  | { status: 'done'; name: string }
  | { status: 'failed'; name: string; texts: ErrorText[] };

function AttachmentsSection({ practice }: { practice: PracticeDetailFragment | null }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const inputId = useId();
  const hintId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [, removeAttachment] = useMutation(RemovePracticeAttachmentDocument);
  const [attachments, setAttachments] = useState<UploadedAttachment[]>(practice?.attachments ?? []);
  const [upload, setUpload] = useState<UploadState>({ status: 'idle' });
  const [removed, setRemoved] = useState('');

  if (!practice) {
    return (
      <section className="card" aria-labelledby="editor-attachments">
        <h2 id="editor-attachments">{t('editor.attachments')}</h2>
        <p className="muted">{t('editor.attachmentsAfterSave')}</p>
      </section>
    );
  }

  const start = async () => {
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    setRemoved('');
    setUpload({ status: 'uploading', name: file.name, percent: 0 });
    const result = await uploadAttachment(practice.id, file, (percent) =>
      setUpload({ status: 'uploading', name: file.name, percent }),
    );
    if (result.ok) {
      setAttachments((list) => [...list, result.attachment]);
      setUpload({ status: 'done', name: result.attachment.fileName });
      if (fileRef.current) fileRef.current.value = '';
    } else {
      setUpload({
        status: 'failed',
        name: file.name,
        texts: apiProblems(result.error).map((problem) => problem.text),
      });
    }
  };

  const remove = async (attachment: UploadedAttachment) => {
    const answer = await removeAttachment({ id: attachment.id });
    if (answer.error) {
      setUpload({
        status: 'failed',
        name: attachment.fileName,
        texts: apiProblems(answer.error).map((problem) => problem.text),
      });
      return;
    }
    setAttachments((list) => list.filter((item) => item.id !== attachment.id));
    setRemoved(t('editor.attachmentRemoved', { name: attachment.fileName }));
  };

  return (
    <section className="card" aria-labelledby="editor-attachments" data-testid="attachments">
      <h2 id="editor-attachments">{t('editor.attachments')}</h2>
      {attachments.length === 0 ? (
        <p className="empty">{t('editor.noAttachments')}</p>
      ) : (
        <ul className="attachment-list" data-testid="attachment-list">
          {attachments.map((attachment) => (
            <li key={attachment.id} className="attachment">
              <span>
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
              </span>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => void remove(attachment)}
              >
                {t('editor.removeAttachment')}
                <span className="visually-hidden">
                  {' '}
                  {t('editor.removeAttachmentWhich', { name: attachment.fileName })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={inputId}>{t('editor.chooseFile')}</label>
        <p id={hintId} className="field__hint">
          {t('editor.attachmentsHint')}
        </p>
        <div className="upload-row">
          <input
            id={inputId}
            ref={fileRef}
            type="file"
            accept={ACCEPTED_FILES}
            aria-describedby={hintId}
            data-testid="attachment-input"
          />
          <button
            type="button"
            className="button button--secondary"
            disabled={upload.status === 'uploading'}
            onClick={() => void start()}
          >
            {t('editor.upload')}
          </button>
        </div>
      </div>
      <div role="status" className="upload-status" data-testid="upload-status">
        {upload.status === 'uploading' ? (
          <>
            <progress max={100} value={upload.percent} aria-hidden="true" />{' '}
            {t('editor.uploading', { name: upload.name, percent: upload.percent })}
          </>
        ) : upload.status === 'done' ? (
          <p className="notice notice--success">{t('editor.uploaded', { name: upload.name })}</p>
        ) : removed ? (
          <p className="notice notice--success">{removed}</p>
        ) : null}
      </div>
      {upload.status === 'failed' ? (
        <div className="notice notice--error" role="alert" data-testid="upload-error">
          <p>{t('editor.uploadFailed', { name: upload.name })}</p>
          <ul>
            {upload.texts.map((text, index) => (
              <li key={index}>{t(text.key, text.values)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
