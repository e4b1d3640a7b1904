import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useClient, useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  AddTandemNoteDocument,
  DeleteTandemNoteDocument,
  TandemNotesDocument,
  UpdateTandemNoteDocument,
  type TandemNoteFieldsFragment,
  type TandemNoteKind,
} from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import {
  ErrorSummary,
  TextAreaField,
  TextField,
  useFormErrors,
  type FormErrors,
} from '../../ui/FormErrors';
import { formatDateTime, formatDay } from '../../ui/format';
import { onLiveReconnected } from '../../ui/live';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { todayInBerlin } from './tandem-format';
import type { TandemDetail } from './types';
import { useTandemNoteAdded } from './useTandemNoteAdded';

export type TandemNote = TandemNoteFieldsFragment;

const PAGE_SIZE = 20;
export const NOTE_KINDS: readonly TandemNoteKind[] = ['NOTE', 'AGREEMENT', 'VISIT', 'QUESTION'];
const FIELDS = ['kind', 'body', 'visitDate', 'place'] as const;
type Field = (typeof FIELDS)[number];
/** A note's `body` is not a practice's `body`: the form says what its fields' errors mean. */
const FIELD_TEXTS = {
  body: 'errors.TANDEM_NOTE_BODY',
  visitDate: 'errors.TANDEM_VISIT_DATE',
  place: 'errors.TANDEM_PLACE',
} as const;

/** A small sign per kind, beside its written name (the name is what screen readers get). */
const KIND_ICONS: Record<TandemNoteKind, string> = {
  NOTE: '✎',
  AGREEMENT: '✔',
  VISIT: '⚑',
  QUESTION: '?',
};

type Timeline =
  | { status: 'loading' }
  | { status: 'error' }
  | {
      status: 'done';
      notes: TandemNote[];
      totalCount: number;
      endCursor: string | null;
      hasNextPage: boolean;
    };

