import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import {
  AddInitiativeFieldDocument,
  RemoveInitiativeFieldDocument,
  SetInitiativeFieldContactsDocument,
  UpdateInitiativeFieldDocument,
  type InitiativeManagementQuery,
} from '../../generated/graphql';
import { ErrorSummary, SuccessMessage, TextField, useFormErrors } from '../../ui/FormErrors';
import { FieldRowInputs, type TopicChoice } from './FieldRowsEditor';
import './initiatives.css';

type ManagedField = InitiativeManagementQuery['initiativeManagement']['fields'][number];
export interface MemberChoice {
  id: string;
  name: string;
}

const FIELD_FORM = ['name', 'sensitive', 'id', 'personIds'] as const;
const ADD_FORM = ['name', 'topicId', 'initiativeId'] as const;

/** The action fields: rename, mark sensitive, remove while empty, name the contact persons. */
export function FieldsManager({
  initiativeId,
  fields,
  topics,
  members,
  onChanged,
}: {
  initiativeId: string;
  fields: readonly ManagedField[];
  topics: readonly TopicChoice[];
  members: readonly MemberChoice[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="manage-fields-heading" className="initiative-admin__section">
      <h2 id="manage-fields-heading">{t('initiatives.admin.fieldsHeading')}</h2>
      <ul className="initiative-admin__list">
        {fields.map((field) => (
          <li key={field.id} className="card" data-testid="managed-field">
            <FieldEditor field={field} members={members} onChanged={onChanged} />
          </li>
        ))}
      </ul>
      <AddFieldForm initiativeId={initiativeId} topics={topics} onChanged={onChanged} />
    </section>
  );
}

function FieldEditor({
  field,
  members,
  onChanged,
}: {
  field: ManagedField;
  members: readonly MemberChoice[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors(FIELD_FORM);
  const [name, setName] = useState(field.name);
  const [sensitive, setSensitive] = useState(field.sensitive);
  const [contacts, setContacts] = useState<string[]>(field.contactPersonIds);
  const [saved, setSaved] = useState<string | null>(null);
  const [{ fetching: saving }, update] = useMutation(UpdateInitiativeFieldDocument);
  const [{ fetching: removing }, remove] = useMutation(RemoveInitiativeFieldDocument);
  const [{ fetching: naming }, setFieldContacts] = useMutation(SetInitiativeFieldContactsDocument);
  const sensitiveId = `${form.fieldId('sensitive')}`;
  const contactsLegendId = `${form.fieldId('personIds')}-legend`;

  const done = (message: string) => {
    form.clear();
    setSaved(message);
    onChanged();
  };
  const onSave = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if (!name.trim())
      return form.showErrors([{ field: 'name', key: 'errors.INITIATIVE_FIELD_NAME_MISSING' }]);
    const result = await update({ input: { id: field.id, name, sensitive } });
    if (result.error) return form.showApiError(result.error);
    done(t('initiatives.admin.saved'));
  };
  const onRemove = async () => {
    setSaved(null);
    const result = await remove({ id: field.id });
    if (result.error) return form.showApiError(result.error);
    onChanged();
  };
  const onContacts = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const result = await setFieldContacts({ fieldId: field.id, personIds: contacts });
    if (result.error) return form.showApiError(result.error);
    done(t('initiatives.admin.contactsSaved', { count: contacts.length }));
  };

  return (
    <>
      <h3>
        {field.name}
        {field.sensitive ? (
          <span className="tag initiative-admin__badge">{t('initiatives.queue.sensitive')}</span>
        ) : null}
      </h3>
      <p>{t('initiatives.admin.suggestionCount', { count: field.suggestionCount })}</p>
      <ErrorSummary form={form} />
      {saved ? <SuccessMessage>{saved}</SuccessMessage> : null}
      <form className="form" noValidate onSubmit={(event) => void onSave(event)}>
        <TextField
          form={form}
          name="name"
          label={t('initiatives.admin.fieldName')}
          value={name}
          onChange={setName}
        />
        <div className="field">
          <span className="check">
            <input
              id={sensitiveId}
              type="checkbox"
              checked={sensitive}
              aria-describedby={`${sensitiveId}-hint`}
              onChange={(event) => setSensitive(event.target.checked)}
            />
            <label htmlFor={sensitiveId}>{t('initiatives.admin.sensitive')}</label>
          </span>
          <p id={`${sensitiveId}-hint`} className="field__hint">
            {t('initiatives.admin.sensitiveHint')}
          </p>
        </div>
        <div className="initiative-admin__actions">
          <button type="submit" className="button" disabled={saving}>
            {t('initiatives.admin.saveField', { name: field.name })}
          </button>
          {field.suggestionCount === 0 ? (
            <button
              type="button"
              className="button button--danger"
              disabled={removing}
              onClick={() => void onRemove()}
            >
              {t('initiatives.admin.removeField', { name: field.name })}
            </button>
          ) : null}
        </div>
      </form>
      <form className="form" noValidate onSubmit={(event) => void onContacts(event)}>
        <fieldset className="field" aria-describedby={`${contactsLegendId}-hint`}>
          <legend id={contactsLegendId}>
            {t('initiatives.admin.contactsLegend', { name: field.name })}
          </legend>
          <p id={`${contactsLegendId}-hint`} className="field__hint">
            {field.sensitive
              ? t('initiatives.admin.contactsHintSensitive')
              : t('initiatives.admin.contactsHint')}
          </p>
          {members.map((member) => {
            const id = `${form.fieldId('personIds')}-${member.id}`;
            return (
              <span key={member.id} className="check">
                <input
                  id={id}
                  type="checkbox"
                  checked={contacts.includes(member.id)}
                  onChange={(event) =>
                    setContacts((current) =>
                      event.target.checked
                        ? [...current, member.id]
                        : current.filter((person) => person !== member.id),
                    )
                  }
                />
                <label htmlFor={id}>{member.name}</label>
              </span>
            );
          })}
        </fieldset>
        <button type="submit" className="button button--secondary" disabled={naming}>
          {t('initiatives.admin.saveContacts', { name: field.name })}
        </button>
      </form>
    </>
  );
}

function AddFieldForm({
  initiativeId,
  topics,
  onChanged,
}: {
  initiativeId: string;
  topics: readonly TopicChoice[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors(ADD_FORM);
  const empty = { key: 0, topicId: '', name: '', sensitive: false };
  const [row, setRow] = useState(empty);
  const [saved, setSaved] = useState(false);
  const [{ fetching }, add] = useMutation(AddInitiativeFieldDocument);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!row.topicId && !row.name.trim())
      return form.showErrors([{ field: 'name', key: 'errors.INITIATIVE_FIELD_NAME_MISSING' }]);
    const result = await add({
      initiativeId,
      input: { name: row.name, topicId: row.topicId || null, sensitive: row.sensitive },
    });
    if (result.error) return form.showApiError(result.error);
    form.clear();
    setRow(empty);
    setSaved(true);
    onChanged();
  };

  return (
    <form
      className="form card"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      aria-labelledby="add-field-heading"
      data-testid="add-field"
    >
      <h3 id="add-field-heading">{t('initiatives.admin.addFieldHeading')}</h3>
      <ErrorSummary form={form} />
      {saved ? <SuccessMessage>{t('initiatives.admin.fieldAdded')}</SuccessMessage> : null}
      <FieldRowInputs form={form} prefix="" row={row} topics={topics} onChange={setRow} />
      <button type="submit" className="button" disabled={fetching}>
        {t('initiatives.admin.addField')}
      </button>
    </form>
  );
}
