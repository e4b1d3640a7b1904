import { useId, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { DeleteTandemNoteDocument } from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorSummary, useFormErrors } from '../../ui/FormErrors';
import { formatDateTime, formatDay } from '../../ui/format';
import { NoteForm } from './NoteForm';
import { NoteKindIcon } from './NoteKindIcon';
import type { TandemNote } from './types';
import { personName } from '../../ui/person-name';
import './tandems.css';

interface NoteItemProps {
  note: TandemNote;
  fresh: boolean;
  onUpdated: (note: TandemNote) => void;
  onDeleted: () => void;
}

/** One entry of the exchange; its author can change or delete it in place. */
export function NoteItem({ note, fresh, onUpdated, onDeleted }: NoteItemProps) {
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

  const stopEditing = () => {
    setEditing(false);
    // The edit button comes back with the text; focus it after React has drawn it.
    window.setTimeout(() => editButton.current?.focus(), 0);
  };

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
          <NoteKindIcon kind={note.kind} />
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
              {/* The city follows; a former member is named without it. */}
              {note.author && !note.author.formerMember
                ? personName(t, note.author)
                : t('tandems.notes.formerMember')}
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
          <NoteForm
            note={note}
            onSaved={(updated) => {
              stopEditing();
              onUpdated(updated);
            }}
            onCancel={stopEditing}
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
