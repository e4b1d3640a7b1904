import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import {
  AddSteeringMemberDocument,
  RemoveSteeringMemberDocument,
  UpdateSteeringMemberDocument,
  type InitiativeManagementQuery,
} from '../../generated/graphql';
import {
  ErrorSummary,
  SelectField,
  SuccessMessage,
  TextField,
  useFormErrors,
  type FormErrors,
} from '../../ui/FormErrors';
import type { MemberChoice } from './FieldsManager';
import './initiatives.css';

type ManagedMember = InitiativeManagementQuery['initiativeManagement']['steeringGroup'][number];
const MEMBER_FORM = ['name', 'organisation', 'personId', 'id', 'initiativeId'] as const;
type MemberField = (typeof MEMBER_FORM)[number];
interface Values {
  name: string;
  organisation: string;
  personId: string;
}
const EMPTY: Values = { name: '', organisation: '', personId: '' };

/** The steering group: name and organisation (public), optionally a member account (queue). */
export function SteeringManager({
  initiativeId,
  steering,
  members,
  onChanged,
}: {
  initiativeId: string;
  steering: readonly ManagedMember[];
  members: readonly MemberChoice[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="manage-steering-heading" className="initiative-admin__section">
      <h2 id="manage-steering-heading">{t('initiatives.steeringHeading')}</h2>
      <p>{t('initiatives.admin.steeringIntro', { count: steering.length })}</p>
      <ul className="initiative-admin__list">
        {steering.map((member) => (
          <li key={member.id} className="card" data-testid="managed-steering-member">
            <MemberEditor member={member} members={members} onChanged={onChanged} />
          </li>
        ))}
      </ul>
      <AddMemberForm initiativeId={initiativeId} members={members} onChanged={onChanged} />
    </section>
  );
}

function MemberInputs({
  form,
  values,
  members,
  onChange,
}: {
  form: FormErrors<MemberField>;
  values: Values;
  members: readonly MemberChoice[];
  onChange: (values: Values) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        form={form}
        name="name"
        label={t('initiatives.admin.memberName')}
        value={values.name}
        onChange={(name) => onChange({ ...values, name })}
      />
      <TextField
        form={form}
        name="organisation"
        label={t('initiatives.admin.memberOrganisation')}
        hint={t('initiatives.admin.memberOrganisationHint')}
        value={values.organisation}
        onChange={(organisation) => onChange({ ...values, organisation })}
        required={false}
      />
      <SelectField
        form={form}
        name="personId"
        label={t('initiatives.admin.memberAccount')}
        hint={t('initiatives.admin.memberAccountHint')}
        value={values.personId}
        onChange={(personId) => onChange({ ...values, personId })}
        options={[
          { value: '', label: t('initiatives.admin.memberNoAccount') },
          ...members.map((member) => ({ value: member.id, label: member.name })),
        ]}
      />
    </>
  );
}

function MemberEditor({
  member,
  members,
  onChanged,
}: {
  member: ManagedMember;
  members: readonly MemberChoice[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors(MEMBER_FORM);
  const [values, setValues] = useState<Values>({
    name: member.name,
    organisation: member.organisation,
    personId: member.personId ?? '',
  });
  const [saved, setSaved] = useState(false);
  const [{ fetching: saving }, update] = useMutation(UpdateSteeringMemberDocument);
  const [{ fetching: removing }, remove] = useMutation(RemoveSteeringMemberDocument);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!values.name.trim())
      return form.showErrors([{ field: 'name', key: 'errors.STEERING_NAME_MISSING' }]);
    const result = await update({
      input: { id: member.id, ...values, personId: values.personId || null },
    });
    if (result.error) return form.showApiError(result.error);
    form.clear();
    setSaved(true);
    onChanged();
  };
  const onRemove = async () => {
    const result = await remove({ id: member.id });
    if (result.error) return form.showApiError(result.error);
    onChanged();
  };

  return (
    <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <h3>
        {member.name}
        {member.organisation ? `, ${member.organisation}` : ''}
      </h3>
      <ErrorSummary form={form} />
      {saved ? <SuccessMessage>{t('initiatives.admin.saved')}</SuccessMessage> : null}
      <MemberInputs form={form} values={values} members={members} onChange={setValues} />
      <div className="initiative-admin__actions">
        <button type="submit" className="button" disabled={saving}>
          {t('initiatives.admin.saveMember', { name: member.name })}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={removing}
          onClick={() => void onRemove()}
        >
          {t('initiatives.admin.removeMember', { name: member.name })}
        </button>
      </div>
    </form>
  );
}

function AddMemberForm({
  initiativeId,
  members,
  onChanged,
}: {
  initiativeId: string;
  members: readonly MemberChoice[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors(MEMBER_FORM);
  const [values, setValues] = useState<Values>(EMPTY);
  const [saved, setSaved] = useState(false);
  const [{ fetching }, add] = useMutation(AddSteeringMemberDocument);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!values.name.trim())
      return form.showErrors([{ field: 'name', key: 'errors.STEERING_NAME_MISSING' }]);
    const result = await add({
      initiativeId,
      input: { ...values, personId: values.personId || null },
    });
    if (result.error) return form.showApiError(result.error);
    form.clear();
    setValues(EMPTY);
    setSaved(true);
    onChanged();
  };

  return (
    <form
      className="form card"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      aria-labelledby="add-member-heading"
      data-testid="add-steering-member"
    >
      <h3 id="add-member-heading">{t('initiatives.admin.addMemberHeading')}</h3>
      <ErrorSummary form={form} />
      {saved ? <SuccessMessage>{t('initiatives.admin.memberAdded')}</SuccessMessage> : null}
      <MemberInputs form={form} values={values} members={members} onChange={setValues} />
      <button type="submit" className="button" disabled={fetching}>
        {t('initiatives.admin.addMember')}
      </button>
    </form>
  );
}