/** The private exchange of the two cities: newest first, new entries from the partner live. */
export function TandemNotes({ tandem }: { tandem: TandemDetail }) {
  const { t } = useTranslation();
  const client = useClient();
  const [timeline, setTimeline] = useState<Timeline>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  /** Entries that arrived live since the page opened, marked until the next reload. */
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const headingRef = useRef<HTMLHeadingElement>(null);

  const fetchPage = useCallback(
    (after: string | null) =>
      client
        .query(
          TandemNotesDocument,
          { tandemId: tandem.id, first: PAGE_SIZE, after },
          { requestPolicy: 'network-only' },
        )
        .toPromise(),
    [client, tandem.id],
  );

  useEffect(() => {
    let cancelled = false;
    void fetchPage(null).then((result) => {
      if (cancelled) return;
      const connection = result.data?.tandemNotes;
      if (result.error || !connection) return setTimeline({ status: 'error' });
      setTimeline({
        status: 'done',
        notes: connection.edges.map((edge) => edge.node),
        totalCount: connection.totalCount,
        endCursor: connection.pageInfo.endCursor ?? null,
        hasNextPage: connection.pageInfo.hasNextPage,
      });
    });
    return () => {
      cancelled = true;
    };
  }, [fetchPage, attempt]);

  const loadMore = async () => {
    if (timeline.status !== 'done' || !timeline.endCursor) return;
    setLoadingMore(true);
    const result = await fetchPage(timeline.endCursor);
    setLoadingMore(false);
    const connection = result.data?.tandemNotes;
    if (result.error || !connection) return setAnnouncement(t('tandems.notes.loadMoreFailed'));
    const older = connection.edges.map((edge) => edge.node);
    setTimeline((current) =>
      current.status !== 'done'
        ? current
        : {
            ...current,
            // Entries added meanwhile shift the pages: skip what is already shown.
            notes: [
              ...current.notes,
              ...older.filter((note) => !current.notes.some((shown) => shown.id === note.id)),
            ],
            endCursor: connection.pageInfo.endCursor ?? null,
            hasNextPage: connection.pageInfo.hasNextPage,
          },
    );
    setAnnouncement(t('tandems.notes.loadedMore', { count: older.length }));
  };

  /** Adds an entry at the top, once: a live copy of one's own new entry changes nothing. */
  const insert = useCallback((note: TandemNote) => {
    setTimeline((current) => {
      if (current.status !== 'done') return current;
      if (current.notes.some((shown) => shown.id === note.id)) return current;
      return { ...current, notes: [note, ...current.notes], totalCount: current.totalCount + 1 };
    });
  }, []);

  useTandemNoteAdded(tandem.id, (note) => {
    // One's own entry is already shown (from the form's answer); only the partner's are news.
    if (note.viewerIsAuthor) return insert(note);
    insert(note);
    setFresh((current) => new Set(current).add(note.id));
    setAnnouncement(
      t('tandems.notes.liveAnnouncement', {
        kind: t(`tandems.noteKind.${note.kind}`),
        author: note.author?.displayName ?? t('tandems.notes.formerMember'),
        city: note.authorCity?.name ?? '',
      }),
    );
  });

  // After a break in the live connection, fetch the newest page again for what came meanwhile.
  useEffect(
    () =>
      onLiveReconnected(() => {
        void fetchPage(null).then((result) => {
          const missed = result.data?.tandemNotes.edges.map((edge) => edge.node) ?? [];
          for (const note of [...missed].reverse()) insert(note);
        });
      }),
    [fetchPage, insert],
  );

  const replace = (note: TandemNote) =>
    setTimeline((current) =>
      current.status !== 'done'
        ? current
        : {
            ...current,
            notes: current.notes.map((shown) => (shown.id === note.id ? note : shown)),
          },
    );

  const remove = (id: string) => {
    setTimeline((current) =>
      current.status !== 'done'
        ? current
        : {
            ...current,
            notes: current.notes.filter((shown) => shown.id !== id),
            totalCount: current.totalCount - 1,
          },
    );
    setAnnouncement(t('tandems.notes.deleted'));
    headingRef.current?.focus();
  };

  return (
    <section
      className="tandem-notes"
      aria-labelledby="tandem-notes-heading"
      data-testid="tandem-notes"
    >
      <div className="section-head">
        <h2 id="tandem-notes-heading" ref={headingRef} tabIndex={-1}>
          {t('tandems.notes.heading')}
          {timeline.status === 'done' ? (
            <span className="muted"> ({timeline.totalCount})</span>
          ) : null}
        </h2>
      </div>
      <p className="muted">
        {t('tandems.notes.intro', {
          newCity: tandem.newCity.name,
          partner: tandem.partnerCity.name,
        })}
      </p>
      {/* One polite voice for what changes without the reader's doing: live entries, more loaded. */}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="notes-announcer">
        {announcement}
      </p>

      {tandem.status === 'ACTIVE' ? (
        <AddNoteForm
          tandemId={tandem.id}
          onAdded={(note) => {
            insert(note);
            setAnnouncement(t('tandems.notes.added'));
          }}
        />
      ) : (
        <p className="notice">{t('tandems.notes.onlyActive')}</p>
      )}

      {timeline.status === 'loading' ? (
        <Loading label={t('tandems.notes.loading')} />
      ) : timeline.status === 'error' ? (
        <ErrorState
          onRetry={() => {
            setTimeline({ status: 'loading' });
            setAttempt((n) => n + 1);
          }}
        />
      ) : timeline.notes.length === 0 ? (
        <p className="empty" data-testid="notes-empty">
          {tandem.status === 'ACTIVE' ? t('tandems.notes.empty') : t('tandems.notes.emptyClosed')}
        </p>
      ) : (
        <>
          <ol className="timeline" data-testid="timeline">
            {timeline.notes.map((note) => (
              <NoteItem
                key={note.id}
                note={note}
                fresh={fresh.has(note.id)}
                onUpdated={(updated) => {
                  replace(updated);
                  setAnnouncement(t('tandems.notes.updated'));
                }}
                onDeleted={() => remove(note.id)}
              />
            ))}
          </ol>
          {timeline.hasNextPage ? (
            <p className="load-more">
              <button
                type="button"
                className="button button--secondary"
                disabled={loadingMore}
                onClick={() => void loadMore()}
              >
                {t('tandems.notes.loadMore', {
                  shown: timeline.notes.length,
                  total: timeline.totalCount,
                })}
              </button>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

function KindPicker({
  form,
  value,
  onChange,
}: {
  form: FormErrors<Field>;
  value: TandemNoteKind;
  onChange: (kind: TandemNoteKind) => void;
}) {
  const { t } = useTranslation();
  const firstId = form.fieldId('kind');
  return (
    <fieldset className="field kind-picker">
      <legend>{t('tandems.notes.kind')}</legend>
      <div className="kind-picker__options">
        {NOTE_KINDS.map((kind, index) => {
          const id = index === 0 ? firstId : `${firstId}-${kind}`;
          return (
            <div key={kind} className="radio kind-picker__option">
              <input
                id={id}
                type="radio"
                name="kind"
                value={kind}
                checked={value === kind}
                onChange={() => onChange(kind)}
              />
              <label htmlFor={id}>
                <span className={`note-kind note-kind--${kind.toLowerCase()}`} aria-hidden="true">
                  {KIND_ICONS[kind]}
                </span>{' '}
                {t(`tandems.noteKind.${kind}`)}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

function AddNoteForm({
  tandemId,
  onAdded,
}: {
  tandemId: string;
  onAdded: (note: TandemNote) => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors(FIELDS, FIELD_TEXTS);
  const [kind, setKind] = useState<TandemNoteKind>('NOTE');
  const [body, setBody] = useState('');
  const [visitDate, setVisitDate] = useState(todayInBerlin);
  const [place, setPlace] = useState('');
  const [{ fetching }, addNote] = useMutation(AddTandemNoteDocument);
  const visit = kind === 'VISIT';

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing: Array<{
      field: Field;
      key: 'errors.REQUIRED_NOTE_BODY' | 'errors.REQUIRED_VISIT_DATE';
    }> = [];
    if (visit && !visitDate)
      missing.push({ field: 'visitDate', key: 'errors.REQUIRED_VISIT_DATE' });
    if (!body.trim()) missing.push({ field: 'body', key: 'errors.REQUIRED_NOTE_BODY' });
    if (missing.length > 0) return form.showErrors(missing);
    const answer = await addNote({
      input: {
        tandemId,
        kind,
        body,
        visitDate: visit ? visitDate : null,
        place: visit && place.trim() ? place.trim() : null,
      },
    });
    if (answer.error || !answer.data) {
      if (answer.error) form.showApiError(answer.error);
      return;
    }
    form.clear();
    setBody('');
    setPlace('');
    onAdded(answer.data.addTandemNote);
  };

  return (
    <form
      className="card form note-form"
      noValidate
      aria-labelledby="note-form-heading"
      onSubmit={(event) => void onSubmit(event)}
      data-testid="note-form"
    >
      <h3 id="note-form-heading">{t('tandems.notes.addHeading')}</h3>
      <ErrorSummary form={form} />
      <KindPicker form={form} value={kind} onChange={setKind} />
      {visit ? (
        <div className="field-row">
          <TextField
            form={form}
            name="visitDate"
            type="date"
            label={t('tandems.notes.visitDate')}
            value={visitDate}
            onChange={setVisitDate}
          />
          <TextField
            form={form}
            name="place"
            label={t('tandems.notes.place')}
            value={place}
            onChange={setPlace}
            required={false}
          />
        </div>
      ) : null}
      <TextAreaField
        form={form}
        name="body"
        label={t(`tandems.notes.bodyLabel.${kind}`)}
        hint={t('tandems.notes.bodyHint')}
        value={body}
        onChange={setBody}
        required
        rows={5}
        maxLength={20000}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={fetching}>
          {t('tandems.notes.submit')}
        </button>
      </div>
    </form>
  );
}

interface NoteItemProps {
  note: TandemNote;
  fresh: boolean;
  onUpdated: (note: TandemNote) => void;
  onDeleted: () => void;
}

function NoteItem({ note, fresh, onUpdated, onDeleted }: NoteItemProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const [{ fetching: deleting }, deleteNote] = useMutation(DeleteTandemNoteDocument);
  const actions = useFormErrors([] as const);
  const kindName = t(`tandems.noteKind.${note.kind}`);
  const edited = note.revision > 1;

  const onDelete = async () => {
    actions.clear();
    const answer = await deleteNote({ id: note.id });
    setConfirming(false);
    if (answer.error) {
      actions.showApiError(answer.error);
      deleteButton.current?.focus();
      return;
    }
    onDeleted();
  };

  return (
    <li
      className={`note note--${note.kind.toLowerCase()}${fresh ? ' note--fresh' : ''}`}
      data-testid="tandem-note"
      data-kind={note.kind}
    >
      <article aria-labelledby={headingId}>
        <header className="note__header">
          <span className={`note-kind note-kind--${note.kind.toLowerCase()}`} aria-hidden="true">
            {KIND_ICONS[note.kind]}
          </span>
          <div>
            <h3 id={headingId} className="note__title">
              {note.kind === 'VISIT' && note.visitDate
                ? note.place
                  ? t('tandems.notes.visitTitlePlace', {
                      date: formatDay(note.visitDate, language),
                      place: note.place,
                    })
                  : t('tandems.notes.visitTitle', { date: formatDay(note.visitDate, language) })
                : kindName}
              {fresh ? <span className="badge">{t('tandems.notes.new')}</span> : null}
            </h3>
            <p className="note__meta">
              {note.author?.displayName ?? t('tandems.notes.formerMember')}
              {note.authorCity ? <> · {note.authorCity.name}</> : null} ·{' '}
              <time dateTime={note.createdAt}>{formatDateTime(note.createdAt, language)}</time>
              {edited ? (
                <>
                  {' '}
                  ·{' '}
                  <span>
                    {t('tandems.notes.edited', {
                      date: formatDateTime(note.updatedAt, language),
                    })}
                  </span>
                </>
              ) : null}
            </p>
          </div>
        </header>

        {editing ? (
          <EditNoteForm
            note={note}
            onDone={(updated) => {
              setEditing(false);
              if (updated) onUpdated(updated);
              // The edit button comes back with the text; focus it after React has drawn it.
              window.setTimeout(() => editButton.current?.focus(), 0);
            }}
          />
        ) : (
          // Rendered and sanitized by the server (see the schema's bodyHtml).
          <div
            className="prose note__body"
            data-testid="note-body"
            dangerouslySetInnerHTML={{ __html: note.bodyHtml }}
          />
        )}

        <ErrorSummary form={actions} title={t('tandems.notes.actionFailed')} />
        {note.viewerIsAuthor && !editing ? (
          <div className="row-actions note__actions">
            <button
              ref={editButton}
              type="button"
              className="button button--secondary button--small"
              onClick={() => setEditing(true)}
            >
              {t('tandems.notes.edit')}
              <span className="visually-hidden"> ({kindName})</span>
            </button>
            <button
              ref={deleteButton}
              type="button"
              className="button button--danger button--small"
              disabled={deleting}
              onClick={() => setConfirming(true)}
            >
              {t('tandems.notes.delete')}
              <span className="visually-hidden"> ({kindName})</span>
            </button>
          </div>
        ) : null}
      </article>
      {confirming ? (
        <ConfirmDialog
          title={t('tandems.notes.confirmDeleteTitle')}
          confirmLabel={t('tandems.notes.delete')}
          busy={deleting}
          onConfirm={() => void onDelete()}
          onCancel={() => {
            setConfirming(false);
            deleteButton.current?.focus();
          }}
        >
          <p>{t('tandems.notes.confirmDeleteText', { kind: kindName })}</p>
        </ConfirmDialog>
      ) : null}
    </li>
  );
}

function EditNoteForm({
  note,
  onDone,
}: {
  note: TandemNote;
  onDone: (updated: TandemNote | null) => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors(FIELDS, FIELD_TEXTS);
  const [body, setBody] = useState(note.body);
  const [visitDate, setVisitDate] = useState(note.visitDate ?? '');
  const [place, setPlace] = useState(note.place ?? '');
  const [{ fetching }, updateNote] = useMutation(UpdateTandemNoteDocument);
  const visit = note.kind === 'VISIT';
  const bodyRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    bodyRef.current?.querySelector('textarea')?.focus();
  }, []);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!body.trim()) return form.showErrors([{ field: 'body', key: 'errors.REQUIRED_NOTE_BODY' }]);
    if (visit && !visitDate) {
      return form.showErrors([{ field: 'visitDate', key: 'errors.REQUIRED_VISIT_DATE' }]);
    }
    const answer = await updateNote({
      input: {
        id: note.id,
        body,
        visitDate: visit ? visitDate : null,
        place: visit ? place.trim() || null : null,
      },
    });
    if (answer.error || !answer.data) {
      if (answer.error) form.showApiError(answer.error);
      return;
    }
    onDone(answer.data.updateTandemNote);
  };

  return (
    <form className="form note__edit" noValidate onSubmit={(event) => void onSubmit(event)}>
      <ErrorSummary form={form} />
      {visit ? (
        <div className="field-row">
          <TextField
            form={form}
            name="visitDate"
            type="date"
            label={t('tandems.notes.visitDate')}
            value={visitDate}
            onChange={setVisitDate}
          />
          <TextField
            form={form}
            name="place"
            label={t('tandems.notes.place')}
            value={place}
            onChange={setPlace}
            required={false}
          />
        </div>
      ) : null}
      <div ref={bodyRef}>
        <TextAreaField
          form={form}
          name="body"
          label={t(`tandems.notes.bodyLabel.${note.kind}`)}
          hint={t('tandems.notes.bodyHint')}
          value={body}
          onChange={setBody}
          required
          rows={5}
          maxLength={20000}
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={fetching}>
          {t('tandems.notes.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
