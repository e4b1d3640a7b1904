import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  AddTandemNoteDocument,
  UpdateTandemNoteDocument,
  type TandemNoteKind,
} from '../../generated/graphql';
import {
  ErrorSummary,
  TextAreaField,
  TextField,
  useFormErrors,
  type FormErrors,
} from '../../ui/FormErrors';
import { markdownShortcuts, MarkdownToolbar } from '../../ui/MarkdownToolbar';
import { NOTE_KINDS, NoteKindIcon } from './NoteKindIcon';
import { todayInBerlin } from './tandem-format';
import type { TandemNote } from './types';
import './tandems.css';

const FIELDS = ['kind', 'body', 'visitDate', 'place'] as const;
type Field = (typeof FIELDS)[number];
/** A note's `body` is not a practice's `body`: the form says what its fields' errors mean. */
const FIELD_TEXTS = {
  body: 'errors.TANDEM_NOTE_BODY',
  visitDate: 'errors.TANDEM_VISIT_DATE',
  place: 'errors.TANDEM_PLACE',
} as const;

type NoteFormProps =
  /** A new entry of the tandem: the kind is chosen here, the form empties after saving. */
  | { tandemId: string; note?: undefined; onSaved: (note: TandemNote) => void; onCancel?: never }
  /** Changing one's own entry: its kind stays; saving or cancelling ends the editing. */
  | {
      note: TandemNote;
      tandemId?: never;
      onSaved: (note: TandemNote) => void;
      onCancel: () => void;
    };

/** The one form for a tandem entry, for adding and for editing. */
export function NoteForm(props: NoteFormProps) {
  const { note, onSaved } = props;
  const editing = note !== undefined;
  const { t } = useTranslation();
  const headingId = useId();
  const form = useFormErrors(FIELDS, FIELD_TEXTS);
  const [kind, setKind] = useState<TandemNoteKind>(note?.kind ?? 'NOTE');
  const [body, setBody] = useState(note?.body ?? '');
  const [visitDate, setVisitDate] = useState(() =>
    note ? (note.visitDate ?? '') : todayInBerlin(),
  );
  const [place, setPlace] = useState(note?.place ?? '');
  const [{ fetching: adding }, addNote] = useMutation(AddTandemNoteDocument);
  const [{ fetching: updating }, updateNote] = useMutation(UpdateTandemNoteDocument);
  const visit = kind === 'VISIT';
  const bodyId = form.fieldId('body');
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  // Editing starts in the text: that is what one opens an entry to change.
  useEffect(() => {
    if (editing) document.getElementById(bodyId)?.focus();
  }, [editing, bodyId]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing: Array<{
      field: Field;
      key: 'errors.REQUIRED_NOTE_BODY' | 'errors.REQUIRED_VISIT_DATE';
    }> = [];
    // In the order of the fields on the page, as the summary lists them.
    if (visit && !visitDate)
      missing.push({ field: 'visitDate', key: 'errors.REQUIRED_VISIT_DATE' });
    if (!body.trim()) missing.push({ field: 'body', key: 'errors.REQUIRED_NOTE_BODY' });
    if (missing.length > 0) return form.showErrors(missing);
    const content = {
      body,
      visitDate: visit ? visitDate : null,
      place: visit ? place.trim() || null : null,
    };
    const answer = props.note
      ? await updateNote({ input: { id: props.note.id, ...content } })
      : await addNote({ input: { tandemId: props.tandemId, kind, ...content } });
    if (answer.error || !answer.data) {
      if (answer.error) form.showApiError(answer.error);
      return;
    }
    const saved =
      'updateTandemNote' in answer.data ? answer.data.updateTandemNote : answer.data.addTandemNote;
    if (!editing) {
      // Ready for the next entry; kind and date stay, as one often writes several alike.
      form.clear();
      setBody('');
      setPlace('');
    }
    onSaved(saved);
  };

  return (
    <form
      className={editing ? 'form note__edit' : 'card form note-form'}
      noValidate
      aria-labelledby={editing ? undefined : headingId}
      onSubmit={(event) => void onSubmit(event)}
      data-testid={editing ? undefined : 'note-form'}
    >
      {editing ? null : <h3 id={headingId}>{t('tandems.notes.addHeading')}</h3>}
      <ErrorSummary form={form} />
      {editing ? null : <KindPicker form={form} value={kind} onChange={setKind} />}
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
        textareaRef={bodyRef}
        onKeyDown={markdownShortcuts(setBody)}
        before={<MarkdownToolbar textareaRef={bodyRef} controls={bodyId} onChange={setBody} />}
        required
        rows={5}
        maxLength={20000}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={editing ? updating : adding}>
          {editing ? t('tandems.notes.save') : t('tandems.notes.submit')}
        </button>
        {props.onCancel ? (
          <button type="button" className="button button--secondary" onClick={props.onCancel}>
            {t('form.cancel')}
          </button>
        ) : null}
      </div>
    </form>
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
                <NoteKindIcon kind={kind} /> {t(`tandems.noteKind.${kind}`)}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
